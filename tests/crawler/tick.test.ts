import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { crawlJobs, crawlRuns, findingEvents, findings, pageSnapshots } from '../../src/db/schema';
import { ensureSite } from '../../src/crawler/crawl-sites';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';
import { testDb, type TestDb } from '../helpers/db';
import { testCrawler } from '../helpers/crawl';

let t: TestDb;
let site: FixtureSite;
let crawler: ReturnType<typeof testCrawler>;

const PROMO = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Välj oss som leverantör och få ett presentkort på 500 kr!</p></main></body></html>';
const CALM = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Vi hjälper dig att skriva CV och förbereda intervjuer.</p></main></body></html>';
const FEE = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Anmälningsavgift 495 kr för Rusta och matcha.</p></main></body></html>';

async function addSite(path = '/') {
  return ensureSite(t.db, `${site.url}${path}`, null, new Date(Date.now() - 1000).toISOString());
}
const jobsOf = async () => t.db.select().from(crawlJobs).orderBy(asc(crawlJobs.id));
const makeAllDue = () => t.db.update(crawlJobs).set({ nextDueAt: new Date(Date.now() - 1000).toISOString() });

beforeEach(async () => {
  t = await testDb();
  crawler = testCrawler(t.db);
});
afterEach(async () => {
  await crawler.close();
  await site?.close();
  t.close();
});

describe('crawl tick on a real fixture site', () => {
  it('crawls the site: sitemap discovery, links, robots, tracking duplicates once, PDF skipped, traps capped', async () => {
    site = await startFixtureSite();
    await addSite('/');
    const counts = await crawler.tick({ settings: { maxPagesPerSite: 40 } });
    const jobs = await jobsOf();
    const urls = jobs.map((j) => j.url.replace(site.url, ''));
    // Sitemap-only pages were discovered.
    expect(jobs.some((j) => j.discoveredVia === 'sitemap')).toBe(true);
    // The tracking-parameter link and the plain link are one job, fetched once.
    expect(urls.filter((u) => u.startsWith('/tjanster'))).toEqual(['/tjanster']);
    expect(site.requestsTo('/tjanster')).toHaveLength(1);
    // robots.txt disallows /intern/: never requested.
    expect(site.requestsTo('/intern/rapport')).toHaveLength(0);
    expect(counts.skippedRobots).toBeGreaterThanOrEqual(1);
    // The PDF is recorded as skipped without being parsed.
    const pdf = jobs.find((j) => j.url.endsWith('.pdf'));
    if (pdf) expect(pdf.lastStatus).toBe('skipped_type');
    // The calendar trap does not run away.
    expect(urls.filter((u) => u.startsWith('/kalender')).length).toBeLessThanOrEqual(3);
    expect(jobs.length).toBeLessThanOrEqual(40);
    const [run] = await t.db.select().from(crawlRuns);
    expect(run).toMatchObject({ pagesFetched: counts.pagesFetched, partial: false });
    expect(run.finishedAt).toBeTruthy();
    // Every fetched HTML page has a snapshot with its extracted text.
    const snaps = await t.db.select().from(pageSnapshots);
    expect(snaps.length).toBe(counts.pagesFetched);
    expect(snaps.every((s) => s.text.length > 0 && s.htmlBytes > 0)).toBe(true);
  });

  it('decodes ISO-8859-1 and windows-1252 pages so å, ä, ö appear in findings', async () => {
    site = await startFixtureSite();
    const s = await addSite('/kampanj-latin1');
    await t.db.insert(crawlJobs).values({ siteId: s.id, url: `${site.url}/kampanj-1252`, discoveredVia: 'manual', nextDueAt: new Date(Date.now() - 1000).toISOString() });
    await crawler.tick({ settings: { maxDepth: 0 } });
    const rows = await t.db.select().from(findings);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const f of rows) expect(f.context).not.toContain('\uFFFD');
    expect(rows.map((f) => f.context).join(' ')).toMatch(/Välj oss och få ett presentkort/);
  });

  it('resolves findings that disappear, opens new ones, and reopens ones that come back', async () => {
    site = await startFixtureSite({ pages: { '/kampanj': PROMO } });
    await addSite('/kampanj');
    const first = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(first.findingsNew).toBeGreaterThanOrEqual(1);
    const promo = (await t.db.select().from(findings)).filter((f) => f.ruleId === 'R22-INDUCEMENT');
    expect(promo.length).toBeGreaterThanOrEqual(1);

    site.setPage('/kampanj', FEE);
    await makeAllDue();
    const second = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(second.findingsResolved).toBeGreaterThanOrEqual(1);
    expect(second.findingsNew).toBeGreaterThanOrEqual(1);
    const afterChange = await t.db.select().from(findings);
    expect(afterChange.filter((f) => f.ruleId === 'R22-INDUCEMENT').every((f) => f.status === 'resolved')).toBe(true);
    expect(afterChange.some((f) => f.ruleId === 'R22-FEE' && f.status === 'open')).toBe(true);

    site.setPage('/kampanj', PROMO);
    await makeAllDue();
    const third = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(third.findingsReopened).toBeGreaterThanOrEqual(1);
    const back = (await t.db.select().from(findings)).find((f) => f.id === promo[0].id)!;
    expect(back).toMatchObject({ status: 'open', timesReopened: 1 });
    const events = await t.db.select().from(findingEvents).where(eq(findingEvents.findingId, back.id)).orderBy(asc(findingEvents.id));
    expect(events.map((e) => e.kind)).toEqual(['created', 'resolved', 'reopened']);
    // Three different contents → three snapshots of the page (the first content reused when it returned).
    expect(await t.db.select().from(pageSnapshots)).toHaveLength(2);
  });

  it('does not re-announce findings of an unchanged page (conditional GET / same hash)', async () => {
    site = await startFixtureSite({ pages: { '/kampanj': PROMO } });
    await addSite('/kampanj');
    await crawler.tick({ settings: { maxDepth: 0 } });
    await makeAllDue();
    const again = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(again).toMatchObject({ findingsNew: 0, findingsResolved: 0, pagesUnchanged: 1 });
    const events = await t.db.select().from(findingEvents);
    expect(events.every((e) => e.kind === 'created')).toBe(true);
  });

  it('honours Crawl-delay between requests to the same host', async () => {
    site = await startFixtureSite({ crawlDelay: 1 });
    const s = await addSite('/om-oss/');
    for (const p of ['/tjanster', '/kontakt']) await t.db.insert(crawlJobs).values({ siteId: s.id, url: `${site.url}${p}`, discoveredVia: 'manual', nextDueAt: new Date(Date.now() - 1000).toISOString() });
    await crawler.tick({ settings: { maxDepth: 0 } });
    const pages = site.requests.filter((r) => !r.path.startsWith('/robots.txt') && !r.path.startsWith('/sitemap'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Every request, robots.txt included, is spaced by the Crawl-delay once robots.txt is known.
    const times = site.requests.map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 429 with Retry-After and keeps the job for later', async () => {
    site = await startFixtureSite({
      routes: { '/hektisk': (_req, res) => { res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' }); res.end('slow down'); } },
    });
    await addSite('/hektisk');
    const counts = await crawler.tick({ settings: { maxDepth: 0 } });
    const [job] = (await jobsOf()).filter((j) => j.url.endsWith('/hektisk'));
    expect(job.active).toBe(true);
    expect(Date.parse(job.nextDueAt)).toBeGreaterThan(Date.now() + 100_000);
    expect(counts.errors + counts.deferred).toBeGreaterThanOrEqual(1);
  });

  it('two ticks at once produce no duplicate snapshots or findings', async () => {
    site = await startFixtureSite({ pages: { '/kampanj': PROMO } });
    await addSite('/');
    const other = testCrawler(t.db);
    try {
      await Promise.all([crawler.tick({ owner: 'a', settings: { maxPagesPerSite: 30 } }), other.tick({ owner: 'b', settings: { maxPagesPerSite: 30 } })]);
    } finally {
      await other.close();
    }
    const snaps = await t.db.select().from(pageSnapshots);
    expect(new Set(snaps.map((s) => `${s.jobId}|${s.contentHash}`)).size).toBe(snaps.length);
    const pageRequests = site.requests.filter((r) => r.path !== '/robots.txt' && !r.path.startsWith('/sitemap'));
    const perPath = new Map<string, number>();
    for (const r of pageRequests) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
    for (const [path, n] of perPath) expect({ path, n }).toEqual({ path, n: 1 });
    const fps = (await t.db.select().from(findings)).map((f) => f.fingerprint);
    expect(new Set(fps).size).toBe(fps.length);
  });

  it('a tick killed mid-way loses no job: its leases expire and the next tick does the work', async () => {
    site = await startFixtureSite({ pages: { '/kampanj': PROMO } });
    const s = await addSite('/kampanj');
    // A tick that claimed the job and died: lease held by "dead" until just now.
    await t.db.update(crawlJobs).set({ leaseOwner: 'dead', leaseExpiresAt: new Date(Date.now() - 1).toISOString() }).where(eq(crawlJobs.siteId, s.id));
    const counts = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(counts.pagesFetched).toBe(1);
    const [job] = await jobsOf();
    expect(job).toMatchObject({ leaseOwner: null, lastStatus: 'ok' });
  });

  it('with several pages of one host at once (CRAWL_MAX_CONCURRENT_PER_HOST), still fetches each page once', async () => {
    site = await startFixtureSite();
    await addSite('/');
    const fast = testCrawler(t.db, { CRAWL_MAX_CONCURRENT_PER_HOST: '4' });
    try {
      const counts = await fast.tick({ settings: { maxPagesPerSite: 40, hostPageConcurrency: 4 } });
      const snaps = await t.db.select().from(pageSnapshots);
      expect(snaps.length).toBe(counts.pagesFetched);
      expect(counts.pagesFetched).toBeGreaterThan(5);
      const pageRequests = site.requests.filter((r) => r.path !== '/robots.txt' && !r.path.startsWith('/sitemap'));
      expect(new Set(pageRequests.map((r) => r.path)).size).toBe(pageRequests.length);
      expect((await jobsOf()).length).toBeLessThanOrEqual(40);
    } finally {
      await fast.close();
    }
  });

  it('stops at the page budget and says the run was partial', async () => {
    site = await startFixtureSite();
    await addSite('/');
    const counts = await crawler.tick({ settings: { maxPages: 2 } });
    expect(counts.pagesFetched + counts.skippedOther + counts.skippedRobots + counts.pagesUnchanged).toBeLessThanOrEqual(2);
    expect(counts.partial).toBe(true);
    const left = (await jobsOf()).filter((j) => j.lastStatus === null);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((j) => j.leaseOwner === null)).toBe(true);
  });
});
