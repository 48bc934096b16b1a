/**
 * CSRF protection for every review form: a synchronizer token that is the HMAC-SHA256 of the
 * session id under the session's own csrf_secret (so it needs no storage and dies with the
 * session), checked together with the request's Origin (or, lacking that, Referer) header.
 * The sign-in form has no session yet; it uses a double-submit token (see login-csrf.ts).
 */
import type { Context } from 'hono';
import { constantTimeEqualText, toBase64Url } from './encoding';

/** The name of the hidden form field carrying the token. */
export const CSRF_FIELD = '_csrf';

/** The CSRF token of a session. */
export async function csrfToken(secret: string, sessionId: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`csrf:${sessionId}`));
  return toBase64Url(new Uint8Array(mac));
}

/** True when `presented` is the session's token (constant-time). */
export async function verifyCsrfToken(secret: string, sessionId: string, presented: unknown): Promise<boolean> {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 200) return false;
  return constantTimeEqualText(await csrfToken(secret, sessionId), presented);
}

/**
 * True when the request demonstrably comes from one of our own pages: its Origin header (sent by
 * browsers on every POST) — or, when absent, its Referer — is this server's origin or
 * PUBLIC_BASE_URL's. A request with neither header is refused: browsers always send one of them
 * for our forms (our Referrer-Policy keeps the origin on same-origin requests).
 */
export function isOwnOrigin(c: Context, publicBaseUrl: string): boolean {
  const own = new Set([new URL(c.req.url).origin, new URL(publicBaseUrl).origin]);
  const origin = c.req.header('origin');
  if (origin !== undefined) return own.has(origin);
  const referer = c.req.header('referer');
  if (!referer) return false;
  try {
    return own.has(new URL(referer).origin);
  } catch {
    return false;
  }
}
