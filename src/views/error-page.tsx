/**
 * HTML error pages. A 404 helps: it offers the municipality search instead of a dead end.
 */
import type { Context } from 'hono';
import { Layout } from './layout';
import { SearchForm } from './components';
import { localePath, t, type Locale } from './i18n';
import type { AppEnv } from '../http/env';
import { AppError, wantsJson } from '../http/errors';
import { PayloadTooLargeError } from '../http/body-limit';

// /self-check is the English self-check form (its Swedish twin is /sjalvkontroll).
const localeOf = (c: Context<AppEnv>): Locale => (c.req.path === '/en' || c.req.path.startsWith('/en/') || c.req.path === '/self-check' ? 'en' : 'sv');

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
  return c.html(
    <Layout locale={locale} title={title} path="/" noindex>
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
  const err = new AppError(404, 'not_found', localeOf(c) === 'en' ? 'There is no page at this address.' : 'Det finns ingen sida på den här adressen.');
  if (wantsJson(c)) return c.json({ error: { code: err.code, message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
  return renderErrorPage(c, err);
}
