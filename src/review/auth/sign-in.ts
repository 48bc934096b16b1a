/**
 * Checking a sign-in attempt, with lock-out: ACCOUNT_FAILURE_LIMIT wrong passwords lock the
 * account for ACCOUNT_LOCK_MS, and IP_FAILURE_LIMIT failures from one address within
 * IP_WINDOW_SECONDS refuse that address until the window ends (counters in rate_limit_counters,
 * shared by all instances). Unknown accounts, wrong passwords, locked, disabled accounts and
 * blocked addresses all look the same to the client; the audit log records which it was.
 *
 * Reserve, then verify: every attempt is counted as a failure *before* the password hash is
 * computed, each count in one atomic statement that also says whether the attempt may go on
 * (see sign-in-counters.ts). So 40 attempts sent at once cannot each read "4 failures so far"
 * and each get a hash check: at most ACCOUNT_FAILURE_LIMIT of them are verified, the rest are
 * refused as locked. A right password gives its reservations back (account count reset, the
 * address's count decremented).
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Db } from '../../db/types';
import { runBatch } from '../../db/types';
import { auditStatement } from '../audit';
import { ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCK_MS } from '../settings';
import { parsePasswordHash, verifyAgainstDummy, verifyPassword } from './password';
import { normaliseEmail } from './users';
import { releaseIpAttempt, reserveAccountAttempt, reserveIpAttempt } from './sign-in-counters';
import type { UserRow } from './sessions';

export type SignInFailure = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled' | 'ip_blocked';
export type SignInResult = { ok: true; user: UserRow } | { ok: false; reason: SignInFailure };

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
    await runBatch(db, [
      ...extra,
      auditStatement(db, { at, actor: user ? `user:${user.id}` : 'anonymous', action: 'login_failed', subjectType: user ? 'user' : 'email', subjectId: user ? user.id : email, detail: { reason, ip } }),
    ]);
    return { ok: false, reason };
  };
  // Refused attempts still spend one hash's time, so timing tells nothing about why.
  const refuse = async (reason: SignInFailure, user?: UserRow) => {
    await verifyAgainstDummy(input.password, await accountCost(db));
    return fail(reason, user);
  };

  if (!(await reserveIpAttempt(db, ip, now))) return refuse('ip_blocked');
  const reservation = email ? await reserveAccountAttempt(db, email, now) : undefined;
  if (!reservation) return refuse('unknown_user');
  const { user, allowed, attempt } = reservation;
  if (!allowed) return refuse('locked', user);

  const good = await verifyPassword(input.password, user.passwordHash);
  if (user.disabledAt) return fail('disabled', user);
  if (!good) {
    // The attempt that reached the limit set the lock when it reserved; record it once it is a real failure.
    const locked = attempt === ACCOUNT_FAILURE_LIMIT;
    const lockEvent = locked ? [auditStatement(db, { at, actor: 'system', action: 'account_locked', subjectType: 'user', subjectId: user.id, detail: { until: new Date(now.getTime() + ACCOUNT_LOCK_MS).toISOString(), ip } })] : [];
    return fail('wrong_password', user, lockEvent);
  }
  await runBatch(db, [
    db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, user.id)),
    releaseIpAttempt(db, ip, now),
    auditStatement(db, { at, actor: `user:${user.id}`, action: 'login', subjectType: 'user', subjectId: user.id, detail: { ip } }),
  ]);
  return { ok: true, user: { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: at } };
}
