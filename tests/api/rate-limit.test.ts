import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitRateLimit, pruneRateLimitCounters } from '../../src/api/rate-limit';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
beforeAll(async () => {
  t = await apiTestApp();
});
afterAll(() => t.close());

describe('hitRateLimit (fixed window in the database)', () => {
  it('counts per bucket, refuses over the limit and resets in the next window', async () => {
    const at = new Date('2026-11-23T10:00:10Z');
    const a1 = await hitRateLimit(t.db, 'unit:a', 2, at);
    const a2 = await hitRateLimit(t.db, 'unit:a', 2, at);
    const a3 = await hitRateLimit(t.db, 'unit:a', 2, at);
    const b1 = await hitRateLimit(t.db, 'unit:b', 2, at);
    expect([a1, a2, a3].map((r) => [r.allowed, r.remaining])).toEqual([[true, 1], [true, 0], [false, 0]]);
    expect(a3.resetSeconds).toBe(50);
    expect(b1).toMatchObject({ allowed: true, remaining: 1 });
    const next = await hitRateLimit(t.db, 'unit:a', 2, new Date('2026-11-23T10:01:00Z'));
    expect(next).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });
  it('prunes counters of old windows', async () => {
    await hitRateLimit(t.db, 'unit:old', 5, new Date('2026-11-01T00:00:00Z'));
    await pruneRateLimitCounters(t.db, new Date('2026-11-23T10:00:00Z'));
    expect((await hitRateLimit(t.db, 'unit:old', 5, new Date('2026-11-01T00:00:00Z'))).remaining).toBe(4);
  });
  it('counts concurrent hits exactly (atomic upsert)', async () => {
    const at = new Date('2026-11-23T11:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(t.db, 'unit:burst', 10, at)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});

describe('per-key limit on POST /api/v1/check', () => {
  it('429 with Retry-After and RateLimit headers; keys are counted separately; resets after the window', async () => {
    t.now.value = new Date('2026-11-23T12:00:15Z');
    const k1 = await t.key({ rateLimitPerMinute: 3 });
    const k2 = await t.key({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const r = await t.check({ text: 'Hej' }, { key: k1 });
      expect(r.status).toBe(200);
      expect(r.res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    const refused = await t.check({ text: 'Hej' }, { key: k1 });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('3 requests per minute') } });
    expect(refused.res.headers.get('retry-after')).toBe('45');
    expect(refused.res.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.res.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.res.headers.get('ratelimit-reset')).toBe('45');

    expect((await t.check({ text: 'Hej' }, { key: k2 })).status).toBe(200);

    t.now.value = new Date('2026-11-23T12:01:00Z');
    const again = await t.check({ text: 'Hej' }, { key: k1 });
    expect(again.status).toBe(200);
    expect(again.res.headers.get('ratelimit-remaining')).toBe('2');
  });
  it('uses the default of 60 per minute for keys without their own limit', async () => {
    const k = await t.key();
    const r = await t.check({ text: 'Hej' }, { key: k });
    expect(r.res.headers.get('ratelimit-limit')).toBe('60');
  });
});
