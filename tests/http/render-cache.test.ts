import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { providers } from '../../src/db/schema';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedDirectoryFixture, env: { PAGE_RENDER_CACHE_SECONDS: '60' } });
});
afterAll(() => t.close());

const page = async (path: string, headers?: Record<string, string>) => {
  const res = await t.app.request(path, { headers });
  return { res, text: res.status === 200 ? await res.text() : '' };
};

describe('rendered page cache', () => {
  it('reuses a rendered page within its lifetime and re-renders after it', async () => {
    const first = await page('/kommun/vasteras');
    expect(first.text).toContain('Alfa Jobbcoach AB');
    await t.db.update(providers).set({ displayName: 'Alfa Omdöpt AB' }).where(eq(providers.id, 1));
    const cached = await page('/kommun/vasteras');
    expect(cached.text).toBe(first.text);
    expect(cached.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    expect(cached.res.headers.get('content-security-policy')).toBeTruthy();
    t.now.value = new Date(t.now.value.getTime() + 61_000);
    expect((await page('/kommun/vasteras')).text).toContain('Alfa Omdöpt AB');
  });
  it('answers 304 from the cache when the ETag matches', async () => {
    const { res } = await page('/kommun/eskilstuna');
    const again = await page('/kommun/eskilstuna', { 'if-none-match': res.headers.get('etag')! });
    expect(again.res.status).toBe(304);
  });
  it('keys on the query (in any order) and on the day of the neutral order', async () => {
    const a = await page('/kommun/vasteras?sort=name&lang=ar');
    const b = await page('/kommun/vasteras?lang=ar&sort=name');
    expect(b.text).toBe(a.text);
    const day1 = await page('/api/v1/municipalities/1980/providers');
    t.now.value = new Date(t.now.value.getTime() + 86_400_000);
    const day2 = await page('/api/v1/municipalities/1980/providers');
    expect(JSON.parse(day2.text).order.day).not.toBe(JSON.parse(day1.text).order.day);
  });
  it('never caches errors', async () => {
    expect((await page('/kommun/vasteras?minRating=9')).res.status).toBe(400);
    expect((await page('/kommun/atlantis')).res.status).toBe(404);
    expect((await page('/kommun/atlantis')).res.status).toBe(404);
  });
});
