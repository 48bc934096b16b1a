/**
 * The frame of every workspace page, for the shell in src/views/layout.tsx: the public
 * stylesheet plus the workspace's own, the optional j/k keyboard script, who is signed in with a
 * sign-out form and the Swedish/English switch beside the brand, the workspace navigation under
 * it, and a short footer. Workspace pages are never indexed.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { rt } from '../../i18n/review/texts';
import { STYLESHEET_PATH } from '../../views/static-routes';
import type { Frame } from '../../views/layout';
import { rp, type Reviewer } from '../context';
import { REVIEW_KEYS_JS_PATH } from '../keys-script';
import { REVIEW_CSS_PATH } from '../styles';
import { CsrfField } from './bits';

/** The workspace section a page belongs to, marked as current in the navigation. */
export type NavKey = 'dashboard' | 'queue' | 'audit' | 'reports' | 'users' | 'apikeys' | null;

/** Who is signed in, the sign-out form and the link to the page in the other language. */
export const SignedIn: FC<{ locale: Locale; path: string; reviewer?: Reviewer }> = ({ locale, path, reviewer }) => {
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  return (
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
  );
};

/** The workspace navigation; administrators also see users and API keys. */
export const WorkspaceNav: FC<{ locale: Locale; reviewer: Reviewer; nav?: NavKey }> = ({ locale, reviewer, nav }) => {
  const link = (key: NavKey, href: string, label: string) => (
    <li>
      <a href={rp(locale, href)} aria-current={nav === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
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
  );
};

export interface WorkspaceFrameOptions {
  locale: Locale;
  /** Path (with query) without the /en prefix, for the language switch. */
  path: string;
  reviewer?: Reviewer;
  nav?: NavKey;
  /** Load the j/k keyboard walk (pages with next/previous finding links). */
  scripts?: boolean;
}

/** The frame of a workspace page; the navigation shows once the reviewer may use the workspace. */
export function workspaceFrame({ locale, path, reviewer, nav, scripts }: WorkspaceFrameOptions): Frame {
  return {
    locale,
    site: { name: rt(locale, 'appName'), href: rp(locale, '/review') },
    stylesheets: [STYLESHEET_PATH, REVIEW_CSS_PATH],
    robots: 'noindex, nofollow',
    head: scripts ? <script src={REVIEW_KEYS_JS_PATH} defer></script> : null,
    skip: rt(locale, 'skip'),
    bar: <SignedIn locale={locale} path={path} reviewer={reviewer} />,
    belowBar: reviewer && !reviewer.user.mustChangePassword ? <WorkspaceNav locale={locale} reviewer={reviewer} nav={nav} /> : null,
    mainClass: 'review',
    footerClass: 'review-footer',
    footer: <p>{rt(locale, 'footer')}</p>,
  };
}
