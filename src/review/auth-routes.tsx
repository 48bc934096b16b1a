/**
 * Sign-in, sign-out and password change. The sign-in form is protected by an Origin check and a
 * double-submit token (a random value in an HttpOnly cookie and in the form); sign-out and the
 * password change by the session's CSRF token (middleware). A new session is created at every
 * sign-in (no fixation) and the cookie is replaced.
 */
import type { Hono } from 'hono';
import { clientIp } from '../http/client-ip';
import type { Locale } from '../i18n/locale-info';
import { clearCookie, LOGIN_COOKIE, readCookie, SESSION_COOKIE, secureCookies, writeCookie } from './auth/cookies';
import { CSRF_FIELD, isOwnOrigin } from './auth/csrf';
import { constantTimeEqualText, randomBytes, toBase64Url } from './auth/encoding';
import { verifyPassword } from './auth/password';
import { createSession, revokeSession } from './auth/sessions';
import { signIn } from './auth/sign-in';
import { AccountError, changeOwnPassword } from './auth/users';
import { recordAudit } from './audit';
import { rp, safeNext, type ReviewContext, type ReviewEnv } from './context';
import { rt } from '../i18n/review/texts';
import { LoginPage, PasswordPage } from './views/login-page';

/** Renders the sign-in page with a fresh double-submit token. */
function loginPage(c: ReviewContext, locale: Locale, props: { next?: string; email?: string; error?: boolean; notice?: string | null }, status: 200 | 401 | 403 | 429 = 200) {
  const secure = secureCookies(c, c.get('deps').config.PUBLIC_BASE_URL);
  const token = toBase64Url(randomBytes(24));
  writeCookie(c, LOGIN_COOKIE, token, secure);
  return c.html(<LoginPage locale={locale} csrf={token} {...props} />, status);
}

/** Registers the sign-in routes for one locale. */
export function registerAuthRoutes(r: Hono<ReviewEnv>, locale: Locale) {
  const home = rp(locale, '/review');

  r.get(rp(locale, '/review/login'), (c) => {
    const next = safeNext(c.req.query('next'), '');
    const notice = c.req.query('signed_out') !== undefined ? rt(locale, 'loginSignedOut') : null;
    return loginPage(c, locale, { next: next || undefined, notice });
  });

  r.post(rp(locale, '/review/login'), async (c) => {
    const { db, clock, config } = c.get('deps');
    const secure = secureCookies(c, config.PUBLIC_BASE_URL);
    const form = await c.req.parseBody();
    const cookieToken = readCookie(c, LOGIN_COOKIE, secure);
    const formToken = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : '';
    const next = safeNext(form.next, '');
    if (!isOwnOrigin(c, config.PUBLIC_BASE_URL) || !cookieToken || !formToken || !constantTimeEqualText(cookieToken, formToken)) {
      c.get('log')?.('warn', 'review login csrf rejected', {});
      return loginPage(c, locale, { next: next || undefined, notice: rt(locale, 'csrfFailed') }, 403);
    }
    const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
    const now = clock();
    const result = await signIn(db, { email, password, ip: clientIp(c) ?? 'unknown', now });
    if (!result.ok) return loginPage(c, locale, { next: next || undefined, email, error: true }, 401);
    const { token } = await createSession(db, result.user.id, now);
    writeCookie(c, SESSION_COOKIE, token, secure);
    clearCookie(c, LOGIN_COOKIE, secure);
    if (result.user.mustChangePassword) return c.redirect(rp(locale, '/review/password'), 303);
    return c.redirect(next || home, 303);
  });

  r.post(rp(locale, '/review/logout'), async (c) => {
    const { db, clock, config } = c.get('deps');
    const { session, user } = c.get('reviewer');
    const now = clock();
    await revokeSession(db, session.id, now);
    await recordAudit(db, { at: now.toISOString(), actor: `user:${user.id}`, action: 'logout', subjectType: 'user', subjectId: user.id });
    clearCookie(c, SESSION_COOKIE, secureCookies(c, config.PUBLIC_BASE_URL));
    return c.redirect(`${rp(locale, '/review/login')}?signed_out`, 303);
  });

  r.get(rp(locale, '/review/password'), (c) => c.html(<PasswordPage locale={locale} reviewer={c.get('reviewer')} done={c.req.query('done') !== undefined} />));

  r.post(rp(locale, '/review/password'), async (c) => {
    const { db, clock } = c.get('deps');
    const reviewer = c.get('reviewer');
    const form = await c.req.parseBody();
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, 1024) : '');
    const fail = (key: 'passwordWrongCurrent' | 'passwordMismatch' | 'passwordWeak') => c.html(<PasswordPage locale={locale} reviewer={reviewer} error={rt(locale, key)} />, 400);
    if (!(await verifyPassword(str('current'), reviewer.user.passwordHash))) return fail('passwordWrongCurrent');
    if (str('new') !== str('repeat')) return fail('passwordMismatch');
    try {
      await changeOwnPassword(db, { user: reviewer.user, newPassword: str('new'), keepSessionId: reviewer.session.id, now: clock() });
    } catch (e) {
      if (e instanceof AccountError) return fail('passwordWeak');
      throw e;
    }
    return c.redirect(`${rp(locale, '/review/password')}?done`, 303);
  });
}
