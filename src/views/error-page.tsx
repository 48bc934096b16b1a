/**
 * HTML error pages in the language of the request path. A 404 helps: it offers the
 * municipality search instead of a dead end.
 */
import type { Context } from 'hono';
import { Layout } from './layout';
import { SearchForm } from './components';
import { localeFromPath, localePath, t, type Locale } from './i18n';
import { pathWithoutLocale, renderPage } from './localized';
import type { AppEnv } from '../http/env';
import { AppError, wantsJson } from '../http/errors';

const localeOf = (c: Context<AppEnv>): Locale => localeFromPath(c.req.path);

/** Renders an AppError as a page in the request's language. */
export function renderErrorPage(c: Context<AppEnv>, err: AppError) {
  const locale = localeOf(c);
  const title = err.status === 404 ? t(locale, 'notFoundTitle') : t(locale, 'errorTitle');
  c.status(err.status);
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    locale,
    <Layout locale={locale} title={title} path={c.req.method === 'GET' ? pathWithoutLocale(c.req.url) : '/'} noindex>
      <h1>{title}</h1>
      <p>{err.message}</p>
      {err.status === 404 || err.status === 400 ? (
        <>
          <p>{t(locale, 'notFoundText')}</p>
          <SearchForm locale={locale} />
        </>
      ) : null}
      <p>
        <a href={localePath(locale, '/')}>{t(locale, 'homeLink')}</a>
      </p>
    </Layout>,
  );
}

/** The app-wide not-found handler (unknown routes). */
export function renderNotFound(c: Context<AppEnv>) {
  const err = new AppError(404, 'not_found', t(localeOf(c), 'errNoPage'));
  if (wantsJson(c)) return c.json({ error: { code: err.code, message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
  return renderErrorPage(c, err);
}
