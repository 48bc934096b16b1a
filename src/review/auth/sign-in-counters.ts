/**
 * The two counters of the sign-in lock-out, each bumped by one atomic statement *before* the
 * password hash is computed (reserve, then verify):
 *
 * - per account (users.failed_logins / locked_until): the statement that counts the attempt also
 *   decides whether it may be verified and sets the lock when the count reaches
 *   ACCOUNT_FAILURE_LIMIT. Concurrent attempts are serialised by the database, so no two of them
 *   see the same count.
 * - per address (rate_limit_counters, bucket "review-login-ip:<ip>"): the fixed-window upsert of
 *   rate-limit.ts; the attempt goes on only while the count stays within IP_FAILURE_LIMIT.
 *
 * A right password gives the reservations back (the account's count is reset by the sign-in,
 * the address's count is decremented by `releaseIpAttempt`).
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { rateLimitCounters, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { hitRateLimit } from '../../api/rate-limit';
import { ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCK_MS, IP_FAILURE_LIMIT, IP_WINDOW_SECONDS } from '../settings';
import type { UserRow } from './sessions';

const ipBucket = (ip: string) => `review-login-ip:${ip}`;

const windowStartOf = (now: Date) => {
  const nowSec = Math.floor(now.getTime() / 1000);
  return nowSec - (nowSec % IP_WINDOW_SECONDS);
};

/** Counts one attempt from `ip`; false when the address has used up its failures in this window. */
export async function reserveIpAttempt(db: Db, ip: string, now: Date): Promise<boolean> {
  return (await hitRateLimit(db, ipBucket(ip), IP_FAILURE_LIMIT, now, IP_WINDOW_SECONDS)).allowed;
}

/** A statement giving back the reservation of a successful attempt from `ip` (made at the same `now`). */
export function releaseIpAttempt(db: Db, ip: string, now: Date) {
  return db
    .update(rateLimitCounters)
    .set({ count: sql`count - 1` })
    .where(and(eq(rateLimitCounters.bucket, ipBucket(ip)), eq(rateLimitCounters.windowStart, windowStartOf(now)), gt(rateLimitCounters.count, 0)));
}

export interface AccountReservation {
  /** The account as it is after this attempt was counted. */
  user: UserRow;
  /** This attempt's number since the last success or expired lock (1, 2, …). */
  attempt: number;
  /** True when the password may be verified: the account was not locked and the count is within the limit. */
  allowed: boolean;
}

/**
 * Counts one attempt on the account `email` (already normalised) in one statement and returns the
 * account, or undefined when there is none. In that statement: a lock that has run out starts a
 * fresh count; a live lock keeps the count above the limit (so the attempt is refused); the
 * attempt that reaches ACCOUNT_FAILURE_LIMIT sets the lock at once, before its own verification
 * (a right password then lifts it again).
 */
export async function reserveAccountAttempt(db: Db, email: string, now: Date): Promise<AccountReservation | undefined> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + ACCOUNT_LOCK_MS).toISOString();
  // Raw column names: SQLite evaluates every SET expression against the row as it was.
  const lockLive = sql`(locked_until IS NOT NULL AND locked_until > ${at})`;
  const lockOver = sql`(locked_until IS NOT NULL AND locked_until <= ${at})`;
  const next = sql`(CASE WHEN ${lockLive} THEN MAX(failed_logins, ${ACCOUNT_FAILURE_LIMIT}) + 1 WHEN ${lockOver} THEN 1 ELSE failed_logins + 1 END)`;
  const [user] = await db
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`(CASE WHEN ${lockLive} THEN locked_until WHEN ${next} >= ${ACCOUNT_FAILURE_LIMIT} THEN ${until} ELSE NULL END)`,
    })
    .where(eq(users.email, email))
    .returning();
  if (!user) return undefined;
  const attempt = Number(user.failedLogins);
  return { user, attempt, allowed: attempt <= ACCOUNT_FAILURE_LIMIT };
}
