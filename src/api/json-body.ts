/**
 * Request-body guards of the JSON API, in the order they apply: declared size (413, before
 * reading anything), content type (415), streamed size for bodies without Content-Length (413),
 * well-formed JSON (400 invalid_json). Schema errors come after these (422, see validation.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../http/errors';
import { MAX_BODY_BYTES, MAX_BODY_LABEL } from './settings';

/** 413 with the limit in the message. */
export const payloadTooLarge = () =>
  new AppError(413, 'payload_too_large', `The request body is larger than the limit of ${MAX_BODY_LABEL}.`);

/** Middleware: refuses a declared Content-Length over the limit before anything else reads the body. */
export function declaredSizeLimit(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared && Number(declared) > maxBytes) throw payloadTooLarge();
    await next();
  };
}

/** Middleware: the JSON checks after authentication (content type, streamed size, syntax). */
export function jsonBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler[] {
  const contentType: MiddlewareHandler = async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new AppError(415, 'unsupported_media_type', `Send the body as JSON with "Content-Type: application/json"${type ? ` (got "${type.slice(0, 100)}")` : ''}.`);
    }
    await next();
  };
  const streamedLimit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge();
    },
  });
  const size: MiddlewareHandler = async (c, next) => {
    // A declared length was checked by declaredSizeLimit, and the HTTP parser never reads past it.
    // Skipping the streamed count keeps the body untouched, so the Node adapter can read it
    // directly instead of through a web stream.
    if (c.req.header('content-length') !== undefined && c.req.header('transfer-encoding') === undefined) return next();
    return streamedLimit(c, next);
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
  return [contentType, size, syntax];
}
