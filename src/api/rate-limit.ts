/**
 * Fixed-window rate limiting with its state in the database (table rate_limit_counters), so every
 * Node process and Worker isolate shares one count. One atomic upsert per request counts the hit
 * and returns the new count; a new window resets the count to 1.
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

/**
 * Counts one request against `bucket` (e.g. "key:12", "form-ip:203.0.113.9") in a window of
 * `windowSeconds` aligned to the epoch, and says whether it is within `limit`.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: number, now: Date, windowSeconds = 60): Promise<RateLimitResult> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const windowStart = nowSec - (nowSec % windowSeconds);
  const rows = await db.all<{ count: number }>(sql`
    INSERT INTO rate_limit_counters (bucket, window_start, count) VALUES (${bucket}, ${windowStart}, 1)
    ON CONFLICT(bucket) DO UPDATE SET
      count = CASE WHEN rate_limit_counters.window_start = excluded.window_start THEN rate_limit_counters.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`);
  const count = Number(rows[0]?.count ?? 1);
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, windowStart + windowSeconds - nowSec),
  };
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
