/**
 * Fixed-window rate limiting with its state in the database (table rate_limit_counters), so every
 * Node process and Worker isolate shares one count. One atomic upsert per request counts the hit
 * and returns the new count; a new window resets the count to 1. API keys are counted by a variant
 * that also re-checks that the key is still active.
 */
import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/types';

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (0 when refused). */
  remaining: number;
  /** Seconds until the window resets (≥ 1). */
  resetSeconds: number;
}

/** The epoch-aligned window that `now` falls in. */
function windowOf(now: Date, windowSeconds: number): { nowSec: number; windowStart: number } {
  const nowSec = Math.floor(now.getTime() / 1000);
  return { nowSec, windowStart: nowSec - (nowSec % windowSeconds) };
}

function resultOf(count: number, limit: number, nowSec: number, windowStart: number, windowSeconds: number): RateLimitResult {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, windowStart + windowSeconds - nowSec),
  };
}

// The upsert shared by both counters: a new window resets the count to 1.
const ON_CONFLICT_COUNT = sql`ON CONFLICT(bucket) DO UPDATE SET
      count = CASE WHEN rate_limit_counters.window_start = excluded.window_start THEN rate_limit_counters.count + 1 ELSE 1 END,
      window_start = excluded.window_start`;

/**
 * Counts one request against `bucket` (e.g. "form-ip:203.0.113.9") in a window of
 * `windowSeconds` aligned to the epoch, and says whether it is within `limit`.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: number, now: Date, windowSeconds = 60): Promise<RateLimitResult> {
  const { nowSec, windowStart } = windowOf(now, windowSeconds);
  const rows = await db.all<{ count: number }>(sql`
    INSERT INTO rate_limit_counters (bucket, window_start, count) VALUES (${bucket}, ${windowStart}, 1)
    ${ON_CONFLICT_COUNT}
    RETURNING count`);
  return resultOf(Number(rows[0]?.count ?? 1), limit, nowSec, windowStart, windowSeconds);
}

/**
 * Counts one request of API key `keyId` (bucket "key:<id>") in the same kind of window, in one
 * statement that also re-checks the key: it counts only while the key exists and is not revoked,
 * and reads the key's own limit as it is now (`defaultLimit` when it has none). Returns null, and
 * counts nothing, when the key is gone or revoked. This lets the API skip looking the key up
 * again on every request without a revocation ever taking effect late.
 */
export async function hitKeyRateLimit(db: Db, keyId: number, defaultLimit: number, now: Date, windowSeconds = 60): Promise<RateLimitResult | null> {
  const { nowSec, windowStart } = windowOf(now, windowSeconds);
  // INSERT … SELECT … WHERE: no row to insert (so no count) unless the key is active; the WHERE
  // also keeps SQLite from reading ON CONFLICT as part of the SELECT.
  const rows = await db.all<{ count: number; keyLimit: number | null }>(sql`
    INSERT INTO rate_limit_counters (bucket, window_start, count)
    SELECT ${`key:${keyId}`}, ${windowStart}, 1 FROM api_keys WHERE id = ${keyId} AND revoked_at IS NULL
    ${ON_CONFLICT_COUNT}
    RETURNING count, (SELECT rate_limit_per_minute FROM api_keys WHERE id = ${keyId}) AS "keyLimit"`);
  if (rows.length === 0) return null;
  const limit = rows[0].keyLimit ?? defaultLimit;
  return resultOf(Number(rows[0].count), limit, nowSec, windowStart, windowSeconds);
}

/** Deletes counters whose window ended long ago (per-IP buckets would otherwise pile up). */
export async function pruneRateLimitCounters(db: Db, now: Date, olderThanSeconds = 86_400): Promise<void> {
  const cutoff = Math.floor(now.getTime() / 1000) - olderThanSeconds;
  await db.run(sql`DELETE FROM rate_limit_counters WHERE window_start < ${cutoff}`);
}

/** Sets the IETF draft RateLimit-* headers (and Retry-After when refused) on the response. */
export function setRateLimitHeaders(c: Context, r: RateLimitResult): void {
  c.header('RateLimit-Limit', String(r.limit));
  c.header('RateLimit-Remaining', String(r.remaining));
  c.header('RateLimit-Reset', String(r.resetSeconds));
  if (!r.allowed) c.header('Retry-After', String(r.resetSeconds));
}
