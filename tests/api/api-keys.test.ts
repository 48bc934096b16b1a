import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApiKey, ensureDemoApiKey, findApiKey, generateApiKey, hashApiKey, listApiKeys, revokeApiKey, touchApiKey } from '../../src/api/api-keys';
import { apiKeys } from '../../src/db/schema';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
beforeAll(async () => {
  t = await apiTestApp();
});
afterAll(() => t.close());

describe('API key generation and storage', () => {
  it('makes unique "vk_" + 43 base62 keys (≥ 256 bits)', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const k of keys) expect(k).toMatch(/^vk_[0-9A-Za-z]{43}$/);
    expect(new Set(keys).size).toBe(200);
    // Every base62 character shows up: no narrowed alphabet.
    expect(new Set(keys.join('').slice(0, 20_000).replace(/^vk_/, '')).size).toBeGreaterThanOrEqual(62);
  });
  it('stores only the SHA-256 hash and a short prefix', async () => {
    const { key, id, prefix } = await createApiKey(t.db, { label: 'x', createdBy: 'test', now: t.now.value });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row.keyHash).toBe(await hashApiKey(key));
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key);
    expect(prefix).toBe(key.slice(0, 9));
    expect((await findApiKey(t.db, key))?.id).toBe(id);
    expect(await findApiKey(t.db, key + 'x')).toBeUndefined();
  });
  it('records last use at most once a minute', async () => {
    const { key } = await createApiKey(t.db, { label: 'x', createdBy: 'test', now: t.now.value });
    const at = new Date('2026-11-23T10:00:00Z');
    await touchApiKey(t.db, (await findApiKey(t.db, key))!, at);
    await touchApiKey(t.db, (await findApiKey(t.db, key))!, new Date(at.getTime() + 30_000));
    expect((await findApiKey(t.db, key))!.lastUsedAt).toBe(at.toISOString());
    const later = new Date(at.getTime() + 61_000);
    await touchApiKey(t.db, (await findApiKey(t.db, key))!, later);
    expect((await findApiKey(t.db, key))!.lastUsedAt).toBe(later.toISOString());
  });
  it('records last use through the API', async () => {
    const key = await t.key();
    expect((await findApiKey(t.db, key))!.lastUsedAt).toBeNull();
    await t.check({ text: 'Hej' }, { key });
    expect((await findApiKey(t.db, key))!.lastUsedAt).toBe(t.now.value.toISOString());
  });
  it('revokes by id or prefix and refuses unknown or ambiguous prefixes', async () => {
    const a = await createApiKey(t.db, { label: 'a', createdBy: 'test', now: t.now.value, value: 'vk_SAMEprefix_aaaaaaaaaaaaaaaaaaa' });
    const b = await createApiKey(t.db, { label: 'b', createdBy: 'test', now: t.now.value, value: 'vk_SAMEprefix_bbbbbbbbbbbbbbbbbbb' });
    await expect(revokeApiKey(t.db, 'vk_SAMEpr', t.now.value)).rejects.toThrow(/matches 2 active keys/);
    await expect(revokeApiKey(t.db, 'vk_nothing', t.now.value)).rejects.toThrow(/no active API key/);
    expect((await revokeApiKey(t.db, String(a.id), t.now.value)).revokedAt).toBe(t.now.value.toISOString());
    expect((await revokeApiKey(t.db, 'vk_SAMEpr', t.now.value)).id).toBe(b.id);
    const listed = await listApiKeys(t.db);
    expect(listed.filter((k) => k.id === a.id || k.id === b.id).every((k) => k.revokedAt)).toBe(true);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);
  });
  it('refuses too short custom values', async () => {
    await expect(createApiKey(t.db, { label: 'x', createdBy: 'test', now: t.now.value, value: 'short' })).rejects.toThrow(/16–200/);
  });
});

describe('ensureDemoApiKey', () => {
  it('creates the demo key once and returns it only the first time', async () => {
    const x = await apiTestApp();
    const first = await ensureDemoApiKey(x.db, { now: x.now.value });
    expect(first.key).toMatch(/^vk_/);
    const second = await ensureDemoApiKey(x.db, { now: x.now.value });
    expect(second).toEqual({ prefix: first.prefix });
    expect((await x.check({ text: 'Hej' }, { key: first.key! })).status).toBe(200);
    x.close();
  });
  it('uses DEMO_API_KEY as the key when given at first start', async () => {
    const x = await apiTestApp();
    const value = 'demo-key-for-scripts-0123456789';
    expect(await ensureDemoApiKey(x.db, { value, now: x.now.value })).toEqual({ key: value, prefix: value.slice(0, 9) });
    expect((await x.check({ text: 'Hej' }, { key: value })).status).toBe(200);
    expect(await ensureDemoApiKey(x.db, { value: 'another-value-later-000000', now: x.now.value })).toEqual({ prefix: value.slice(0, 9) });
    x.close();
  });
});
