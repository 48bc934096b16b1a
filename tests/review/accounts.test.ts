import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, auditEvents, sessions, users } from '../../src/db/schema';
import { runUserCommand } from '../../src/cli/user';
import { DEMO_OFFICER_EMAIL, ensureDemoOfficer } from '../../src/review/auth/users';
import { findApiKey } from '../../src/api/api-keys';
import { testDb, type TestDb } from '../helpers/db';
import { ADMIN, Client, OFFICER, reviewTestApp, signedIn, TEST_ITERATIONS } from './review-helpers';

describe('npm run user (runUserCommand)', () => {
  let t: TestDb;
  const now = new Date('2026-11-23T10:00:00Z');
  const run = (argv: string[], stdin?: string) => runUserCommand(t.db, argv, { now, iterations: TEST_ITERATIONS, readStdin: stdin === undefined ? undefined : async () => stdin });
  beforeEach(async () => {
    t = await testDb();
  });
  afterEach(() => t.close());

  it('create prints a generated password once; --password-stdin sets the given one', async () => {
    const r = await run(['create', '--email', 'Ny.Person@AF.example', '--role', 'officer', '--name', 'Ny Person']);
    expect(r.code).toBe(0);
    const pw = /\n\n {2}(\S+)\n/.exec(r.out)![1];
    expect(pw).toMatch(/^[\w]{5}(-\w{5}){3}$/);
    const [u] = await t.db.select().from(users);
    expect(u).toMatchObject({ email: 'ny.person@af.example', role: 'officer', displayName: 'Ny Person' });
    expect(u.passwordHash).not.toContain(pw);
    const r2 = await run(['create', '--email', 'chef@af.example', '--role', 'admin', '--password-stdin'], 'ett eget långt lösenord\n');
    expect(r2.code).toBe(0);
    expect(r2.out).not.toMatch(/ett eget/);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user_created'));
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor === 'cli' && !a.detail!.includes(pw))).toBe(true);
  });
  it('refuses duplicates, bad roles, bad e-mail, weak stdin passwords, unknown commands', async () => {
    await run(['create', '--email', 'a@af.example', '--role', 'officer']);
    expect((await run(['create', '--email', 'A@af.example', '--role', 'officer'])).code).toBe(1);
    expect((await run(['create', '--email', 'b@af.example', '--role', 'boss'])).code).toBe(2);
    expect((await run(['create', '--email', 'not-an-email', '--role', 'officer'])).code).toBe(2);
    expect((await run(['create', '--email', 'c@af.example', '--role', 'officer', '--password-stdin'], 'short\n')).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['reset', '--email', 'nobody@af.example'])).code).toBe(1);
  });
  it('reset forces a new password and revokes sessions; disable revokes sessions', async () => {
    await run(['create', '--email', 'a@af.example', '--role', 'officer']);
    const [u] = await t.db.select().from(users);
    await t.db.insert(sessions).values({ id: 's1', userId: u.id, createdAt: now.toISOString(), expiresAt: '2099-01-01T00:00:00Z', lastSeenAt: now.toISOString(), csrfSecret: 'x' });
    const r = await run(['reset', '--email', 'a@af.example']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Temporary password/);
    const [after] = await t.db.select().from(users);
    expect(after.mustChangePassword).toBe(true);
    expect(after.passwordHash).not.toBe(u.passwordHash);
    expect((await t.db.select().from(sessions))[0].revokedAt).toBe(now.toISOString());
    await t.db.insert(sessions).values({ id: 's2', userId: u.id, createdAt: now.toISOString(), expiresAt: '2099-01-01T00:00:00Z', lastSeenAt: now.toISOString(), csrfSecret: 'x' });
    expect((await run(['disable', '--email', 'a@af.example'])).code).toBe(0);
    expect((await t.db.select().from(sessions).where(eq(sessions.id, 's2')))[0].revokedAt).toBe(now.toISOString());
    expect((await run(['disable', '--email', 'a@af.example'])).out).toMatch(/already disabled/);
    expect((await run(['list'])).out).toMatch(/a@af\.example\tofficer\tdisabled/);
    const actions = (await t.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(['user_created', 'password_reset', 'user_disabled']);
  });
});

describe('the local demo officer', () => {
  it('is created once when there are no accounts, and its credentials sign in', async () => {
    const t = await reviewTestApp();
    try {
      expect(await ensureDemoOfficer(t.db, { now: t.now.value })).toBeNull(); // accounts exist
    } finally {
      t.close();
    }
    const empty = await testDb();
    try {
      const first = await ensureDemoOfficer(empty.db, { now: new Date(), iterations: TEST_ITERATIONS });
      expect(first).toMatchObject({ email: DEMO_OFFICER_EMAIL });
      expect(first!.password.length).toBeGreaterThanOrEqual(20);
      expect(await ensureDemoOfficer(empty.db, { now: new Date() })).toBeNull();
      const [u] = await empty.db.select().from(users);
      expect(u.role).toBe('officer');
    } finally {
      empty.close();
    }
  });
});

describe('admin: accounts and API keys', () => {
  it('an admin creates an API key (shown once, stored hashed), it works, and revoking it is audited', async () => {
    const t = await reviewTestApp();
    try {
      const c = await signedIn(t, ADMIN);
      const res = await c.postForm('/review/admin/api-keys', { label: 'Alfa pipeline', orgnr: '556000-0001', rate: '30' }, '/review/admin/api-keys');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const key = /data-testid="new-key">([^<]+)</.exec(await res.text())![1];
      const row = await findApiKey(t.db, key);
      expect(row).toMatchObject({ providerId: 1, label: 'Alfa pipeline', rateLimitPerMinute: 30, createdBy: `user:${t.adminId}` });
      expect(await (await c.get('/review/admin/api-keys')).text()).not.toContain(key);
      expect((await c.postForm('/review/admin/api-keys', { label: 'x', orgnr: '5569999999' }, '/review/admin/api-keys')).status).toBe(400);
      const revoke = await c.postForm(`/review/admin/api-keys/${row!.id}/revoke`, {}, '/review/admin/api-keys');
      expect(revoke.status).toBe(303);
      expect((await t.db.select().from(apiKeys).where(eq(apiKeys.id, row!.id)))[0].revokedAt).not.toBeNull();
      const actions = (await t.db.select().from(auditEvents)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['apikey_created', 'apikey_revoked']));
      expect((await t.db.select().from(auditEvents)).every((e) => !(e.detail ?? '').includes(key))).toBe(true);
    } finally {
      t.close();
    }
  });
  it('an admin disables an officer: sessions revoked, sign-in refused, audited', async () => {
    const t = await reviewTestApp();
    try {
      const officer = await signedIn(t, OFFICER);
      const admin = await signedIn(t, ADMIN);
      expect((await admin.postForm(`/review/admin/users/${t.officerId}/disable`, {}, '/review/admin/users')).status).toBe(303);
      expect((await officer.get('/review')).status).toBe(302);
      expect((await new Client(t).login(OFFICER.email, OFFICER.password)).status).toBe(401);
      const [e] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user_disabled'));
      expect(e).toMatchObject({ actor: `user:${t.adminId}`, subjectId: String(t.officerId) });
    } finally {
      t.close();
    }
  });
});
