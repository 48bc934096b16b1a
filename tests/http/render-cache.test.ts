import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createRenderCache } from '../../src/http/render-cache';
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

describe('rendered page cache, answered in front of the router', () => {
  it('gives a hit its own request id and keeps the security headers and cache headers', async () => {
    const first = await page('/kommun/orebro');
    expect(first.res.status).toBe(200);
    const hit = await page('/kommun/orebro', { 'x-request-id': 'trace-123' });
    expect(hit.text).toBe(first.text);
    expect(hit.res.headers.get('x-request-id')).toBe('trace-123');
    const other = await page('/kommun/orebro');
    expect(other.res.headers.get('x-request-id')).not.toBe(first.res.headers.get('x-request-id'));
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'cache-control', 'etag', 'content-type']) {
      expect(hit.res.headers.get(name), name).toBe(first.res.headers.get(name));
    }
  });
  it('answers a matching If-None-Match (also weak or in a list) with 304 and no representation headers', async () => {
    const { res } = await page('/kommun/uppsala');
    expect(res.status).toBe(200);
    const tag = res.headers.get('etag')!;
    for (const inm of [tag, `W/${tag}`, `"nope", ${tag}`, '*']) {
      const again = await t.app.request('/kommun/uppsala', { headers: { 'if-none-match': inm } });
      expect(again.status, inm).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect(again.headers.get('content-type')).toBeNull();
      expect(again.headers.get('content-security-policy')).toBeTruthy();
    }
    expect((await t.app.request('/kommun/uppsala', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });
});

describe('createRenderCache', () => {
  const setup = (opts: { ttlSeconds?: number; maxEntries?: number; maxBytes?: number } = {}) => {
    const now = { value: new Date('2026-11-23T10:00:00Z') };
    const lines: Record<string, unknown>[] = [];
    const cache = createRenderCache({
      ttlSeconds: opts.ttlSeconds ?? 60,
      maxEntries: opts.maxEntries,
      maxBytes: opts.maxBytes,
      clock: () => now.value,
      timeZone: 'Europe/Stockholm',
      log: (_level, _msg, fields) => lines.push(fields ?? {}),
    });
    let renders = 0;
    const app = new Hono();
    app.get('*', (c) => {
      renders++;
      if (!c.req.path.startsWith('/private')) cache.markStorable(c.req.raw);
      if (c.req.path.startsWith('/cookie')) c.header('Set-Cookie', 'a=1');
      if (c.req.path.startsWith('/big')) return c.text('x'.repeat(600 * 1024));
      return c.text(`render ${renders}`, 200, { 'Cache-Control': 'public, max-age=60' });
    });
    app.post('*', (c) => {
      cache.markStorable(c.req.raw);
      return c.text(`post ${++renders}`);
    });
    const fetch = cache.wrap(app.fetch);
    const get = async (path: string, init?: RequestInit) => (await fetch(new Request(`http://localhost${path}`, init))).text();
    return { now, lines, get, renders: () => renders };
  };

  it('keeps only marked GET 200 responses without cookies and small enough', async () => {
    const s = setup();
    expect(await s.get('/a')).toBe('render 1');
    expect(await s.get('/a')).toBe('render 1');
    await s.get('/private');
    expect(await s.get('/private')).toBe('render 3');
    await s.get('/cookie');
    expect(await s.get('/cookie')).toBe('render 5');
    await s.get('/big');
    await s.get('/big');
    expect(s.renders()).toBe(7);
    expect(await s.get('/a', { method: 'POST' })).toBe('post 8');
    expect(await s.get('/a', { method: 'POST' })).toBe('post 9');
  });
  it('logs hits like any request, marked as hits', async () => {
    const s = setup();
    await s.get('/a?x=1');
    await s.get('/a?x=1');
    expect(s.lines).toEqual([expect.objectContaining({ method: 'GET', path: '/a', status: 200, cache: 'hit', requestId: expect.any(String) })]);
  });
  it('expires entries after the TTL and on a new day of the neutral order, and evicts the least recently used', async () => {
    const s = setup({ maxEntries: 2 });
    await s.get('/a');
    s.now.value = new Date(s.now.value.getTime() + 61_000);
    expect(await s.get('/a')).toBe('render 2');
    await s.get('/b');
    await s.get('/a'); // hit: /a becomes the most recently used
    await s.get('/c'); // evicts /b
    expect(await s.get('/a')).toBe('render 2');
    expect(await s.get('/b')).toBe('render 5');
    s.now.value = new Date('2026-11-23T23:30:00Z'); // 00:30 the next day in Stockholm
    expect(await s.get('/b')).toBe('render 6');
  });
  it('keeps the bodies within a byte budget, dropping the least recently used', async () => {
    const s = setup({ maxBytes: 20 });
    await s.get('/a'); // "render 1": 8 bytes
    await s.get('/b'); // 16 bytes
    await s.get('/c'); // 24 > 20: /a goes
    expect(await s.get('/b')).toBe('render 2');
    expect(await s.get('/c')).toBe('render 3');
    expect(await s.get('/a')).toBe('render 4');
  });
  it('stores nothing when the TTL is 0', async () => {
    const s = setup({ ttlSeconds: 0 });
    await s.get('/a');
    expect(await s.get('/a')).toBe('render 2');
  });
});
