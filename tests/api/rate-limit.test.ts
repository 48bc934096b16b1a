import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApiKey, findApiKey, revokeApiKey } from '../../src/api/api-keys';
import { hitKeyRateLimit, hitRateLimit, pruneRateLimitCounters } from '../../src/api/rate-limit';
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

describe('hitKeyRateLimit (counts only while the key is active)', () => {
  it('counts an active key against its own limit, or the default when it has none', async () => {
    const at = new Date('2026-11-23T13:00:05Z');
    const own = await createApiKey(t.db, { label: 'own', createdBy: 'test', now: at, rateLimitPerMinute: 2 });
    const dflt = await createApiKey(t.db, { label: 'default', createdBy: 'test', now: at });
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await hitKeyRateLimit(t.db, own.id, 60, at));
    expect(hits.map((r) => [r?.allowed, r?.limit, r?.remaining])).toEqual([[true, 2, 1], [true, 2, 0], [false, 2, 0]]);
    expect(await hitKeyRateLimit(t.db, dflt.id, 60, at)).toMatchObject({ allowed: true, limit: 60, remaining: 59, resetSeconds: 55 });
  });
  it('returns null and counts nothing for a revoked or unknown key', async () => {
    const at = new Date('2026-11-23T13:10:00Z');
    const k = await createApiKey(t.db, { label: 'gone', createdBy: 'test', now: at, rateLimitPerMinute: 5 });
    expect(await hitKeyRateLimit(t.db, k.id, 60, at)).toMatchObject({ remaining: 4 });
    await revokeApiKey(t.db, String(k.id), at);
    expect(await hitKeyRateLimit(t.db, k.id, 60, at)).toBeNull();
    expect(await hitKeyRateLimit(t.db, 987_654, 60, at)).toBeNull();
    const rows = await t.db.all<{ count: number }>(sql`SELECT count FROM rate_limit_counters WHERE bucket IN (${`key:${k.id}`}, 'key:987654')`);
    expect(rows).toEqual([{ count: 1 }]);
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
  it('a key the API has seen still gets its current limit and last-use stamp', async () => {
    t.now.value = new Date('2026-11-23T14:00:05Z');
    const k = await t.key({ rateLimitPerMinute: 10 });
    expect((await t.check({ text: 'Hej' }, { key: k })).res.headers.get('ratelimit-limit')).toBe('10');
    const row = (await findApiKey(t.db, k))!;
    expect(row.lastUsedAt).toBe('2026-11-23T14:00:05.000Z');
    // The limit changes in the database (as an admin would): the next request counts against it.
    await t.db.run(sql`UPDATE api_keys SET rate_limit_per_minute = 1 WHERE id = ${row.id}`);
    const refused = await t.check({ text: 'Hej' }, { key: k });
    expect([refused.status, refused.res.headers.get('ratelimit-limit')]).toEqual([429, '1']);
    // Last use is written at most once a minute, also for a remembered key.
    await t.db.run(sql`UPDATE api_keys SET rate_limit_per_minute = NULL WHERE id = ${row.id}`);
    t.now.value = new Date('2026-11-23T14:00:40Z');
    expect((await t.check({ text: 'Hej' }, { key: k })).status).toBe(200);
    expect((await findApiKey(t.db, k))!.lastUsedAt).toBe('2026-11-23T14:00:05.000Z');
    t.now.value = new Date('2026-11-23T14:01:30Z');
    expect((await t.check({ text: 'Hej' }, { key: k })).status).toBe(200);
    expect((await findApiKey(t.db, k))!.lastUsedAt).toBe('2026-11-23T14:01:30.000Z');
    t.now.value = new Date('2026-11-23T14:03:00Z');
    expect((await t.check({ text: 'Hej' }, { key: k })).status).toBe(200);
    expect((await findApiKey(t.db, k))!.lastUsedAt).toBe('2026-11-23T14:03:00.000Z');
  });
  it('uses the default of 60 per minute for keys without their own limit', async () => {
    const k = await t.key();
    const r = await t.check({ text: 'Hej' }, { key: k });
    expect(r.res.headers.get('ratelimit-limit')).toBe('60');
  });
});
