// Signing in to the review workspace through the real Worker entry inside workerd (PBKDF2 via
// WebCrypto, sessions and CSRF in D1), then reaching a protected page and signing out.
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { schema } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { createUser } from '../../src/review/auth/users';

const BASE = 'https://valkollen.test';
const EMAIL = 'officer@valkollen.test';
const PASSWORD = 'korrekt-häst-batteri-häftklammer';

// workerd implements Headers.getSetCookie(); the workers-types version in use does not declare it.
const setCookies = (res: Response) => (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const line of setCookies(res)) {
    const [pair] = line.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

beforeAll(async () => {
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  const existing = await env.DB.prepare('select count(*) as n from users where email = ?').bind(EMAIL).first<{ n: number }>();
  if (!existing?.n) await createUser(db, { email: EMAIL, displayName: 'Test', role: 'officer', password: PASSWORD, actor: 'test', now: new Date(), iterations: 1000 });
});

describe('Worker: review workspace sign-in', () => {
  it('sends anonymous visitors to the sign-in page', async () => {
    const res = await SELF.fetch(`${BASE}/review`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/review/login');
  });
  it('signs in with CSRF protection and reaches the queue', async () => {
    const jar = new Map<string, string>();
    const form = await SELF.fetch(`${BASE}/review/login`);
    cookiesFrom(form, jar);
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const body = new URLSearchParams({ _csrf: token, email: EMAIL, password: PASSWORD });
    const signIn = await SELF.fetch(`${BASE}/review/login`, {
      method: 'POST',
      redirect: 'manual',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, cookie: cookieHeader(jar) },
    });
    expect(signIn.status).toBe(303);
    cookiesFrom(signIn, jar);
    // Over https the session cookie is __Host- prefixed (Secure, HttpOnly).
    expect(jar.has('__Host-vk_review')).toBe(true);
    expect(setCookies(signIn).join(';')).toMatch(/HttpOnly/i);
    const queue = await SELF.fetch(`${BASE}/review/findings`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toContain('no-store');
  });
  it('refuses a sign-in without a CSRF token', async () => {
    const res = await SELF.fetch(`${BASE}/review/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
    });
    expect(res.status).toBe(403);
  });
});
