import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { crawlJobs, crawlSites } from '../../src/db/schema';
import { claimDueJobs, completeJob, enqueueJobs, releaseJob } from '../../src/crawler/frontier';
import { takeHostTurn, setHostNextAllowed } from '../../src/crawler/frontier-hosts';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
let siteId: number;
const T0 = '2026-11-23T10:00:00.000Z';
const T1 = '2026-11-23T10:05:00.000Z';
const T2 = '2026-11-23T10:20:00.000Z';

beforeEach(async () => {
  t = await testDb();
  const [s] = await t.db.insert(crawlSites).values({ origin: 'http://127.0.0.1:1', startUrl: 'http://127.0.0.1:1/' }).returning();
  siteId = s.id;
  await enqueueJobs(t.db, siteId, Array.from({ length: 20 }, (_, i) => ({ url: `http://127.0.0.1:1/p${i}`, depth: i % 3, via: 'link' as const })), T0);
});
afterEach(() => t.close());

describe('frontier', () => {
  it('does not enqueue a known URL twice', async () => {
    expect(await enqueueJobs(t.db, siteId, [{ url: 'http://127.0.0.1:1/p1', depth: 0, via: 'link' }, { url: 'http://127.0.0.1:1/new', depth: 1, via: 'link' }], T0)).toBe(1);
  });
  it('claims due jobs under a lease, shallowest first', async () => {
    const jobs = await claimDueJobs(t.db, { owner: 'a', now: T1, leaseUntil: T2, limit: 5 });
    expect(jobs).toHaveLength(5);
    expect(jobs.every((j, i) => i === 0 || jobs[i - 1].depth <= j.depth)).toBe(true);
  });
  it('never hands the same job to two concurrent claimers', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => claimDueJobs(t.db, { owner, now: T1, leaseUntil: T2, limit: 8 })));
    const ids = results.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
  });
  it('gives a dead tick’s jobs to the next tick once the lease expires', async () => {
    const first = await claimDueJobs(t.db, { owner: 'dead', now: T1, leaseUntil: '2026-11-23T10:10:00.000Z', limit: 20 });
    expect(first).toHaveLength(20);
    expect(await claimDueJobs(t.db, { owner: 'next', now: '2026-11-23T10:09:00.000Z', leaseUntil: T2, limit: 20 })).toHaveLength(0);
    const again = await claimDueJobs(t.db, { owner: 'next', now: '2026-11-23T10:11:00.000Z', leaseUntil: T2, limit: 20 });
    expect(again.map((j) => j.id).sort()).toEqual(first.map((j) => j.id).sort());
    // The dead tick can no longer complete the job it lost.
    expect(await completeJob(t.db, first[0].id, 'dead', { status: 'ok', nextDueAt: T2 })).toBe(false);
    expect(await completeJob(t.db, first[0].id, 'next', { status: 'ok', nextDueAt: T2 })).toBe(true);
  });
  it('completed jobs are not due again until their next due time', async () => {
    const [job] = await claimDueJobs(t.db, { owner: 'a', now: T1, leaseUntil: T2, limit: 1 });
    await completeJob(t.db, job.id, 'a', { status: 'ok', nextDueAt: '2026-11-30T10:00:00.000Z', resetAttempts: true });
    const rest = await claimDueJobs(t.db, { owner: 'a', now: T1, leaseUntil: T2, limit: 50 });
    expect(rest.map((j) => j.id)).not.toContain(job.id);
  });
  it('released jobs are claimable again and the attempt is not counted', async () => {
    const [job] = await claimDueJobs(t.db, { owner: 'a', now: T1, leaseUntil: T2, limit: 1 });
    await releaseJob(t.db, job.id, 'a', T1);
    const [row] = await t.db.select().from(crawlJobs).where(eq(crawlJobs.id, job.id));
    expect(row.attempts).toBe(0);
    expect(row.leaseOwner).toBeNull();
  });
  it('skips jobs of disabled sites', async () => {
    await t.db.update(crawlSites).set({ enabled: false }).where(eq(crawlSites.id, siteId));
    expect(await claimDueJobs(t.db, { owner: 'a', now: T1, leaseUntil: T2, limit: 5 })).toEqual([]);
  });
});

describe('host turns', () => {
  it('lets one tick at a time use a host', async () => {
    const got = await Promise.all([1, 2, 3].map(() => takeHostTurn(t.db, '127.0.0.1', T1, T2)));
    expect(got.filter(Boolean)).toHaveLength(1);
    expect(await takeHostTurn(t.db, '127.0.0.1', '2026-11-23T10:10:00.000Z', T2)).toBe(false);
    await setHostNextAllowed(t.db, '127.0.0.1', '2026-11-23T10:06:00.000Z');
    expect(await takeHostTurn(t.db, '127.0.0.1', '2026-11-23T10:06:00.000Z', T2)).toBe(true);
  });
});
