/**
 * The one way public pages are mounted in every language and answered in it: `forEachLocale`
 * registers a router's pages once per language under its prefix ('' for Swedish, '/en', '/ar' …),
 * so a page added to a register function appears in all languages; `renderPage` sends the HTML
 * with `Content-Language`. tests/views/localized-routes.test.ts fails when a public page exists
 * in Swedish but not under every prefix.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { LOCALES, localeInfo, stripLocalePrefix, type Locale } from '../i18n/locale-info';

/** Calls `register(prefix, locale)` once per public language, Swedish first. */
export function forEachLocale(register: (prefix: string, locale: Locale) => void): void {
  for (const locale of LOCALES) register(localeInfo(locale).prefix, locale);
}

/** Sends a rendered page in `locale` with its Content-Language header. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderPage(c: Context<any>, locale: Locale, page: Parameters<Context['html']>[0], status?: ContentfulStatusCode) {
  c.header('Content-Language', localeInfo(locale).htmlLang);
  return status === undefined ? c.html(page) : c.html(page, status);
}

/** The request path without its language prefix, with its query (for the language switch). */
export function pathWithoutLocale(url: string): string {
  const u = new URL(url);
  return stripLocalePrefix(u.pathname) + u.search;
}
