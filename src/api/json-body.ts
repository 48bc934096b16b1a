/**
 * Request-body guards of the JSON API after authentication, in the order they apply: content type
 * (415), UTF-8 (400 invalid_utf8: a body that is not valid UTF-8 is refused, never silently repaired,
 * because a replaced character could hide or fake a match in the checked copy), well-formed JSON
 * (400 invalid_json). The size limit (413) is the app-wide body limit
 * (http/body-limit.ts: declared Content-Length before anything runs, chunked bodies counted as
 * they are read here). Schema errors come after these (422, see validation.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors';

// fatal: invalid bytes throw instead of becoming U+FFFD; ignoreBOM: false strips a leading BOM.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Middleware: the JSON checks after authentication (content type, encoding, syntax). */
export function jsonBody(): MiddlewareHandler[] {
  const contentType: MiddlewareHandler = async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new AppError(415, 'unsupported_media_type', `Send the body as JSON with "Content-Type: application/json"${type ? ` (got "${type.slice(0, 100)}")` : ''}.`);
    }
    await next();
  };
  const syntax: MiddlewareHandler = async (c, next) => {
    let text: string;
    try {
      text = STRICT_UTF8.decode(await c.req.arrayBuffer());
    } catch (err) {
      if (err instanceof AppError) throw err; // the body limit's 413
      throw new AppError(400, 'invalid_utf8', 'The body is not valid UTF-8. Send the JSON encoded as UTF-8.');
    }
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
