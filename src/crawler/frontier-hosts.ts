/**
 * Per-host politeness shared by every tick through the database: a host may be fetched
 * only when its `next_allowed_at` has passed, and taking that turn is one atomic update,
 * so two ticks never hit the same host at once.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlHosts } from '../db/schema';

/**
 * Takes the host's turn: succeeds when the host is free at `now`, and holds it until
 * `holdUntil` (a request's worst-case duration) so no other tick starts meanwhile.
 */
export async function takeHostTurn(db: Db, host: string, now: string, holdUntil: string): Promise<boolean> {
  await db.insert(crawlHosts).values({ host, nextAllowedAt: '1970-01-01T00:00:00.000Z' }).onConflictDoNothing();
  const rows = await db
    .update(crawlHosts)
    .set({ nextAllowedAt: holdUntil })
    .where(and(eq(crawlHosts.host, host), lte(crawlHosts.nextAllowedAt, now)))
    .returning({ host: crawlHosts.host });
  return rows.length === 1;
}

/** Sets when the host may be fetched next (after a request: finish time + delay, or a backoff). */
export async function setHostNextAllowed(db: Db, host: string, nextAllowedAt: string): Promise<void> {
  await db.update(crawlHosts).set({ nextAllowedAt }).where(eq(crawlHosts.host, host));
}

/** When the host is next free, or null if never seen. */
export async function hostNextAllowed(db: Db, host: string): Promise<string | null> {
  const [r] = await db.select({ at: crawlHosts.nextAllowedAt }).from(crawlHosts).where(eq(crawlHosts.host, host));
  return r?.at ?? null;
}
