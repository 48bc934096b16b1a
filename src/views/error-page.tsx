/**
 * HTML error pages in the language of the request path. A 404 helps: it offers the
 * municipality search instead of a dead end.
 */
import type { Context } from 'hono';
import { Layout } from './layout';
import { publicFrame } from './public-frame';
import { SearchForm } from './components';
import { localeFromPath, localePath, type Locale } from '../i18n/locale-info';
import { t } from '../i18n/public/texts';
import { pathWithoutLocale, renderPage } from './localized';
import type { AppEnv } from '../http/env';
import { AppError, wantsJson } from '../http/errors';
import { PayloadTooLargeError } from '../http/body-limit';

const localeOf = (c: Context<AppEnv>): Locale => localeFromPath(c.req.path);

/** A limit in the page's words: "1 MB", "64 kB". */
function sizeText(locale: Locale, bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  return `${Math.round(bytes / 1024)} ${locale === 'sv' ? 'kB' : 'KB'}`;
}

/** The message shown for an error: known errors in the page's language, others as they were raised. */
function messageOf(locale: Locale, err: AppError): string {
  if (err instanceof PayloadTooLargeError) return t(locale, 'bodyTooLarge', { limit: sizeText(locale, err.limitBytes) });
  return err.message;
}

/** Renders an AppError as a page in the request's language. */
export function renderErrorPage(c: Context<AppEnv>, err: AppError) {
  const locale = localeOf(c);
  const title = err.status === 404 ? t(locale, 'notFoundTitle') : t(locale, 'errorTitle');
  c.status(err.status);
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    locale,
    <Layout frame={publicFrame({ locale, path: c.req.method === 'GET' ? pathWithoutLocale(c.req.url) : '/', noindex: true })} title={title}>
      <h1>{title}</h1>
      <p>{messageOf(locale, err)}</p>
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
