import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { crawlJobs, crawlSites, findingEvents, findings, pageSnapshots } from '../../src/db/schema';
import { seedDemoData } from '../../src/demo/seed';
import { seedDemoFindings } from '../../src/demo/findings';
import { claimDueJobs } from '../../src/crawler/frontier';
import { defaultRuleset } from '../../src/compliance/index';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
const now = new Date('2026-11-23T10:00:00Z');
beforeAll(async () => {
  t = await testDb();
  await seedDemoData(t.db, { today: now });
});
afterAll(() => t.close());

describe('demo evidence for the review workspace', () => {
  it('stores engine findings with snapshots and events like a crawl, once', async () => {
    const created = await seedDemoFindings(t.db, defaultRuleset(), { now, pages: 20 });
    expect(created).toBeGreaterThan(3);
    const rows = await t.db.select().from(findings);
    expect(rows).toHaveLength(created);
    expect(rows.every((f) => f.status === 'open' && f.ruleId.startsWith('R22-') && f.lastSnapshotId !== null)).toBe(true);
    expect((await t.db.select({ n: count() }).from(findingEvents).where(eq(findingEvents.kind, 'created')))[0].n).toBe(created);
    expect((await t.db.select({ n: count() }).from(pageSnapshots))[0].n).toBe(20);
    expect(await seedDemoFindings(t.db, defaultRuleset(), { now })).toBe(0);
  });
  it('never lets the crawler fetch the fictional pages', async () => {
    expect((await t.db.select().from(crawlSites)).every((s) => s.enabled === false && new URL(s.origin).hostname.endsWith('.example'))).toBe(true);
    expect(await claimDueJobs(t.db, { owner: 'x', now: '9999-12-31T23:59:59.000Z', leaseUntil: '9999-12-31T23:59:59.999Z', limit: 100 })).toEqual([]);
    expect((await t.db.select({ n: count() }).from(crawlJobs))[0].n).toBe(20);
  });
});
