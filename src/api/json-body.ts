/**
 * Request-body guards of the JSON API after authentication, in the order they apply: content type
 * (415), well-formed JSON (400 invalid_json). The size limit (413) is the app-wide body limit
 * (http/body-limit.ts: declared Content-Length before anything runs, chunked bodies counted as
 * they are read here). Schema errors come after these (422, see validation.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors';

/** Middleware: the JSON checks after authentication (content type, syntax). */
export function jsonBody(): MiddlewareHandler[] {
  const contentType: MiddlewareHandler = async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new AppError(415, 'unsupported_media_type', `Send the body as JSON with "Content-Type: application/json"${type ? ` (got "${type.slice(0, 100)}")` : ''}.`);
    }
    await next();
  };
  const syntax: MiddlewareHandler = async (c, next) => {
    const text = await c.req.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new AppError(400, 'invalid_json', `The body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
    }
    // The schema validator reads the body with c.req.json(): hand it this parse instead of a second one.
    c.req.json = <T>() => Promise.resolve(parsed as T);
    await next();
  };
  return [contentType, syntax];
}
