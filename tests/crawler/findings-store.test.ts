import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { crawlJobs, crawlSites, findingEvents, findings } from '../../src/db/schema';
import { recordPageFindings, type EngineFinding } from '../../src/crawler/findings-store';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
let jobId: number;
let siteId: number;

const hit = (fp: string, match = 'presentkort'): EngineFinding => ({
  ruleId: 'R22-INDUCEMENT', severity: 'critical', message: 'm', suggestion: 's', match, start: 0, end: match.length, line: 1, column: 1, context: match, rulesetVersion: '1', fingerprint: fp,
});
const record = (now: string, hits: EngineFinding[]) =>
  recordPageFindings(t.db, { jobId, siteId, providerId: null, url: 'http://x/', snapshotId: null, crawlRunId: null, now, findings: hits });
const statusOf = async (fp: string) => (await t.db.select().from(findings).where(eq(findings.fingerprint, fp)))[0];
const eventsOf = async (id: number) => (await t.db.select().from(findingEvents).where(eq(findingEvents.findingId, id)).orderBy(asc(findingEvents.id))).map((e) => e.kind);

beforeEach(async () => {
  t = await testDb();
  const [s] = await t.db.insert(crawlSites).values({ origin: 'http://x', startUrl: 'http://x/' }).returning();
  siteId = s.id;
  const [j] = await t.db.insert(crawlJobs).values({ siteId, url: 'http://x/', discoveredVia: 'start', nextDueAt: 'x' }).returning();
  jobId = j.id;
});
afterEach(() => t.close());

describe('findings lifecycle', () => {
  it('creates new findings once and does not re-announce them', async () => {
    expect(await record('2026-11-01', [hit('a'), hit('a'), hit('b')])).toMatchObject({ created: 2 });
    expect(await record('2026-11-02', [hit('a'), hit('b')])).toMatchObject({ created: 0, stillPresent: 2 });
    const a = await statusOf('a');
    expect(a).toMatchObject({ status: 'open', firstSeenAt: '2026-11-01', lastSeenAt: '2026-11-02' });
    expect(await eventsOf(a.id)).toEqual(['created']);
  });
  it('resolves findings that disappeared and reopens them when they return', async () => {
    await record('2026-11-01', [hit('a'), hit('b')]);
    expect(await record('2026-11-02', [hit('b'), hit('c')])).toMatchObject({ created: 1, resolved: 1, stillPresent: 1 });
    expect((await statusOf('a')).status).toBe('resolved');
    expect(await record('2026-11-03', [hit('a'), hit('b'), hit('c')])).toMatchObject({ reopened: 1 });
    const a = await statusOf('a');
    expect(a).toMatchObject({ status: 'open', timesReopened: 1, resolvedAt: null });
    expect(await eventsOf(a.id)).toEqual(['created', 'resolved', 'reopened']);
  });
  it('keeps dismissed findings dismissed while they recur', async () => {
    await record('2026-11-01', [hit('a')]);
    await t.db.update(findings).set({ status: 'dismissed' }).where(eq(findings.fingerprint, 'a'));
    expect(await record('2026-11-02', [hit('a')])).toMatchObject({ suppressed: 1, created: 0, reopened: 0 });
    expect(await record('2026-11-03', [])).toMatchObject({ resolved: 0 });
    expect((await statusOf('a')).status).toBe('dismissed');
  });
  it('survives the same page being recorded twice concurrently without duplicates', async () => {
    await Promise.all([record('2026-11-01', [hit('a')]), record('2026-11-01', [hit('a')])]);
    const rows = await t.db.select().from(findings);
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0].id)).toEqual(['created']);
  });
  it('bounds hostile page text in what it stores, when created and when seen again', async () => {
    const long = (fp: string) => ({ ...hit(fp), context: 'x'.repeat(50_000), match: 'y'.repeat(5_000) });
    await record('2026-11-01', [long('a')]);
    let row = await statusOf('a');
    expect(row.context.length).toBeLessThanOrEqual(2000);
    expect(row.match.length).toBeLessThanOrEqual(1000);
    await record('2026-11-02', [long('a')]);
    row = await statusOf('a');
    expect(row.context.length).toBeLessThanOrEqual(2000);
  });

  it('stores why a possible finding is only possible, and nothing for certain ones or unknown reasons', async () => {
    await record('2026-11-01', [
      { ...hit('p'), certainty: 'possible', possibleReason: 'model_only', confidence: 0.7 },
      { ...hit('c'), certainty: 'certain', possibleReason: 'model_only' },
      { ...hit('x'), certainty: 'possible', possibleReason: '<script>' as never },
    ]);
    expect([(await statusOf('p')).possibleReason, (await statusOf('c')).possibleReason, (await statusOf('x')).possibleReason]).toEqual(['model_only', null, null]);
    // The reason follows the finding when it changes on a later crawl.
    await record('2026-11-02', [{ ...hit('p'), certainty: 'possible', possibleReason: 'lead_clause', confidence: 0.5 }]);
    expect((await statusOf('p')).possibleReason).toBe('lead_clause');
  });
});
