/**
 * The session cookie and the sign-in form's double-submit cookie. Over https (the request URL
 * or PUBLIC_BASE_URL) the cookies are `__Host-` prefixed and Secure; on plain-http localhost a
 * Secure cookie would never come back, so they are then sent without Secure and without the
 * prefix (browsers reject `__Host-` cookies that are not Secure). Always HttpOnly, SameSite=Lax,
 * Path=/, no Domain, and no Max-Age: they end with the browser session at the latest.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** True when cookies must be Secure: the request came over https or the public URL is https. */
export function secureCookies(c: Context, publicBaseUrl: string): boolean {
  return new URL(c.req.url).protocol === 'https:' || publicBaseUrl.startsWith('https:');
}

const name = (base: string, secure: boolean) => (secure ? `__Host-${base}` : base);

/** The session cookie's base name. */
export const SESSION_COOKIE = 'vk_review';
/** The sign-in form's double-submit cookie's base name. */
export const LOGIN_COOKIE = 'vk_login';

/** Reads a cookie under the name its security level gives it. */
export function readCookie(c: Context, base: string, secure: boolean): string | undefined {
  return getCookie(c, name(base, secure));
}

/** Sets a cookie with the workspace's attributes. */
export function writeCookie(c: Context, base: string, value: string, secure: boolean): void {
  setCookie(c, name(base, secure), value, { path: '/', httpOnly: true, secure, sameSite: 'Lax' });
}

/** Deletes a cookie (sign-out, or after sign-in for the double-submit cookie). */
export function clearCookie(c: Context, base: string, secure: boolean): void {
  deleteCookie(c, name(base, secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
