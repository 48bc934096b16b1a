import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, findingEvents, sessions, users } from '../../src/db/schema';
import { ACCOUNT_LOCK_MS, IP_FAILURE_LIMIT, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/review/settings';
import { resetPassword } from '../../src/review/auth/users';
import { ADMIN, Client, OFFICER, OFFICER2, reviewTestApp, seedFindings, signedIn, TEST_ITERATIONS, type ReviewTestApp } from './review-helpers';

let t: ReviewTestApp;
beforeAll(async () => {
  t = await reviewTestApp({ seed: async (db) => void (await seedFindings(db, [{ id: 1 }, { id: 2, status: 'dismissed', dismissedReason: 'x' }])) });
});
afterAll(() => t.close());

const GET_ROUTES = [
  '/review',
  '/review/findings',
  '/review/findings?severity=high&sort=severity',
  '/review/findings/1',
  '/review/findings/export.csv',
  '/review/findings/export.json',
  '/review/audit',
  '/review/audit/export.csv',
  '/review/audit/export.json',
  '/review/providers/1',
  '/review/password',
  '/review/admin/users',
  '/review/admin/api-keys',
];
const POST_ROUTES = [
  '/review/logout',
  '/review/password',
  '/review/findings/bulk',
  '/review/findings/bulk/apply',
  '/review/findings/1/confirm',
  '/review/findings/1/dismiss',
  '/review/findings/2/undismiss',
  '/review/findings/1/assign',
  '/review/findings/1/note',
  '/review/findings/1/recheck',
  '/review/admin/users/2/disable',
  '/review/admin/api-keys',
  '/review/admin/api-keys/1/revoke',
];
const ADMIN_GETS = ['/review/admin/users', '/review/admin/api-keys'];
const ADMIN_POSTS = ['/review/admin/users/2/disable', '/review/admin/api-keys', '/review/admin/api-keys/1/revoke'];
const withEn = (paths: string[]) => [...paths, ...paths.map((p) => `/en${p}`)];

describe('authorisation', () => {
  it.each(withEn(GET_ROUTES))('anonymous GET %s → 302 to sign-in, no-store', async (path) => {
    const res = await new Client(t).get(path);
    expect(res.status).toBe(302);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(path.startsWith('/en/') ? /^\/en\/review\/login\?next=/ : /^\/review\/login\?next=/);
    expect(decodeURIComponent(loc.split('next=')[1])).toBe(path);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
  it.each(withEn(POST_ROUTES))('anonymous POST %s → 302 to sign-in and changes nothing', async (path) => {
    const res = await new Client(t).post(path, { reason: 'x', note: 'x', ids: '1', action: 'confirm' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/review\/login$/);
  });
  it('a forged or unknown session cookie is anonymous', async () => {
    const c = new Client(t);
    c.cookies.set('vk_review', 'A'.repeat(43));
    expect((await c.get('/review')).status).toBe(302);
  });
  it('officers get every workspace page except the admin ones (403)', async () => {
    const c = await signedIn(t, OFFICER);
    for (const path of withEn(GET_ROUTES)) {
      const res = await c.get(path);
      const expected = ADMIN_GETS.some((a) => path.endsWith(a)) ? 403 : 200;
      expect(res.status, path).toBe(expected);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    for (const path of ADMIN_POSTS) expect((await c.postForm(path, { label: 'x' })).status, path).toBe(403);
    expect(await t.db.select().from(users).where(eq(users.id, t.officer2Id)).then((r) => r[0].disabledAt)).toBeNull();
  });
  it('admins get the admin pages too', async () => {
    const c = await signedIn(t, ADMIN);
    for (const path of withEn(GET_ROUTES)) expect((await c.get(path)).status, path).toBe(200);
  });
  it('serves the sign-in page without a session, in Swedish and English, never cached', async () => {
    const sv = await new Client(t).get('/review/login');
    expect(sv.status).toBe(200);
    expect(sv.headers.get('cache-control')).toBe('no-store');
    expect(await sv.text()).toContain('<html lang="sv">');
    const en = await new Client(t).get('/en/review/login');
    expect(await en.text()).toContain('Sign in');
  });
});

describe('sign-in, cookies and sign-out', () => {
  it('signs in with a new session and an HttpOnly, SameSite=Lax, Path=/ cookie (no Secure on plain-http localhost)', async () => {
    const c = new Client(t);
    const res = await c.login(OFFICER.email.toUpperCase(), OFFICER.password);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review');
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('vk_review='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect((await c.get('/review')).status).toBe(200);
    const [login] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'login'));
    expect(login.actor).toBe(`user:${t.officerId}`);
  });
  it('uses a __Host- prefixed Secure cookie when PUBLIC_BASE_URL is https', async () => {
    const secure = await reviewTestApp({ env: { PUBLIC_BASE_URL: 'https://valkollen.example' } });
    try {
      const c = new Client(secure);
      const res = await c.login(OFFICER.email, OFFICER.password);
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((h) => h.startsWith('__Host-vk_review='))!;
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).not.toMatch(/Domain=/i);
      expect((await c.get('/review')).status).toBe(200);
      // The unprefixed name is not accepted over https.
      const plain = new Client(secure);
      plain.cookies.set('vk_review', c.cookies.get('__Host-vk_review')!);
      expect((await plain.get('/review')).status).toBe(302);
    } finally {
      secure.close();
    }
  });
  it('goes back to the page asked for, but never off-site', async () => {
    const c = new Client(t);
    const html = await (await c.get('/review/login?next=%2Freview%2Ffindings%2F1')).text();
    expect(html).toContain('name="next" value="/review/findings/1"');
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const res = await c.post('/review/login', { _csrf: token, email: OFFICER.email, password: OFFICER.password, next: '/review/findings/1' });
    expect(res.headers.get('location')).toBe('/review/findings/1');
    const evil = new Client(t);
    const t2 = /name="_csrf" value="([^"]+)"/.exec(await (await evil.get('/review/login')).text())![1];
    const res2 = await evil.post('/review/login', { _csrf: t2, email: OFFICER.email, password: OFFICER.password, next: '//evil.example/review' });
    expect(res2.headers.get('location')).toBe('/review');
  });
  it('sign-out revokes the session in the database', async () => {
    const c = await signedIn(t, OFFICER);
    const stolen = new Map(c.cookies);
    const res = await c.postForm('/review/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review/login?signed_out');
    const replay = new Client(t);
    replay.cookies = stolen;
    expect((await replay.get('/review')).status).toBe(302);
    expect((await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'logout'))).length).toBeGreaterThan(0);
  });
  it('rejects the sign-in form without its double-submit token or from a foreign origin (403)', async () => {
    const c = new Client(t);
    await c.get('/review/login');
    expect((await c.post('/review/login', { _csrf: 'wrong', email: OFFICER.email, password: OFFICER.password })).status).toBe(403);
    const d = new Client(t);
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await d.get('/review/login')).text())![1];
    expect((await d.post('/review/login', { _csrf: token, email: OFFICER.email, password: OFFICER.password }, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('CSRF on workspace forms', () => {
  it('rejects a missing token, a wrong token, another session\'s token, a foreign Origin and no Origin (403, nothing changes)', async () => {
    const c = await signedIn(t, OFFICER);
    const other = await signedIn(t, OFFICER2);
    const good = await c.csrf('/review/findings/1');
    const otherToken = await other.csrf('/review/findings/1');
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['missing token', { note: 'n' }, {}],
      ['wrong token', { _csrf: 'x'.repeat(43), note: 'n' }, {}],
      ["another session's token", { _csrf: otherToken, note: 'n' }, {}],
      ['foreign origin', { _csrf: good, note: 'n' }, { origin: 'https://evil.example' }],
      ['null origin', { _csrf: good, note: 'n' }, { origin: 'null' }],
      ['foreign referer without origin', { _csrf: good, note: 'n' }, { origin: '', referer: 'https://evil.example/page' }],
    ];
    for (const [name, form, headers] of cases) {
      const res = await c.post('/review/findings/1/note', form, headers);
      expect(res.status, name).toBe(403);
    }
    const notes = await t.db.select().from(findingEvents).where(eq(findingEvents.kind, 'note'));
    expect(notes).toHaveLength(0);
    // The right token from the right origin works.
    expect((await c.post('/review/findings/1/note', { _csrf: good, note: 'ok' })).status).toBe(303);
  });
  it('accepts a same-origin Referer when the Origin header is absent, refuses when both are absent', async () => {
    const c = await signedIn(t, OFFICER);
    const token = await c.csrf('/review/findings/1');
    const body = new URLSearchParams({ _csrf: token, note: 'via referer' }).toString();
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const ok = await t.app.request('/review/findings/1/note', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, referer: 'http://localhost/review/findings/1' } });
    expect(ok.status).toBe(303);
    const none = await t.app.request('/review/findings/1/note', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
    expect(none.status).toBe(403);
  });
});

describe('session expiry', () => {
  it('ends a session after the idle time and revokes it', async () => {
    const c = await signedIn(t, OFFICER);
    const start = t.now.value;
    try {
      t.now.value = new Date(start.getTime() + SESSION_IDLE_MS - 60_000);
      expect((await c.get('/review')).status).toBe(200); // activity refreshes the idle timer
      t.now.value = new Date(t.now.value.getTime() + SESSION_IDLE_MS - 60_000);
      expect((await c.get('/review')).status).toBe(200);
      t.now.value = new Date(t.now.value.getTime() + SESSION_IDLE_MS + 1000);
      const res = await c.get('/review/findings');
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^\/review\/login/);
      const token = c.cookies.get('vk_review')!;
      const rows = await t.db.select().from(sessions);
      expect(rows.some((s) => s.revokedAt !== null)).toBe(true);
      // Going back in time does not revive it.
      t.now.value = start;
      const again = new Client(t);
      again.cookies.set('vk_review', token);
      expect((await again.get('/review')).status).toBe(302);
    } finally {
      t.now.value = start;
    }
  });
  it('ends a busy session at the absolute limit', async () => {
    const c = await signedIn(t, OFFICER);
    const start = t.now.value;
    try {
      for (let ms = 20 * 60_000; ms < SESSION_ABSOLUTE_MS; ms += 20 * 60_000) {
        t.now.value = new Date(start.getTime() + ms);
        expect((await c.get('/review')).status).toBe(200);
      }
      t.now.value = new Date(start.getTime() + SESSION_ABSOLUTE_MS);
      expect((await c.get('/review')).status).toBe(302);
    } finally {
      t.now.value = start;
    }
  });
});

describe('lock-out', () => {
  it('locks an account after 5 wrong passwords for 15 minutes, with the same message as an unknown account', async () => {
    const local = await reviewTestApp();
    try {
      const wrong = async (email: string) => {
        const res = await new Client(local).login(email, 'not the password at all');
        expect(res.status).toBe(401);
        return (await res.text()).match(/<p class="error-box"[^>]*>([^<]+)</)![1];
      };
      const unknownMsg = await wrong('nobody@af.example');
      for (let i = 0; i < 5; i++) expect(await wrong(OFFICER.email)).toBe(unknownMsg);
      // Now even the right password is refused, with the same message.
      const locked = await new Client(local).login(OFFICER.email, OFFICER.password);
      expect(locked.status).toBe(401);
      expect(await locked.text()).toContain(unknownMsg);
      const [u] = await local.db.select().from(users).where(eq(users.id, local.officerId));
      expect(Date.parse(u.lockedUntil!)).toBe(local.now.value.getTime() + ACCOUNT_LOCK_MS);
      const actions = (await local.db.select().from(auditEvents)).map((e) => e.action);
      expect(actions.filter((a) => a === 'login_failed')).toHaveLength(7);
      expect(actions).toContain('account_locked');
      const details = (await local.db.select().from(auditEvents).where(eq(auditEvents.action, 'login_failed'))).map((e) => JSON.parse(e.detail!).reason);
      expect(details).toEqual(['unknown_user', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'locked']);
      // Other accounts are unaffected; after 15 minutes the right password works again.
      expect((await new Client(local).login(OFFICER2.email, OFFICER2.password)).status).toBe(303);
      local.now.value = new Date(local.now.value.getTime() + ACCOUNT_LOCK_MS + 1000);
      expect((await new Client(local).login(OFFICER.email, OFFICER.password)).status).toBe(303);
    } finally {
      local.close();
    }
  });
  it(`refuses an IP address after ${IP_FAILURE_LIMIT} failures in the window, even for a correct password`, async () => {
    const local = await reviewTestApp();
    try {
      for (let i = 0; i < IP_FAILURE_LIMIT; i++) expect((await new Client(local).login(`nobody${i}@af.example`, 'wrong password here')).status).toBe(401);
      expect((await new Client(local).login(ADMIN.email, ADMIN.password)).status).toBe(401);
      const last = (await local.db.select().from(auditEvents).where(eq(auditEvents.action, 'login_failed'))).pop()!;
      expect(JSON.parse(last.detail!).reason).toBe('ip_blocked');
      local.now.value = new Date(local.now.value.getTime() + 16 * 60_000);
      expect((await new Client(local).login(ADMIN.email, ADMIN.password)).status).toBe(303);
    } finally {
      local.close();
    }
  });
  it('refuses disabled accounts with the generic message', async () => {
    const local = await reviewTestApp();
    try {
      const c = await signedIn(local, OFFICER);
      const admin = await signedIn(local, ADMIN);
      expect((await admin.postForm(`/review/admin/users/${local.officerId}/disable`, {})).status).toBe(303);
      expect((await c.get('/review')).status).toBe(302); // sessions revoked
      expect((await new Client(local).login(OFFICER.email, OFFICER.password)).status).toBe(401);
    } finally {
      local.close();
    }
  });
});

describe('password reset and change', () => {
  it('after a reset the user must choose a new password before anything else', async () => {
    const local = await reviewTestApp();
    try {
      const before = await signedIn(local, OFFICER);
      const { password } = await resetPassword(local.db, { email: OFFICER.email, actor: 'cli', now: local.now.value, iterations: TEST_ITERATIONS });
      expect((await before.get('/review')).status).toBe(302); // signed out everywhere
      const c = new Client(local);
      const res = await c.login(OFFICER.email, password);
      expect(res.headers.get('location')).toBe('/review/password');
      const blocked = await c.get('/review/findings');
      expect(blocked.status).toBe(302);
      expect(blocked.headers.get('location')).toBe('/review/password');
      expect((await c.postForm('/review/password', { current: password, new: 'a brand new passphrase', repeat: 'a different passphrase' }, '/review/password')).status).toBe(400);
      expect((await c.postForm('/review/password', { current: password, new: 'short', repeat: 'short' }, '/review/password')).status).toBe(400);
      const ok = await c.postForm('/review/password', { current: password, new: 'a brand new passphrase', repeat: 'a brand new passphrase' }, '/review/password');
      expect(ok.status).toBe(303);
      expect((await c.get('/review/findings')).status).toBe(200);
      expect((await new Client(local).login(OFFICER.email, 'a brand new passphrase')).status).toBe(303);
    } finally {
      local.close();
    }
  });
});
