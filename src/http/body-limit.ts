/**
 * Request-body limits for the whole app, applied in front of every router, so every form and JSON
 * endpoint — including ones added later — is bounded without code of its own. Every request that
 * may carry a body (any method but GET and HEAD) gets the default limit (BODY_LIMIT_DEFAULT_BYTES);
 * a route that needs more is listed with its own limit where the app is composed (app.ts).
 *
 * Two checks, both before any handler parses the body:
 * - a declared Content-Length above the limit is refused at once (nothing is read);
 * - a body without a declared length (chunked) is passed on through a counting stream, which
 *   fails the read as soon as more than the limit has arrived. The handler's parse then throws
 *   PayloadTooLargeError; if a handler swallows that error, the middleware still answers 413.
 *   At most the limit (plus one network chunk) is ever held; the rest of the body is never read
 *   (the Node adapter discards a bounded remainder and closes the connection; the 413 also says
 *   `Connection: close`).
 * With a declared length the runtime's HTTP parser never delivers more than it says, so such
 * bodies are left untouched (the Node adapter can then read them without a web stream).
 *
 * The 413 is an AppError, so the one error handler renders it: the API's JSON shape, or the HTML
 * error page in the page's language (views/error-page.tsx words it from `limitBytes`).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

/** Limit of every request body unless its route is listed with another: forms of a few fields. */
export const BODY_LIMIT_DEFAULT_BYTES = 64 * 1024;

/** "64 KB (65536 bytes)": how the API's error messages name a limit. */
export function limitLabel(bytes: number): string {
  const size = bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;
  return `${size} (${bytes} bytes)`;
}

/** 413 `payload_too_large`; `limitBytes` lets HTML pages word the message in their own language. */
export class PayloadTooLargeError extends AppError {
  constructor(public readonly limitBytes: number) {
    super(413, 'payload_too_large', `The request body is larger than the limit of ${limitLabel(limitBytes)}.`, undefined, { Connection: 'close' });
    this.name = 'PayloadTooLargeError';
  }
}

/** A route with a limit other than the default: an exact path, or a pattern matched against the path. */
export interface BodyLimitRoute {
  path: string | RegExp;
  maxBytes: number;
}

export interface BodyLimitOptions {
  /** Limit of every route not listed (default BODY_LIMIT_DEFAULT_BYTES). */
  defaultBytes?: number;
  routes?: readonly BodyLimitRoute[];
}

/** The limit for `path`: the first listed route that matches, else the default. */
export function bodyLimitFor(path: string, opts: BodyLimitOptions): number {
  for (const r of opts.routes ?? []) if (typeof r.path === 'string' ? r.path === path : r.path.test(path)) return r.maxBytes;
  return opts.defaultBytes ?? BODY_LIMIT_DEFAULT_BYTES;
}

/** `body` passed through a counter that errors the stream once more than `maxBytes` have come through. */
export function limitStream(body: ReadableStream<Uint8Array>, maxBytes: number, onExceeded: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  // Pull-based: a chunk is read from the source only when the consumer asks for one, so nothing
  // is buffered ahead of the parser.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        controller.error(onExceeded());
        // Tell the source the rest is not wanted (a Worker stops receiving it).
        reader.cancel().catch(() => undefined);
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Middleware: bounds every request body as described above. */
export function bodyLimits(opts: BodyLimitOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || c.req.raw.body === null) return next();
    const maxBytes = bodyLimitFor(c.req.path, opts);
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (declared !== undefined && !chunked && /^\s*\d+\s*$/.test(declared)) {
      if (Number(declared) > maxBytes) throw new PayloadTooLargeError(maxBytes);
      return next();
    }
    let exceeded = false;
    const body = limitStream(c.req.raw.body, maxBytes, () => {
      exceeded = true;
      return new PayloadTooLargeError(maxBytes);
    });
    c.req.raw = new Request(c.req.raw, { body, duplex: 'half' } as RequestInit);
    await next();
    // A handler that caught the read error (e.g. `parseBody().catch(...)`) answered something else.
    if (exceeded && c.res.status !== 413) throw new PayloadTooLargeError(maxBytes);
  };
}
