/**
 * The frame of every workspace page: language, skip link, header with the workspace navigation,
 * the signed-in user and a sign-out form, the language switch, main landmark, footer. Uses the
 * public stylesheet plus the workspace's own; no inline script or style (CSP).
 */
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Locale } from '../../i18n/locale-info';
import { STYLESHEET_PATH } from '../../views/static-routes';
import { CSRF_FIELD } from '../auth/csrf';
import type { Reviewer } from '../context';
import { rp } from '../context';
import { REVIEW_KEYS_JS_PATH } from '../keys-script';
import { REVIEW_CSS_PATH } from '../styles';
import { rt } from '../../i18n/review/texts';

export type NavKey = 'dashboard' | 'queue' | 'audit' | 'reports' | 'users' | 'apikeys' | null;

export interface ReviewLayoutProps {
  locale: Locale;
  title: string;
  /** Path (with query) without the /en prefix, for the language switch. */
  path: string;
  reviewer?: Reviewer;
  nav?: NavKey;
  /** Load the j/k keyboard walk (pages with next/previous finding links). */
  scripts?: boolean;
  children?: Child;
}

/** The hidden CSRF field every workspace form carries. */
export const CsrfField: FC<{ reviewer: Reviewer }> = ({ reviewer }) => <input type="hidden" name={CSRF_FIELD} value={reviewer.csrf} />;

/** Wraps workspace content in the shared frame. */
export const ReviewLayout: FC<ReviewLayoutProps> = ({ locale, title, path, reviewer, nav, scripts, children }) => {
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  const link = (key: NavKey, href: string, label: string) => (
    <li>
      <a href={rp(locale, href)} aria-current={nav === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${title} – ${rt(locale, 'appName')}`}</title>
          <link rel="stylesheet" href={STYLESHEET_PATH} />
          <link rel="stylesheet" href={REVIEW_CSS_PATH} />
          <link rel="icon" href="data:," />
          {scripts ? <script src={REVIEW_KEYS_JS_PATH} defer></script> : null}
        </head>
        <body>
          <a class="skip" href="#main">
            {rt(locale, 'skip')}
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href={rp(locale, '/review')}>
                {rt(locale, 'appName')}
              </a>
              <div class="who">
                {reviewer ? <span>{rt(locale, 'signedInAs', { name: reviewer.user.displayName })}</span> : null}
                {reviewer ? (
                  <form method="post" action={rp(locale, '/review/logout')} class="inline">
                    <CsrfField reviewer={reviewer} />
                    <button type="submit">{rt(locale, 'signOut')}</button>
                  </form>
                ) : null}
                <a class="lang-switch" href={rp(other, path)} lang={other} hreflang={other}>
                  {rt(locale, 'langSwitch')}
                </a>
              </div>
            </div>
            {reviewer && !reviewer.user.mustChangePassword ? (
              <nav class="review-nav" aria-label={rt(locale, 'navMain')}>
                <ul>
                  {link('dashboard', '/review', rt(locale, 'navDashboard'))}
                  {link('queue', '/review/findings', rt(locale, 'navQueue'))}
                  {link('audit', '/review/audit', rt(locale, 'navAudit'))}
                  {link('reports', '/review/error-reports', rt(locale, 'navReports'))}
                  {reviewer.user.role === 'admin' ? link('users', '/review/admin/users', rt(locale, 'navUsers')) : null}
                  {reviewer.user.role === 'admin' ? link('apikeys', '/review/admin/api-keys', rt(locale, 'navApiKeys')) : null}
                </ul>
              </nav>
            ) : null}
          </header>
          <main id="main" class="review" tabindex={-1}>
            {children}
          </main>
          <footer class="site review-footer">
            <div class="inner">
              <p>{rt(locale, 'footer')}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
};
