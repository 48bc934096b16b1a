/**
 * Middleware of the review workspace: no caching of any response, the session check (anonymous
 * requests go to the sign-in page), the forced password change after a reset, and CSRF checks
 * (Origin + synchronizer token) on every POST except sign-in, which checks its own.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors';
import { CSRF_FIELD, csrfToken, isOwnOrigin, verifyCsrfToken } from './auth/csrf';
import { readCookie, SESSION_COOKIE, secureCookies } from './auth/cookies';
import { findSession } from './auth/sessions';
import { reviewLocale, rp, type ReviewEnv } from './context';
import { rt } from '../i18n/review/texts';

/** Paths reachable without a session. */
const PUBLIC = /^\/(en\/)?review\/login$/;
/** Paths allowed while a password change is pending. */
const DURING_PASSWORD_CHANGE = /^\/(en\/)?review\/(password|logout)$/;

/** Cache-Control: no-store (and noindex) on every workspace response, errors and redirects included. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
  };
}

/** Loads the session; redirects anonymous requests to sign-in; checks CSRF on POSTs. */
export function requireReviewer(): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (PUBLIC.test(path)) return next();
    const { db, clock, config } = c.get('deps');
    const locale = reviewLocale(path);
    c.set('locale', locale);
    const secure = secureCookies(c, config.PUBLIC_BASE_URL);
    const found = await findSession(db, readCookie(c, SESSION_COOKIE, secure), clock());
    if (!found) {
      const url = new URL(c.req.url);
      const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
      return c.redirect(rp(locale, '/review/login') + next, 302);
    }
    const csrf = await csrfToken(found.session.csrfSecret, found.session.id);
    c.set('reviewer', { ...found, csrf });
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const tokenOk = await verifyCsrfToken(found.session.csrfSecret, found.session.id, (form as Record<string, unknown>)[CSRF_FIELD]);
      if (!isOwnOrigin(c, config.PUBLIC_BASE_URL) || !tokenOk) {
        c.get('log')?.('warn', 'review csrf rejected', { path, user: found.user.id, originOk: isOwnOrigin(c, config.PUBLIC_BASE_URL), tokenOk });
        throw new AppError(403, 'csrf_failed', rt(locale, 'csrfFailed'));
      }
    }
    if (found.user.mustChangePassword && !DURING_PASSWORD_CHANGE.test(path)) return c.redirect(rp(locale, '/review/password'), 302);
    return next();
  };
}
