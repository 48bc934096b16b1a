/** Middleware giving every request an id (X-Request-Id) and one structured log line when it is done. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { logRequest, requestIdFrom, type LogFn } from './logging';

/** Middleware: sets a request id and logs each request when done. */
export function requestLogger(log: LogFn): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.set('log', log);
    // Set before the handler runs, so it lands in the response the handler builds; setting it
    // afterwards would make Hono rebuild the finished response around a body stream.
    c.header('X-Request-Id', requestId);
    await next();
    if (!c.res.headers.has('x-request-id')) c.header('X-Request-Id', requestId);
    logRequest(log, { requestId, method: c.req.method, path: c.req.path, status: c.res.status, started });
  };
}
