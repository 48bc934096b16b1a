/**
 * The frame of every public page, for the shell in layout.tsx: the site stylesheet, hreflang
 * alternates, the language switch (all seven languages by their own names, keeping the page and
 * its query), the "awaiting native review" note and the footer with the site's own pages.
 */
import type { FC } from 'hono/jsx';
import { PUBLIC_LOCALE_ORDER, localeInfo, localePath, type Locale } from '../i18n/locale-info';
import { awaitingNativeReview, t } from '../i18n/public/texts';
import { STYLESHEET_PATH } from './static-routes';
import { areaListPath } from './area-paths';
import { selfCheckPath } from './selfcheck-path';
import type { Frame } from './layout';

/** The language switch: every language by its own name, each link to this page and query in it. */
export const LanguageSwitch: FC<{ locale: Locale; path: string }> = ({ locale, path }) => (
  <nav class="lang-switch" aria-label={t(locale, 'langNav')}>
    <ul>
      {PUBLIC_LOCALE_ORDER.map((l) => {
        const info = localeInfo(l);
        return (
          <li>
            <a href={localePath(l, path)} lang={info.htmlLang} hreflang={info.htmlLang} dir={info.dir} aria-current={l === locale ? 'true' : undefined}>
              {info.nativeName}
            </a>
          </li>
        );
      })}
    </ul>
  </nav>
);

/** The note on every page of a language a native speaker has not signed off yet: in the language and in English. */
export const ReviewNote: FC<{ locale: Locale }> = ({ locale }) =>
  awaitingNativeReview(locale) ? (
    <p class="review-note" data-testid="review-note">
      {t(locale, 'reviewNote')}{' '}
      <span lang="en" dir="ltr">
        {t('en', 'reviewNote')}
      </span>
    </p>
  ) : null;

/** List items linking to the self-check and the marketing rules (the footer, the start page's "For providers"). */
export const ProviderToolLinks: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <li>
      {/* The self-check has its own English path; /en/sjalvkontroll redirects there. */}
      <a href={selfCheckPath(locale)}>{t(locale, 'selfCheckLink')}</a>
    </li>
    <li>
      <a href={localePath(locale, '/rules')}>{t(locale, 'rulesLink')}</a>
    </li>
  </>
);

/** The footer's words about the site and its links to the site's own pages. */
export const PublicFooter: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <p>{t(locale, 'footerAbout')}</p>
    <nav aria-label={t(locale, 'footerNav')}>
      <ul class="footer-links">
        <li>
          <a href={localePath(locale, '/om-betyg')}>{t(locale, 'aboutRatings')}</a>
        </li>
        <li>
          <a href={areaListPath(locale)}>{t(locale, 'areasLink')}</a>
        </li>
        <li>
          <a href={localePath(locale, '/kontakt')}>{t(locale, 'contactLink')}</a>
        </li>
        <li>
          <a href={localePath(locale, '/tillganglighet')}>{t(locale, 'accessibility')}</a>
        </li>
        <li>
          <a href={localePath(locale, '/integritet')}>{t(locale, 'privacyLink')}</a>
        </li>
        <ProviderToolLinks locale={locale} />
      </ul>
    </nav>
  </>
);

export interface PublicFrameOptions {
  locale: Locale;
  /** Path (with query) of this page without the language prefix, for the language switch and hreflang. */
  path: string;
  /** Keep the page out of search engines (results, errors, forms). */
  noindex?: boolean;
}

/** The frame of a public page in `locale` at `path`. */
export function publicFrame({ locale, path, noindex }: PublicFrameOptions): Frame {
  return {
    locale,
    site: { name: t(locale, 'siteName'), href: localePath(locale, '/') },
    stylesheets: [STYLESHEET_PATH],
    robots: noindex ? 'noindex' : undefined,
    head: (
      <>
        {PUBLIC_LOCALE_ORDER.map((l) => (
          <link rel="alternate" hreflang={localeInfo(l).hreflang} href={localePath(l, path)} />
        ))}
        <link rel="alternate" hreflang="x-default" href={path} />
      </>
    ),
    skip: t(locale, 'skip'),
    bar: <LanguageSwitch locale={locale} path={path} />,
    belowBar: <ReviewNote locale={locale} />,
    footer: <PublicFooter locale={locale} />,
  };
}
