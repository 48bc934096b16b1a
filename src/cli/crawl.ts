/**
 * `npm run crawl -- [--provider ID] [--url URL] [--format text|json] [--max-pages N]`: crawls now.
 * With --provider, that provider's site; with --url, that page (a URL of no provider's site is
 * crawled as an ad-hoc target); with neither, everything due. Progress on a terminal, then a
 * summary; `--format json` prints one object `{ "pages": [...], "run": {...} }` instead.
 */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { loadConfig, ConfigError } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';
import { crawlJobs, crawlSites, providers } from '../db/schema';
import { defaultRuleset } from '../compliance';
import { createNodePageFetcher } from '../web/fetch.node.ts';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from '../crawler/crawler-setup';
import { ensureSite, siteOfProvider, startUrlOf } from '../crawler/crawl-sites';
import { enqueueJobs, makeJobDue, makeSiteDue } from '../crawler/frontier';
import type { PageReport } from '../crawler/process-page';
import { runCrawlTick, type RunCounts } from '../crawler/tick';
import { urlKey } from '../web/url-normalise';
import { checkUrlSyntax } from '../web/ssrf-guard';

const USAGE = 'usage: npm run crawl -- [--provider ID] [--url URL] [--format text|json] [--max-pages N]';

function fail(message: string, code = 2): never {
  process.stderr.write(`crawl: ${message}\n`);
  process.exit(code);
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: { provider: { type: 'string' }, url: { type: 'string' }, format: { type: 'string', default: 'text' }, 'max-pages': { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: false,
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (args.format !== 'text' && args.format !== 'json') fail(`--format must be text or json\n${USAGE}`);
  if (args.provider !== undefined && !/^\d{1,9}$/.test(args.provider)) fail('--provider must be a provider id (a whole number, as in /leverantor/ID)');
  const maxPages = args['max-pages'] === undefined ? undefined : Number(args['max-pages']);
  if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1)) fail('--max-pages must be a whole number ≥ 1');

  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  if (args.url !== undefined) {
    const check = checkUrlSyntax(args.url, config.CRAWL_ALLOW_HOSTS);
    if (!check.ok) fail(`--url refused: ${check.reason}`);
    if (!urlKey(args.url)) fail('--url must be an absolute http(s) URL');
  }

  const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  await migrateNodeDatabase(database);
  const db = database.db;
  const now = new Date().toISOString();
  let siteId: number | undefined;

  if (args.provider !== undefined) {
    const id = Number(args.provider);
    const [p] = await db.select().from(providers).where(eq(providers.id, id));
    if (!p) fail(`no provider with id ${id}`);
    const start = p.website ? startUrlOf(p.website) : null;
    const site = (await siteOfProvider(db, id)) ?? (start ? await ensureSite(db, start, id, now) : null);
    if (!site) fail(`provider ${id} has no crawlable website (${p.website ?? 'none'})`);
    await makeSiteDue(db, site.id, now);
    siteId = site.id;
  } else if (args.url !== undefined) {
    const url = urlKey(args.url)!;
    const origin = new URL(url).origin;
    // A URL on a provider's site is crawled as part of that site; any other URL ad hoc.
    const [owned] = await db.select().from(crawlSites).where(eq(crawlSites.origin, origin)).limit(1);
    const site = owned ? { id: owned.id } : await ensureSite(db, url, null, now);
    await enqueueJobs(db, site.id, [{ url, depth: 0, via: 'manual' }], now);
    const [job] = await db.select().from(crawlJobs).where(and(eq(crawlJobs.siteId, site.id), eq(crawlJobs.url, url)));
    await makeJobDue(db, job.id, now);
    siteId = site.id;
  }

  const pageFetcher = createNodePageFetcher({ ...pageFetcherOptions(config), connectionsPerOrigin: Math.max(2, config.CRAWL_MAX_CONCURRENT_PER_HOST) });
  const fetcher = createCrawlFetcher(pageFetcher, db, config);
  const pages: PageReport[] = [];
  const tty = args.format === 'text' && process.stderr.isTTY;
  let findingsCount = 0;
  const settings = { ...crawlSettings(config), ...(maxPages ? { maxPages } : {}), budgetMs: 10 * 60_000 };
  let counts: RunCounts;
  try {
    counts = await runCrawlTick(
      { db, fetcher, ruleset: defaultRuleset(), clock: () => new Date() },
      {
        trigger: 'cli',
        siteId,
        syncDirectory: siteId === undefined,
        settings,
        onPage: (page, progress) => {
          pages.push(page);
          findingsCount += page.findings.length;
          if (tty) process.stderr.write(`\r\x1b[2Kpages ${progress.done} done, ${progress.queued} queued · ${findingsCount} findings · ${page.url.slice(0, 60)}`);
          else if (args.format === 'text') process.stderr.write(`${page.status.padEnd(12)} ${page.url}${page.findings.length ? ` (${page.findings.length} findings)` : ''}\n`);
        },
      },
    );
  } finally {
    await pageFetcher.close();
    database.close();
  }
  if (tty) process.stderr.write('\n');
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({ pages: pages.map((p) => ({ url: p.url, status: p.status, httpStatus: p.httpStatus, findings: p.findings, ...(p.error ? { error: p.error } : {}), ...(p.truncated ? { truncated: p.truncated } : {}) })), run: counts }, null, 2) + '\n');
    return;
  }
  for (const p of pages) {
    for (const f of p.findings) process.stdout.write(`${p.url}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n    “${f.match}”\n`);
  }
  process.stdout.write(
    `\nCrawl run ${counts.runId}: ${counts.pagesFetched} pages checked, ${counts.pagesUnchanged} unchanged, ${counts.skippedRobots} blocked by robots.txt, ` +
      `${counts.skippedOther} skipped, ${counts.errors} errors, ${counts.deferred} deferred · findings: ${counts.findingsNew} new, ` +
      `${counts.findingsResolved} resolved, ${counts.findingsReopened} reopened${counts.partial ? ' · partial (budget reached; run again to continue)' : ''}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`crawl: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
