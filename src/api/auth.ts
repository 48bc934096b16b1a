/**
 * Bearer authentication and the per-key rate limit of the self-check API. Every request looks the
 * key up in the database (no cache), so revocation takes effect at once. Errors are 401 with
 * `WWW-Authenticate: Bearer` and 429 with Retry-After; RateLimit-* headers go on every
 * authenticated response.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors';
import { findApiKey, touchApiKey } from './api-keys';
import type { ApiEnv } from './env';
import { hitRateLimit, pruneRateLimitCounters, setRateLimitHeaders } from './rate-limit';
import { apiRateLimit } from './settings';

function unauthorized(c: Parameters<MiddlewareHandler>[0], code: string, message: string, error: 'invalid_request' | 'invalid_token'): AppError {
  const detail = code === 'missing_api_key' ? '' : `, error="${error}"`;
  c.header('WWW-Authenticate', `Bearer realm="valkollen"${detail}`);
  return new AppError(401, code, message);
}

/** Middleware: requires `Authorization: Bearer <key>` of an active key and counts the request against its limit. */
export function requireApiKey(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { db, clock, config } = c.get('deps');
    const header = c.req.header('authorization');
    if (!header) {
      throw unauthorized(c, 'missing_api_key', 'This endpoint needs an API key: send "Authorization: Bearer <key>".', 'invalid_request');
    }
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized(c, 'invalid_api_key', 'The Authorization header must be "Bearer <key>".', 'invalid_request');
    const row = m[1].length <= 200 ? await findApiKey(db, m[1]) : undefined;
    if (!row) throw unauthorized(c, 'invalid_api_key', 'The API key is not valid.', 'invalid_token');
    if (row.revokedAt) throw unauthorized(c, 'revoked_api_key', `The API key ${row.prefix}… was revoked on ${row.revokedAt}.`, 'invalid_token');

    const now = clock();
    const limit = row.rateLimitPerMinute ?? apiRateLimit(config);
    const rl = await hitRateLimit(db, `key:${row.id}`, limit, now);
    setRateLimitHeaders(c, rl);
    if (!rl.allowed) {
      throw new AppError(429, 'rate_limited', `Rate limit of ${limit} requests per minute for this key exceeded; try again in ${rl.resetSeconds} s.`);
    }
    await touchApiKey(db, row, now);
    // Now and then, clear counters of windows that ended long ago.
    if (Math.random() < 0.002) await pruneRateLimitCounters(db, now).catch(() => undefined);
    c.set('apiKey', row);
    await next();
  };
}
