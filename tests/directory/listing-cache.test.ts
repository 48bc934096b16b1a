import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { providers } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { createListingCache } from '../../src/directory/listing-cache';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
  await seedDirectoryFixture(t.db);
});
afterAll(() => t.close());

const TODAY = '2026-11-23';
const names = (list: { name: string }[]) => list.map((p) => p.name).sort();

describe('listing cache (providers per municipality and day)', () => {
  it('answers from memory within its lifetime, shares a load between concurrent requests, and reloads after it', async () => {
    const now = { value: new Date('2026-11-23T10:00:00Z') };
    const cache = createListingCache({ ttlSeconds: 60, clock: () => now.value });
    const [a, b] = await Promise.all([cache.providers(t.db, '1980', TODAY), cache.providers(t.db, '1980', TODAY)]);
    expect(a).toBe(b);
    expect(names(a)).toContain('Alfa Jobbcoach AB');
    await t.db.update(providers).set({ displayName: 'Alfa Ny AB' }).where(eq(providers.id, 1));
    try {
      expect(await cache.providers(t.db, '1980', TODAY)).toBe(a);
      expect(names(await cache.providers(t.db, '1980', '2026-11-24'))).toContain('Alfa Ny AB'); // another day: its own entry
      now.value = new Date(now.value.getTime() + 61_000);
      expect(names(await cache.providers(t.db, '1980', TODAY))).toContain('Alfa Ny AB');
    } finally {
      await t.db.update(providers).set({ displayName: 'Alfa Jobbcoach AB' }).where(eq(providers.id, 1));
    }
  });
  it('goes to the database every time when the lifetime is 0', async () => {
    const cache = createListingCache({ ttlSeconds: 0, clock: () => new Date() });
    const a = await cache.providers(t.db, '1980', TODAY);
    expect(await cache.providers(t.db, '1980', TODAY)).not.toBe(a);
    expect(await cache.providers(t.db, '1980', TODAY)).toEqual(a);
  });
  it('does not keep a failed load', async () => {
    let fail = true;
    const flaky = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === 'select' && fail) {
          fail = false;
          throw new Error('database gone');
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const cache = createListingCache({ ttlSeconds: 60, clock: () => new Date('2026-11-23T10:00:00Z') });
    await expect(cache.providers(flaky, '1980', TODAY)).rejects.toThrow(/database gone/);
    expect((await cache.providers(flaky, '1980', TODAY)).length).toBeGreaterThan(0);
  });
});
