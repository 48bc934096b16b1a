/**
 * End to end with the real crawler: a page on the fixture site is crawled, the officer dismisses
 * the finding through the workspace, later crawls of the unchanged page do not reopen it (and
 * the crawler writes no event for it), and after the dismissal is undone the finding is active
 * again; when the words leave the page the crawler resolves it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { crawlJobs, findingEvents, findings } from '../../src/db/schema';
import { ensureSite } from '../../src/crawler/crawl-sites';
import { testCrawler } from '../helpers/crawl';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';
import { OFFICER, reviewTestApp, signedIn, type ReviewTestApp } from './review-helpers';

const PROMO = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Välj oss som leverantör och få ett presentkort på 500 kr!</p></main></body></html>';
const CALM = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Vi hjälper dig att skriva CV.</p></main></body></html>';

let t: ReviewTestApp;
let site: FixtureSite;
let crawler: ReturnType<typeof testCrawler>;

beforeEach(async () => {
  t = await reviewTestApp();
  t.now.value = new Date(); // the crawler runs on the real clock; keep the workspace's in step
  crawler = testCrawler(t.db);
  site = await startFixtureSite({ pages: { '/kampanj': PROMO } });
});
afterEach(async () => {
  await crawler.close();
  await site.close();
  t.close();
});

const makeAllDue = () => t.db.update(crawlJobs).set({ nextDueAt: new Date(Date.now() - 1000).toISOString() });
const inducement = async () => (await t.db.select().from(findings)).filter((f) => f.ruleId === 'R22-INDUCEMENT');

describe('dismissal suppresses a fingerprint on later crawls until undone', () => {
  it('crawl → dismiss → recrawl keeps it dismissed → undo → recrawl keeps it open → page fixed → resolved', async () => {
    await ensureSite(t.db, `${site.url}/kampanj`, 1, new Date(Date.now() - 1000).toISOString());
    const first = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(first.findingsNew).toBeGreaterThanOrEqual(1);
    const [f] = await inducement();
    expect(f.status).toBe('open');

    const c = await signedIn(t, OFFICER);
    const page = await (await c.get(`/review/findings/${f.id}`)).text();
    expect(page).toContain('presentkort');
    expect((await c.postForm(`/review/findings/${f.id}/dismiss`, { reason: 'Godkänd kampanj enligt beslut 2026-11' }, `/review/findings/${f.id}`)).status).toBe(303);

    // The page still says the same; a recheck and a new crawl do not reopen it.
    expect((await c.postForm(`/review/findings/${f.id}/recheck`, {}, `/review/findings/${f.id}`)).status).toBe(303);
    await makeAllDue();
    site.setPage('/kampanj', PROMO.replace('500 kr', '500 kr.</p><p>Ny mening'));
    const second = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(second.pagesFetched).toBe(1);
    expect(second.findingsReopened).toBe(0);
    const [still] = await inducement();
    expect(still).toMatchObject({ id: f.id, status: 'dismissed', dismissedReason: 'Godkänd kampanj enligt beslut 2026-11' });
    expect(Date.parse(still.lastSeenAt)).toBeGreaterThan(Date.parse(f.lastSeenAt) - 1);
    const crawlerEvents = (await t.db.select().from(findingEvents).where(eq(findingEvents.findingId, f.id)).orderBy(asc(findingEvents.id))).map((e) => `${e.actor === 'crawler' ? 'crawler' : 'user'}:${e.kind}`);
    expect(crawlerEvents).toEqual(['crawler:created', 'user:dismissed', 'user:recheck']);
    // Not in the default (active) queue any more.
    expect(await (await c.get('/review/findings')).text()).not.toContain(`/review/findings/${f.id}"`);

    // Undo: open again, and a recrawl of the unchanged page keeps it open (no duplicate finding).
    expect((await c.postForm(`/review/findings/${f.id}/undismiss`, {}, `/review/findings/${f.id}`)).status).toBe(303);
    await makeAllDue();
    await crawler.tick({ settings: { maxDepth: 0 } });
    const after = await inducement();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: f.id, status: 'open' });

    // The provider removes the words: the crawler resolves it.
    site.setPage('/kampanj', CALM);
    await makeAllDue();
    const fixed = await crawler.tick({ settings: { maxDepth: 0 } });
    expect(fixed.findingsResolved).toBeGreaterThanOrEqual(1);
    expect((await inducement())[0].status).toBe('resolved');
    const html = await (await c.get(`/review/findings/${f.id}`)).text();
    expect(html).toMatch(/Avfärdad.*Avfärdande ångrat.*Löst \(borta vid ny hämtning\)/s);
    // The page changed between the last two snapshots: the diff shows the removed sentence.
    expect(html).toContain('data-testid="diff"');
    expect(html).toMatch(/<del>.*presentkort/s);
  });
});
