/**
 * Checking a sign-in attempt, with lock-out: ACCOUNT_FAILURE_LIMIT wrong passwords lock the
 * account for ACCOUNT_LOCK_MS, and IP_FAILURE_LIMIT failures from one address within
 * IP_WINDOW_SECONDS refuse that address until the window ends (counters in rate_limit_counters,
 * shared by all instances). Unknown accounts, wrong passwords, locked, disabled accounts and
 * blocked addresses all look the same to the client; the audit log records which it was.
 */
import { and, eq } from 'drizzle-orm';
import { rateLimitCounters, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { runBatch } from '../../db/types';
import { hitRateLimit } from '../../api/rate-limit';
import { auditStatement } from '../audit';
import { ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCK_MS, IP_FAILURE_LIMIT, IP_WINDOW_SECONDS } from '../settings';
import { parsePasswordHash, verifyAgainstDummy, verifyPassword } from './password';
import { findUserByEmail, normaliseEmail } from './users';
import type { UserRow } from './sessions';

export type SignInFailure = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled' | 'ip_blocked';
export type SignInResult = { ok: true; user: UserRow } | { ok: false; reason: SignInFailure };

const ipBucket = (ip: string) => `review-login-ip:${ip}`;

/** Failed sign-ins counted for `ip` in the current window. */
async function ipFailures(db: Db, ip: string, now: Date): Promise<number> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const windowStart = nowSec - (nowSec % IP_WINDOW_SECONDS);
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.bucket, ipBucket(ip)), eq(rateLimitCounters.windowStart, windowStart)));
  return row?.count ?? 0;
}

/** The PBKDF2 cost of stored hashes (of any account), so dummy verifications take as long as real ones. */
async function accountCost(db: Db): Promise<number | undefined> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).limit(1);
  return row ? parsePasswordHash(row.hash)?.iterations : undefined;
}

/** Checks e-mail and password from `ip` at `now`; records the outcome in the audit log. */
export async function signIn(db: Db, input: { email: string; password: string; ip: string; now: Date }): Promise<SignInResult> {
  const { now, ip } = input;
  const at = now.toISOString();
  const email = normaliseEmail(input.email).slice(0, 254);
  const fail = async (reason: SignInFailure, user?: UserRow, extra: unknown[] = []): Promise<SignInResult> => {
    await hitRateLimit(db, ipBucket(ip), IP_FAILURE_LIMIT, now, IP_WINDOW_SECONDS);
    await runBatch(db, [
      ...extra,
      auditStatement(db, { at, actor: user ? `user:${user.id}` : 'anonymous', action: 'login_failed', subjectType: user ? 'user' : 'email', subjectId: user ? user.id : email, detail: { reason, ip } }),
    ]);
    return { ok: false, reason };
  };

  if ((await ipFailures(db, ip, now)) >= IP_FAILURE_LIMIT) {
    await verifyAgainstDummy(input.password, await accountCost(db));
    return fail('ip_blocked');
  }
  const user = email ? await findUserByEmail(db, email) : undefined;
  if (!user) {
    await verifyAgainstDummy(input.password, await accountCost(db));
    return fail('unknown_user');
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    await verifyAgainstDummy(input.password, await accountCost(db));
    return fail('locked', user);
  }
  const good = await verifyPassword(input.password, user.passwordHash);
  if (user.disabledAt) return fail('disabled', user);
  if (!good) {
    // A lock that has run out starts a fresh count.
    const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1;
    const lock = failures >= ACCOUNT_FAILURE_LIMIT;
    const update = db
      .update(users)
      .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + ACCOUNT_LOCK_MS).toISOString() } : { failedLogins: failures, lockedUntil: null })
      .where(eq(users.id, user.id));
    const lockEvent = lock ? [auditStatement(db, { at, actor: 'system', action: 'account_locked', subjectType: 'user', subjectId: user.id, detail: { until: new Date(now.getTime() + ACCOUNT_LOCK_MS).toISOString(), ip } })] : [];
    return fail('wrong_password', user, [update, ...lockEvent]);
  }
  await runBatch(db, [
    db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, user.id)),
    auditStatement(db, { at, actor: `user:${user.id}`, action: 'login', subjectType: 'user', subjectId: user.id, detail: { ip } }),
  ]);
  return { ok: true, user: { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: at } };
}

