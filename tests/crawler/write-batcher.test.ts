import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlHosts } from '../../src/db/schema';
import { createWriteBatcher } from '../../src/crawler/write-batcher';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

const hostRow = (host: string) => t.db.insert(crawlHosts).values({ host, nextAllowedAt: '2026-11-23T10:00:00.000Z' });

describe('write batcher (group commit)', () => {
  it('commits groups written at the same time, each resolving once stored', async () => {
    const w = createWriteBatcher(t.db);
    await Promise.all([w.write([hostRow('a'), hostRow('b')]), w.write([hostRow('c')]), w.write([])]);
    const rows = await t.db.select().from(crawlHosts);
    expect(rows.map((r) => r.host).sort()).toEqual(['a', 'b', 'c']);
  });

  it('a failing group fails alone: the others are still committed, and its own writes are rolled back', async () => {
    const w = createWriteBatcher(t.db);
    await hostRow('taken');
    const results = await Promise.allSettled([
      w.write([hostRow('ok-1')]),
      w.write([hostRow('half'), hostRow('taken')]), // duplicate primary key
      w.write([hostRow('ok-2')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const hosts = (await t.db.select().from(crawlHosts)).map((r) => r.host).sort();
    expect(hosts).toEqual(['ok-1', 'ok-2', 'taken']);
  });
});
