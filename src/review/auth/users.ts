/**
 * Accounts of the review workspace: create, reset password, disable, change password, list,
 * and the local demo officer. Every change writes an audit event in the same batch and
 * revokes sessions where the account's access changes.
 */
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { runBatch } from '../../db/types';
import { auditStatement } from '../audit';
import { generatePassword, hashPassword, passwordProblem } from './password';
import { revokeUserSessionsStatement, type UserRow } from './sessions';

export type Role = 'officer' | 'admin';
export const ROLES: readonly Role[] = ['officer', 'admin'];

/** A refused account operation with a message for the person running it. */
export class AccountError extends Error {
  constructor(
    public readonly code: 'exists' | 'not_found' | 'bad_email' | 'bad_role' | 'weak_password',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** Lower-cased, trimmed sign-in name. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,200}\.[^\s@]{2,}$/;

function checkPassword(password: string, email: string) {
  const problem = passwordProblem(password, email);
  if (problem === 'too_short') throw new AccountError('weak_password', 'the password must be at least 12 characters');
  if (problem === 'too_long') throw new AccountError('weak_password', 'the password must be at most 256 characters');
  if (problem === 'contains_email') throw new AccountError('weak_password', 'the password must not contain the e-mail name');
}

/** The account with this e-mail, or undefined. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return u;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  /** Chosen password; omitted = a generated one (returned once). */
  password?: string;
  actor: string;
  now: Date;
  /** PBKDF2 cost; tests pass a low one. */
  iterations?: number;
}

/** Creates an account; returns its id and the password (the generated one, or the one given). */
export async function createUser(db: Db, input: CreateUserInput): Promise<{ id: number; password: string }> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new AccountError('bad_email', `"${input.email}" is not an e-mail address`);
  if (!ROLES.includes(input.role)) throw new AccountError('bad_role', `role must be ${ROLES.join(' or ')}`);
  const displayName = input.displayName.trim() || email.split('@')[0];
  const password = input.password ?? generatePassword();
  if (input.password !== undefined) checkPassword(password, email);
  if (await findUserByEmail(db, email)) throw new AccountError('exists', `an account for ${email} already exists`);
  const at = input.now.toISOString();
  const passwordHash = await hashPassword(password, input.iterations);
  const [row] = await db.insert(users).values({ email, displayName: displayName.slice(0, 100), role: input.role, passwordHash, createdAt: at }).returning({ id: users.id });
  await auditStatement(db, { at, actor: input.actor, action: 'user_created', subjectType: 'user', subjectId: row.id, detail: { email, role: input.role } });
  return { id: row.id, password };
}

/**
 * Sets a new password chosen by an admin (or generated), requires the user to change it at
 * next sign-in, lifts a lock, and signs the user out everywhere.
 */
export async function resetPassword(db: Db, input: { email: string; password?: string; actor: string; now: Date; iterations?: number }): Promise<{ id: number; password: string }> {
  const u = await findUserByEmail(db, input.email);
  if (!u) throw new AccountError('not_found', `no account for ${normaliseEmail(input.email)}`);
  const password = input.password ?? generatePassword();
  if (input.password !== undefined) checkPassword(password, u.email);
  const at = input.now.toISOString();
  await runBatch(db, [
    db.update(users).set({ passwordHash: await hashPassword(password, input.iterations), mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id)),
    revokeUserSessionsStatement(db, u.id, input.now),
    auditStatement(db, { at, actor: input.actor, action: 'password_reset', subjectType: 'user', subjectId: u.id }),
  ]);
  return { id: u.id, password };
}

/** Disables an account and revokes its sessions. Returns false when it was already disabled. */
export async function disableUser(db: Db, input: { email?: string; id?: number; actor: string; now: Date }): Promise<{ id: number; email: string; changed: boolean }> {
  const u = input.id !== undefined ? (await db.select().from(users).where(eq(users.id, input.id)).limit(1))[0] : await findUserByEmail(db, input.email ?? '');
  if (!u) throw new AccountError('not_found', `no account for ${input.email ?? `#${input.id}`}`);
  if (u.disabledAt) return { id: u.id, email: u.email, changed: false };
  const at = input.now.toISOString();
  await runBatch(db, [
    db.update(users).set({ disabledAt: at }).where(eq(users.id, u.id)),
    revokeUserSessionsStatement(db, u.id, input.now),
    auditStatement(db, { at, actor: input.actor, action: 'user_disabled', subjectType: 'user', subjectId: u.id }),
  ]);
  return { id: u.id, email: u.email, changed: true };
}

/** The user's own password change (after a reset or by choice); other sessions are signed out. */
export async function changeOwnPassword(db: Db, input: { user: UserRow; newPassword: string; keepSessionId: string; now: Date; iterations?: number }): Promise<void> {
  checkPassword(input.newPassword, input.user.email);
  const at = input.now.toISOString();
  const revokeOthers = db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, input.user.id), isNull(sessions.revokedAt), ne(sessions.id, input.keepSessionId)));
  await runBatch(db, [
    db.update(users).set({ passwordHash: await hashPassword(input.newPassword, input.iterations), mustChangePassword: false }).where(eq(users.id, input.user.id)),
    revokeOthers,
    auditStatement(db, { at, actor: `user:${input.user.id}`, action: 'password_changed', subjectType: 'user', subjectId: input.user.id }),
  ]);
}

/** All accounts, oldest first (for assignment lists and the admin page). */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.displayName), asc(users.id));
}

/** E-mail address of the local demo officer. */
export const DEMO_OFFICER_EMAIL = 'handlaggare@valkollen.example';

/**
 * The local demo's officer account: created with a generated password when the database has no
 * accounts at all, and returned so the caller prints the credentials once. Returns null when
 * any account exists (the credentials were printed at an earlier start).
 */
export async function ensureDemoOfficer(db: Db, opts: { now: Date; iterations?: number }): Promise<{ email: string; password: string } | null> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return null;
  const { password } = await createUser(db, { email: DEMO_OFFICER_EMAIL, displayName: 'Demo-handläggare', role: 'officer', actor: 'system', now: opts.now, iterations: opts.iterations });
  return { email: DEMO_OFFICER_EMAIL, password };
}
