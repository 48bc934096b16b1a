// Parallel sign-in attempts against a real libsql file database: the lock-out counts each attempt
// before its password hash is computed, so attempts sent at once cannot slip past the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, users } from '../../src/db/schema';
import { parsePasswordHash } from '../../src/review/auth/password';
import { ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCK_MS, IP_FAILURE_LIMIT } from '../../src/review/settings';
import { ADMIN, Client, OFFICER, reviewTestApp, type ReviewTestApp } from './review-helpers';

let dir: string;
let t: ReviewTestApp;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-signin-'));
  t = await reviewTestApp({ dbUrl: `file:${join(dir, 'db.sqlite')}` });
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sign-in attempts prepared (page fetched, double-submit token in hand) so their POSTs can go out at once. */
async function prepared(n: number, email: (i: number) => string, password: string, ip: (i: number) => string) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const c = new Client(t);
      const html = await (await c.get('/review/login')).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
      return () => c.post('/review/login', { _csrf: token, email: email(i), password }, { 'cf-connecting-ip': ip(i) });
    }),
  );
}

/** Counts PBKDF2 derivations made with `salt` (i.e. passwords checked against that account's hash). */
function countHashChecks(salt: Uint8Array): { n: number } {
  const counter = { n: 0 };
  const original = crypto.subtle.deriveBits.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation(((algorithm: Pbkdf2Params, key: CryptoKey, length: number) => {
    const used = new Uint8Array(algorithm.salt as ArrayBuffer);
    if (used.length === salt.length && used.every((b, i) => b === salt[i])) counter.n++;
    return original(algorithm, key, length);
  }) as typeof crypto.subtle.deriveBits);
  return counter;
}

const reasons = async () => (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'login_failed'))).map((e) => JSON.parse(e.detail!).reason as string);

describe('concurrent sign-in attempts', () => {
  it(`30 wrong passwords sent at once: at most ${ACCOUNT_FAILURE_LIMIT} are checked, then even the right one is refused until the lock expires`, async () => {
    const [row] = await t.db.select().from(users).where(eq(users.id, t.officerId));
    const checks = countHashChecks(parsePasswordHash(row.passwordHash)!.salt);
    // A different address each, so only the account's lock-out is at work.
    const attempts = await prepared(30, () => OFFICER.email, 'not the password at all', (i) => `198.51.100.${i + 1}`);
    const statuses = (await Promise.all(attempts.map((send) => send()))).map((r) => r.status);
    expect(statuses).toEqual(Array(30).fill(401));
    expect(checks.n).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    const why = await reasons();
    expect(why.filter((r) => r === 'wrong_password').length).toBe(checks.n);
    expect(why.filter((r) => r === 'locked').length).toBe(30 - checks.n);

    const right = async () => (await new Client(t).login(OFFICER.email, OFFICER.password)).status;
    const start = t.now.value.getTime();
    expect(await right()).toBe(401);
    t.now.value = new Date(start + ACCOUNT_LOCK_MS - 1000);
    expect(await right()).toBe(401);
    expect(checks.n).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    t.now.value = new Date(start + ACCOUNT_LOCK_MS + 1000);
    expect(await right()).toBe(303);
    const [after] = await t.db.select().from(users).where(eq(users.id, t.officerId));
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it(`30 attempts from one address at once: at most ${IP_FAILURE_LIMIT} get past the address limit, and the address stays refused`, async () => {
    const attempts = await prepared(30, (i) => `nobody${i}@af.example`, 'wrong password here', () => '203.0.113.7');
    await Promise.all(attempts.map((send) => send()));
    const why = await reasons();
    expect(why.filter((r) => r === 'unknown_user').length).toBe(IP_FAILURE_LIMIT);
    expect(why.filter((r) => r === 'ip_blocked').length).toBe(30 - IP_FAILURE_LIMIT);
    const from = async (ip: string) => {
      const [send] = await prepared(1, () => ADMIN.email, ADMIN.password, () => ip);
      return (await send()).status;
    };
    expect(await from('203.0.113.7')).toBe(401);
    expect(await from('203.0.113.8')).toBe(303);
  });

  it('a right password among parallel wrong ones gives its address reservation back', async () => {
    const attempts = await prepared(3, () => ADMIN.email, 'wrong wrong wrong', () => '192.0.2.5');
    const ok = await prepared(1, () => ADMIN.email, ADMIN.password, () => '192.0.2.5');
    const statuses = (await Promise.all([...attempts, ...ok].map((send) => send()))).map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    // 3 failures counted against the address, the success not.
    const rows = await t.client.execute(`SELECT count FROM rate_limit_counters WHERE bucket = 'review-login-ip:192.0.2.5'`);
    expect(Number(rows.rows[0].count)).toBe(3);
  });
});
