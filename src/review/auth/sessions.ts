/**
 * Database sessions. The cookie carries a random 256-bit token; the database stores only its
 * SHA-256 (the session id), so a leaked database does not leak usable cookies. A session ends
 * after SESSION_IDLE_MS without requests, SESSION_ABSOLUTE_MS after sign-in, on sign-out, or
 * when the account is disabled or its password reset.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../settings';
import { randomBytes, sha256Hex, toBase64Url } from './encoding';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface ActiveSession {
  session: SessionRow;
  user: UserRow;
}

/** Starts a session for `userId`; returns the cookie token (shown to nobody else) and the row. */
export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; session: SessionRow }> {
  const token = toBase64Url(randomBytes(32));
  const row: SessionRow = {
    id: await sha256Hex(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    lastSeenAt: now.toISOString(),
    csrfSecret: toBase64Url(randomBytes(32)),
    revokedAt: null,
  };
  await db.insert(sessions).values(row);
  return { token, session: row };
}

/** Why a session is not usable, or null when it is. */
export function sessionProblem(s: SessionRow, u: UserRow, now: Date): 'revoked' | 'expired' | 'idle' | 'disabled' | null {
  const t = now.getTime();
  if (s.revokedAt) return 'revoked';
  if (u.disabledAt) return 'disabled';
  if (Date.parse(s.expiresAt) <= t) return 'expired';
  if (Date.parse(s.lastSeenAt) + SESSION_IDLE_MS <= t) return 'idle';
  return null;
}

/**
 * The live session for a cookie token, or null. An expired or idle session is revoked on the
 * way (so it cannot come back if the clock is wrong later). A live session's last-seen time is
 * refreshed at most once per SESSION_TOUCH_MS.
 */
export async function findSession(db: Db, token: string | undefined, now: Date): Promise<ActiveSession | null> {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = await sha256Hex(token);
  const rows = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id)).limit(1);
  const found = rows[0];
  if (!found) return null;
  const problem = sessionProblem(found.session, found.user, now);
  if (problem) {
    if (problem !== 'revoked') await revokeSession(db, id, now);
    return null;
  }
  if (now.getTime() - Date.parse(found.session.lastSeenAt) >= SESSION_TOUCH_MS) {
    const lastSeenAt = now.toISOString();
    await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
    found.session = { ...found.session, lastSeenAt };
  }
  return found;
}

/** Revokes one session (sign-out). */
export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** A statement revoking every live session of a user (disable, password reset, password change). */
export function revokeUserSessionsStatement(db: Db, userId: number, now: Date) {
  return db.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
