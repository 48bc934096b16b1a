/**
 * Security headers on every response: a CSP without inline script (styles and images
 * from our own origin only), nosniff, a strict referrer policy and no framing; and HSTS when
 * the service's public address (PUBLIC_BASE_URL) is https. Over plain http HSTS is never sent:
 * browsers ignore it there, and a local http instance must not pin its host name to https.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'geolocation=(), camera=(), microphone=()'],
];

/** Strict-Transport-Security for an https deployment: one year, sub-domains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Middleware adding the headers to every response; `hsts` adds Strict-Transport-Security. */
export function securityHeaders(opts: { hsts?: boolean } = {}): MiddlewareHandler {
  const headers: [string, string][] = opts.hsts ? [...SECURITY_HEADERS, ['Strict-Transport-Security', HSTS]] : SECURITY_HEADERS;
  return async (c, next) => {
    // Set before the handler runs, so they land in the response the handler builds with the
    // context; setting them on a finished response makes Hono rebuild it around a body stream.
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A response built without the context (new Response(...)) did not pick them up.
    if (!c.res.headers.has('x-content-type-options')) for (const [name, value] of headers) c.header(name, value);
  };
}
