/**
 * Bearer authentication and the per-key rate limit of the self-check API. A key seen recently is
 * remembered with its row, so a request costs one database statement: the rate-limit count, which
 * counts only while the key is still active (so a revocation takes effect at once, from any
 * process). Other keys are looked up by their hash. Errors are 401 with `WWW-Authenticate: Bearer`
 * and 429 with Retry-After; RateLimit-* headers go on every authenticated response.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors';
import { TtlLru } from '../lib/ttl-lru';
import { findApiKey, touchApiKey, type ApiKeyRow } from './api-keys';
import type { ApiEnv } from './env';
import { hitKeyRateLimit, pruneRateLimitCounters, setRateLimitHeaders } from './rate-limit';
import { apiRateLimit } from './settings';

function unauthorized(c: Parameters<MiddlewareHandler>[0], code: string, message: string, error: 'invalid_request' | 'invalid_token'): AppError {
  const detail = code === 'missing_api_key' ? '' : `, error="${error}"`;
  c.header('WWW-Authenticate', `Bearer realm="valkollen"${detail}`);
  return new AppError(401, code, message);
}

/** Keys remembered per app instance (presented key → its row); unknown and revoked keys never are. */
const KEY_CACHE_ENTRIES = 1_000;
/** How long a remembered row is trusted for what may change without revocation (label, provider). */
const KEY_CACHE_MS = 5 * 60_000;

/** Middleware: requires `Authorization: Bearer <key>` of an active key and counts the request against its limit. */
export function requireApiKey(): MiddlewareHandler<ApiEnv> {
  const keys = new TtlLru<ApiKeyRow>(KEY_CACHE_ENTRIES);
  return async (c, next) => {
    const { db, clock, config } = c.get('deps');
    const header = c.req.header('authorization');
    if (!header) {
      throw unauthorized(c, 'missing_api_key', 'This endpoint needs an API key: send "Authorization: Bearer <key>".', 'invalid_request');
    }
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized(c, 'invalid_api_key', 'The Authorization header must be "Bearer <key>".', 'invalid_request');
    const presented = m[1];
    if (presented.length > 200) throw unauthorized(c, 'invalid_api_key', 'The API key is not valid.', 'invalid_token');
    const now = clock();
    const defaultLimit = apiRateLimit(config);
    let row = keys.get(presented, now.getTime());
    // A remembered key costs one statement; revoked (or deleted) since, it is looked up again for the right answer.
    let rl = row ? await hitKeyRateLimit(db, row.id, defaultLimit, now) : null;
    if (!row || !rl) {
      keys.delete(presented);
      row = await findApiKey(db, presented);
      if (!row) throw unauthorized(c, 'invalid_api_key', 'The API key is not valid.', 'invalid_token');
      if (row.revokedAt) throw unauthorized(c, 'revoked_api_key', `The API key ${row.prefix}… was revoked on ${row.revokedAt}.`, 'invalid_token');
      rl = await hitKeyRateLimit(db, row.id, defaultLimit, now);
      // Revoked between the lookup and the count.
      if (!rl) throw unauthorized(c, 'revoked_api_key', `The API key ${row.prefix}… was revoked.`, 'invalid_token');
      keys.set(presented, row, now.getTime() + KEY_CACHE_MS);
    }
    setRateLimitHeaders(c, rl);
    if (!rl.allowed) {
      throw new AppError(429, 'rate_limited', `Rate limit of ${rl.limit} requests per minute for this key exceeded; try again in ${rl.resetSeconds} s.`);
    }
    // A remembered row learns its last use, so the next requests skip the write as well.
    if (await touchApiKey(db, row, now)) row.lastUsedAt = now.toISOString();
    // Now and then, clear counters of windows that ended long ago.
    if (Math.random() < 0.002) await pruneRateLimitCounters(db, now).catch(() => undefined);
    c.set('apiKey', row);
    await next();
  };
}
