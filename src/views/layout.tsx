/**
 * The page frame of every public page: language, skip link, header with the language
 * switch, main landmark, footer. No inline script or style (the CSP forbids them).
 */
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { localePath, t, type Locale } from './i18n';
import { STYLESHEET_PATH } from './static-routes';

export interface LayoutProps {
  locale: Locale;
  title: string;
  description?: string;
  /** Path (with query) of this page without the /en prefix, for the language switch and hreflang. */
  path: string;
  children?: Child;
  noindex?: boolean;
}

/** Wraps page content in the shared frame. */
export const Layout: FC<LayoutProps> = ({ locale, title, description, path, children, noindex }) => {
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} – ${t(locale, 'siteName')}`}</title>
          {description ? <meta name="description" content={description} /> : null}
          {noindex ? <meta name="robots" content="noindex" /> : null}
          <link rel="stylesheet" href={STYLESHEET_PATH} />
          {/* No icon yet: an empty one stops browsers requesting /favicon.ico (a 404 on every first visit). */}
          <link rel="icon" href="data:," />
          <link rel="alternate" hreflang="sv" href={localePath('sv', path)} />
          <link rel="alternate" hreflang="en" href={localePath('en', path)} />
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
              <a class="lang-switch" href={localePath(other, path)} lang={other} hreflang={other}>
                {t(locale, 'langSwitch')}
              </a>
            </div>
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
                    <a href={locale === 'sv' ? '/sjalvkontroll' : '/self-check'}>{t(locale, 'selfCheckLink')}</a>
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
