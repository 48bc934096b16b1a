/**
 * The page frame of every public page: language and direction, skip link, header with the
 * language switch (all seven languages by their own names, keeping the page and its query),
 * the "awaiting native review" note, main landmark, footer. No inline script or style (the CSP
 * forbids them).
 */
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { PUBLIC_LOCALE_ORDER, localeInfo, localePath, type Locale } from '../i18n/locale-info';
import { awaitingNativeReview, t } from '../i18n/public/texts';
import { STYLESHEET_PATH } from './static-routes';
import { areaListPath } from '../directory/pages/area-paths';
import { selfCheckPath } from './selfcheck-path';

export interface LayoutProps {
  locale: Locale;
  title: string;
  description?: string;
  /** Path (with query) of this page without the language prefix, for the language switch and hreflang. */
  path: string;
  children?: Child;
  noindex?: boolean;
}

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

/** Wraps page content in the shared frame. */
export const Layout: FC<LayoutProps> = ({ locale, title, description, path, children, noindex }) => {
  const info = localeInfo(locale);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={info.htmlLang} dir={info.dir === 'rtl' ? 'rtl' : undefined}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} – ${t(locale, 'siteName')}`}</title>
          {description ? <meta name="description" content={description} /> : null}
          {noindex ? <meta name="robots" content="noindex" /> : null}
          <link rel="stylesheet" href={STYLESHEET_PATH} />
          {/* No icon yet: an empty one stops browsers requesting /favicon.ico (a 404 on every first visit). */}
          <link rel="icon" href="data:," />
          {PUBLIC_LOCALE_ORDER.map((l) => (
            <link rel="alternate" hreflang={localeInfo(l).hreflang} href={localePath(l, path)} />
          ))}
          <link rel="alternate" hreflang="x-default" href={path} />
        </head>
        <body>
          <a class="skip" href="#main">
            {t(locale, 'skip')}
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href={localePath(locale, '/')}>
                {t(locale, 'siteName')}
              </a>
              <LanguageSwitch locale={locale} path={path} />
            </div>
            <ReviewNote locale={locale} />
          </header>
          <main id="main" tabindex={-1}>
            {children}
          </main>
          <footer class="site">
            <div class="inner">
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
                  <li>
                    {/* The self-check has its own English path; /en/sjalvkontroll redirects there. */}
                    <a href={selfCheckPath(locale)}>{t(locale, 'selfCheckLink')}</a>
                  </li>
                  <li>
                    <a href={localePath(locale, '/rules')}>{t(locale, 'rulesLink')}</a>
                  </li>
                </ul>
              </nav>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
};
