/**
 * One error type for the whole service and the single error handler that renders it:
 * JSON `{ "error": { "code", "message", "field"? } }` for API requests, an HTML page otherwise.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';

/** An error meant for the client: status, machine code, human message, optional field name and response headers. */
export class AppError extends Error {
  constructor(
    public readonly status: ContentfulStatusCode,
    public readonly code: string,
    message: string,
    public readonly field?: string,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400 naming the query/body field that is wrong. */
export const badRequest = (field: string, message: string) =>
  new AppError(400, 'bad_request', message, field);

/** 404 with a message saying what was not found. */
export const notFound = (message: string) => new AppError(404, 'not_found', message);

/** True when the client wants JSON (API paths or an Accept header preferring JSON). */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export type HtmlErrorRenderer = (c: Context<AppEnv>, err: AppError) => Response | Promise<Response>;

/** Builds the app-wide `onError` handler. Unexpected errors are logged and shown as 500 without details. */
export function makeErrorHandler(renderHtml: HtmlErrorRenderer) {
  return (err: Error, c: Context<AppEnv>) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (err instanceof HTTPException) {
      appErr = new AppError(err.status as ContentfulStatusCode, err.status === 413 ? 'payload_too_large' : 'http_error', err.message || 'Request failed');
    } else {
      c.get('log')?.('error', 'unhandled error', { error: String(err?.stack ?? err) });
      appErr = new AppError(500, 'internal_error', 'Something went wrong on our side. Please try again later.');
    }
    for (const [name, value] of Object.entries(appErr.headers ?? {})) c.header(name, value);
    if (wantsJson(c)) {
      const body: { code: string; message: string; field?: string } = { code: appErr.code, message: appErr.message };
      if (appErr.field) body.field = appErr.field;
      return c.json({ error: body }, appErr.status);
    }
    return renderHtml(c, appErr);
  };
}
