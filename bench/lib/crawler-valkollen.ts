/**
 * Child process of the crawler benchmark: Valkollen crawling the fixture site, in one of two modes
 * (env BENCH_MODE), reporting a `CrawlResult` over IPC.
 *
 *   tick           the real crawl: `runCrawlTick` wired as in production (`crawler-setup.ts`:
 *                  Node page fetcher, polite fetcher, robots.txt cached in the database), with the
 *                  rule engine and snapshots + findings written to a libsql file database in
 *                  BENCH_DIR. The site belongs to a provider (so the engine runs with provider
 *                  facts). Ticks run one after another until one finds no due page.
 *   fetch-extract  the same polite fetcher (robots.txt, per-host scheduler) plus `extractLinks`
 *                  and `htmlDocument` (+ snapshot text), with an in-memory frontier and
 *                  BENCH_CONCURRENCY workers: no database, no rule engine.
 *
 * Env: SITE_URL, BENCH_MODE, BENCH_DIR, BENCH_CONCURRENCY, and the crawler's CRAWL_* settings
 * (the driver sets CRAWL_POLITENESS_FLOOR_MS=0 and CRAWL_ALLOW_HOSTS=127.0.0.1).
 */
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { migrateNodeDatabase, openNodeDatabase } from '../../src/db/node-client';
import { providers, findings } from '../../src/db/schema';
import { defaultRuleset } from '../../src/compliance';
import { htmlDocument } from '../../src/compliance/extract-html';
import { createNodePageFetcher } from '../../src/web/fetch.node.ts';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from '../../src/crawler/crawler-setup';
import { ensureSite } from '../../src/crawler/crawl-sites';
import { createPoliteFetcher } from '../../src/crawler/polite-fetcher';
import { extractLinks } from '../../src/web/links';
import { snapshotText } from '../../src/compliance/snapshot-text';
import { urlKey } from '../../src/web/url-normalise';
import { runCrawlTick } from '../../src/crawler/tick';
import { reportResult, startRssSampler } from './crawler-child.ts';

const siteUrl = process.env.SITE_URL!;
const mode = process.env.BENCH_MODE ?? 'tick';
const dir = process.env.BENCH_DIR!;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const stopRss = startRssSampler();

if (mode === 'tick') {
  const database = openNodeDatabase(`file:${join(dir, 'valkollen.db')}`);
  await migrateNodeDatabase(database);
  const { db } = database;
  const now = new Date(Date.now() - 1000).toISOString();
  const [p] = await db
    .insert(providers)
    .values({ orgnr: '5560000000', displayName: 'Lärkträdets Jobbcoacher AB', website: siteUrl, firstSeen: now, lastSeen: now })
    .returning({ id: providers.id });
  await ensureSite(db, `${siteUrl}/`, p.id, now);
  const page = createNodePageFetcher({ ...pageFetcherOptions(config), connectionsPerOrigin: Math.max(2, config.CRAWL_MAX_CONCURRENT_PER_HOST) });
  const fetcher = createCrawlFetcher(page, db, config);
  const deps = { db, fetcher, ruleset: defaultRuleset(), clock: () => new Date() };
  const settings = { ...crawlSettings(config), maxPages: 5000, maxPagesPerSite: 2500, maxDepth: 50, budgetMs: 600_000 };

  const started = performance.now();
  let pages = 0;
  let ticks = 0;
  let other = 0;
  let findingsNew = 0;
  for (;;) {
    const c = await runCrawlTick(deps, { trigger: 'cli', syncDirectory: false, settings });
    ticks++;
    pages += c.pagesFetched;
    findingsNew += c.findingsNew;
    const work = c.pagesFetched + c.pagesUnchanged + c.skippedRobots + c.skippedOther + c.errors + c.deferred;
    other += work - c.pagesFetched;
    if (work === 0 || ticks > 50) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = (await db.select({ id: findings.id }).from(findings)).length;
  await page.close();
  database.close();
  reportResult({ pages, seconds, peakRssMb: stopRss(), extra: { ticks, otherOutcomes: other, findingsNew, findingsStored: stored } });
} else {
  const page = createNodePageFetcher({ ...pageFetcherOptions(config), connectionsPerOrigin: Math.max(2, config.CRAWL_MAX_CONCURRENT_PER_HOST) });
  const fetcher = createPoliteFetcher({
    fetcher: page,
    schedulerOptions: { floorMs: config.CRAWL_POLITENESS_FLOOR_MS, maxConcurrentPerHost: concurrency },
  });
  const start = urlKey(`${siteUrl}/`)!;
  const seen = new Set<string>([start]);
  const queue: string[] = [start];
  let pages = 0;
  let textChars = 0;
  let active = 0;
  const started = performance.now();
  await new Promise<void>((done) => {
    const pump = () => {
      if (!queue.length && active === 0) return done();
      while (active < concurrency && queue.length) {
        const url = queue.shift()!;
        active++;
        fetcher
          .fetch(url)
          .then((r) => {
            if (r.kind !== 'html') return;
            const html = r.text ?? '';
            const links = extractLinks(html, r.url);
            for (const l of links.pages) {
              if (!seen.has(l)) {
                seen.add(l);
                queue.push(l);
              }
            }
            textChars += snapshotText(htmlDocument(html)).length;
            pages++;
          })
          .catch((err) => console.error('fetch failed', url, err))
          .finally(() => {
            active--;
            pump();
          });
      }
    };
    pump();
  });
  const seconds = (performance.now() - started) / 1000;
  await page.close();
  reportResult({ pages, seconds, peakRssMb: stopRss(), extra: { textChars } });
}
