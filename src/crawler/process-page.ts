/**
 * One claimed page of a crawl tick, from fetch to stored outcome. The page is fetched politely (the
 * caller, tick.ts, holds the host's turn and the tick's budget); a site's sitemaps are read when its
 * start page answers; a changed page is checked with the rule engine and its snapshot, findings
 * (with their events) and job outcome are written as one group; an unchanged page only moves its
 * open findings' last-seen time; a gone page resolves its findings and leaves the frontier; the
 * page's same-site links go to the frontier; failures wait with backoff. Runtime-neutral.
 *
 * The engine runs through a CheckRunner: on Node the worker-thread pool, one page at a time per tick
 * and under a per-page time limit (`analysisTimeoutMs`, never past the tick's budget), so a hostile
 * page cannot hold the event loop; a page that runs out of time is recorded as `analysis_timeout` and
 * waits with backoff. On Workers the engine runs inline, bounded by the extractor's caps.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlSites, findings, pageSnapshots } from '../db/schema';
import { CheckUnavailableError, type CheckOutcome, type CheckRunner } from '../runner/check-runner';
import type { Finding, ProviderFacts } from '../compliance/types';
import type { LogFn } from '../http/logging';
import type { CrawlSettings } from './crawl-settings';
import { completeJob, completeJobQuery, releaseJob, type ClaimedJob, type JobOutcome } from './frontier';
import { planPageFindings, recordPageFindings } from './findings-store';
import type { PoliteFetcher, PoliteFetchResult } from './polite-fetcher';
import { providerFacts } from './provider-facts';
import type { RunTotals } from './run-records';
import { createSiteEnqueuer, type SiteEnqueuer } from './site-enqueuer';
import { discoverSitemapUrls } from './sitemap';
import { urlKey } from '../web/url-normalise';
import { createWriteBatcher, type WriteBatcher } from './write-batcher';

/** What became of one page (the tick passes it on to its `onPage`). */
export interface PageReport {
  url: string;
  /** 'ok' | 'unchanged' | 'robots' | 'skipped_type' | 'too_large' | 'gone' | 'error' | 'deferred' | 'canonical' … */
  status: string;
  httpStatus: number;
  findings: Finding[];
  error?: string;
  /** Caps on hostile HTML the page hit (it was read only in part). */
  truncated?: string[];
}

/** What processing pages needs from the tick that runs it. */
export interface PageContext {
  db: Db;
  /** The polite fetcher (robots.txt, host scheduler, retries). */
  fetcher: PoliteFetcher;
  /** Where the engine runs (Node: the worker-thread pool). */
  runner: CheckRunner;
  settings: CrawlSettings;
  /** The lease holder of the tick's claimed jobs. */
  owner: string;
  /** The tick's crawl_runs row, named by the snapshots and findings it writes. */
  runId: number;
  /** When the tick's budget runs out (ms); no fetch or analysis waits past it. */
  deadline: number;
  nowMs: () => number;
  log: LogFn;
  /** The run's counts, added to as pages finish. */
  counts: RunTotals;
  /** Called once for each page that reaches an outcome. */
  report: (page: PageReport) => void;
  /** Called when a page is put off because the tick's budget ran out (the run is partial). */
  budgetHit: () => void;
}

/** A tick's page processing, with the state it keeps across the tick's pages. */
export interface PageProcessor {
  /** Fetches, checks and stores one claimed job; it throws only on an unexpected failure (the caller then releases the job). */
  process(job: ClaimedJob): Promise<void>;
  /** The ids of the sites whose pages it has processed. */
  sites(): Iterable<number>;
}

interface SiteInfo {
  id: number;
  providerId: number | null;
  startUrl: string;
  revisitSeconds: number;
}

/** What a tick's pages share: caches, and the queues that keep them from running over each other. */
interface TickShared {
  siteOf(id: number): Promise<SiteInfo>;
  factsOf(providerId: number): Promise<ProviderFacts | undefined>;
  analyse(html: string, pageUrl: string, finalUrl: string, provider: ProviderFacts | undefined, timeoutMs: number, rules: boolean): Promise<CheckOutcome>;
  enqueue: SiteEnqueuer;
  writes: WriteBatcher;
  /** Sites whose sitemaps this tick has read. */
  sitemapDone: Set<number>;
}

/** One fetched page on its way to an outcome. */
interface FetchedPage {
  job: ClaimedJob;
  site: SiteInfo;
  r: PoliteFetchResult;
  fetchedAt: string;
  /** When the page is due again after a regular visit. */
  revisitAt: string;
}

/** Below this much budget left, a page's analysis is not started (the page waits for the next tick). */
const MIN_ANALYSIS_MS = 250;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Creates the page processing of one tick. Across the tick's pages it reads each site and each
 * provider's facts once, runs one page's analysis at a time, grows the frontier one call at a time,
 * reads each site's sitemaps at most once, and lets pages that finish together share one commit.
 */
export function createPageProcessor(ctx: PageContext): PageProcessor {
  const { db } = ctx;
  const sites = new Map<number, SiteInfo>();
  // Provider facts do not change during a tick: read once per provider.
  const factsCache = new Map<number, Promise<ProviderFacts | undefined>>();
  /** One page's analysis at a time per tick: the crawl takes one worker of the pool, never all of them. */
  let analysisChain: Promise<unknown> = Promise.resolve();
  const shared: TickShared = {
    siteOf: async (id) => {
      let info = sites.get(id);
      if (!info) {
        const [row] = await db.select().from(crawlSites).where(eq(crawlSites.id, id));
        info = { id, providerId: row.providerId, startUrl: row.startUrl, revisitSeconds: row.revisitSeconds };
        sites.set(id, info);
      }
      return info;
    },
    factsOf: (providerId) => {
      let f = factsCache.get(providerId);
      if (!f) {
        f = providerFacts(db, providerId);
        factsCache.set(providerId, f);
        f.catch(() => factsCache.delete(providerId));
      }
      return f;
    },
    analyse: (html, pageUrl, finalUrl, provider, timeoutMs, rules) => {
      const next = analysisChain.then(() =>
        ctx.runner({ input: html, isHtml: true, opts: { pageUrl, provider }, snapshot: rules, links: { pageUrl: finalUrl }, analyse: rules, timeoutMs }),
      );
      analysisChain = next.catch(() => {});
      return next;
    },
    enqueue: createSiteEnqueuer(db, ctx.settings, ctx.nowMs),
    // Pages finishing together share one commit (see write-batcher.ts).
    writes: createWriteBatcher(db),
    sitemapDone: new Set(),
  };
  return { process: (job) => processPage(ctx, shared, job), sites: () => sites.keys() };
}

async function processPage(ctx: PageContext, shared: TickShared, job: ClaimedJob): Promise<void> {
  const { nowMs, deadline } = ctx;
  const site = await shared.siteOf(job.siteId);
  const now = nowMs();
  const revisitAt = iso(now + site.revisitSeconds * 1000);

  // The host's turn is held by the caller; the polite fetcher spaces requests within it.
  const r: PoliteFetchResult = await ctx.fetcher.fetch(job.url, {
    etag: job.etag ?? undefined,
    lastModified: job.lastModified ?? undefined,
    maxWaitMs: Math.max(0, deadline - nowMs()),
  });
  const fetchedAt = iso(nowMs());

  // Sitemaps are read once per site per tick, when its start page is visited.
  // Only when the site answers normally, and never waiting past the tick's budget.
  if (job.depth === 0 && !shared.sitemapDone.has(site.id) && (r.kind === 'html' || r.kind === 'not_modified')) {
    shared.sitemapDone.add(site.id);
    await enqueueSitemapUrls(ctx, shared, job.url, site.id);
  }

  const page: FetchedPage = { job, site, r, fetchedAt, revisitAt };
  if (r.kind === 'html') await settleHtmlPage(ctx, shared, page);
  else await settleOtherPage(ctx, shared, page);
}

/** Adds the URLs of a site's sitemaps that robots.txt allows; a failure is logged, never thrown. */
async function enqueueSitemapUrls(ctx: PageContext, shared: TickShared, startUrl: string, siteId: number): Promise<void> {
  const { fetcher, nowMs, deadline } = ctx;
  try {
    const policy = await fetcher.robots.policyFor(startUrl);
    const bounded = {
      fetch: (url: string, o?: { accept?: 'html' | 'text'; signal?: AbortSignal; maxBytes?: number }) =>
        fetcher.fetch(url, { ...o, maxWaitMs: Math.max(0, deadline - nowMs()) }),
    };
    const found = await discoverSitemapUrls({ fetcher: bounded, siteUrl: startUrl, sitemapUrls: policy.sitemaps, maxUrls: ctx.settings.maxPagesPerSite });
    await shared.enqueue(siteId, found.urls.map((e) => e.loc).filter((u) => policy.isAllowed(u)), 1, 'sitemap');
  } catch (err) {
    ctx.log('warn', 'sitemap discovery failed', { url: startUrl, error: String(err) });
  }
}

/** The job's outcome for `status`: fetched now, due again at the regular revisit unless `extra` says otherwise. */
function outcome(page: FetchedPage, status: string, extra: Partial<JobOutcome> = {}): JobOutcome {
  return { status, httpStatus: page.r.status || null, error: page.r.error ?? null, fetchedAt: page.fetchedAt, nextDueAt: page.revisitAt, ...extra };
}

/** Records the page's outcome and frees its job's lease. */
function finish(ctx: PageContext, page: FetchedPage, status: string, extra?: Partial<JobOutcome>) {
  return completeJob(ctx.db, page.job.id, ctx.owner, outcome(page, status, extra));
}

/** The statement of `finish`, to commit with the page's other writes. */
function finishQuery(ctx: PageContext, page: FetchedPage, status: string, extra?: Partial<JobOutcome>) {
  return completeJobQuery(ctx.db, page.job.id, ctx.owner, outcome(page, status, extra));
}

/** A changed page is checked and stored; an unchanged one only confirms its findings. */
async function settleHtmlPage(ctx: PageContext, shared: TickShared, page: FetchedPage): Promise<void> {
  const { db, owner, counts, report, nowMs, deadline, settings: s } = ctx;
  const { job, site, r, fetchedAt, revisitAt } = page;
  const text = r.text ?? '';
  const unchanged = !!r.contentHash && r.contentHash === job.contentHash;
  const facts = site.providerId === null || unchanged ? undefined : await shared.factsOf(site.providerId);
  // Links and rules are read off the event loop (the runner); their time counts against the
  // tick's budget, and a page is not started without enough of it left.
  const left = deadline - nowMs();
  if (left < MIN_ANALYSIS_MS) {
    ctx.budgetHit();
    await releaseJob(db, job.id, owner, iso(nowMs()));
    counts.deferred++;
    report({ url: job.url, status: 'deferred', httpStatus: r.status, findings: [] });
    return;
  }
  const limit = Math.min(s.analysisTimeoutMs, left);
  let analysis: CheckOutcome;
  try {
    analysis = await shared.analyse(text, job.url, r.url, facts, limit, !unchanged);
  } catch (err) {
    if (!(err instanceof CheckUnavailableError)) throw err;
    if (err.reason === 'timeout' && limit === s.analysisTimeoutMs) {
      // Too slow for its limit: recorded as such and tried again only after a backoff, never at once.
      const retryMs = s.retryBaseSeconds * 1000 * 2 ** Math.max(0, job.attempts - 1);
      await finish(ctx, page, 'analysis_timeout', {
        error: `analysis ran past ${s.analysisTimeoutMs / 1000} s and was stopped`,
        nextDueAt: iso(Math.min(nowMs() + retryMs, Date.parse(revisitAt))),
        resetAttempts: job.attempts >= s.maxAttempts,
      });
      counts.analysisTimeouts++;
      report({ url: job.url, status: 'analysis_timeout', httpStatus: r.status, findings: [], error: err.message });
      return;
    }
    // Stopped by the tick's budget, or the pool is busy or closing: the page waits for a later tick.
    if (err.reason === 'timeout') ctx.budgetHit();
    await releaseJob(db, job.id, owner, iso(nowMs() + (err.reason === 'timeout' ? 0 : 60_000)));
    counts.deferred++;
    report({ url: job.url, status: 'deferred', httpStatus: r.status, findings: [], error: err.message });
    return;
  }
  const links = analysis.links!;
  // A page that names another same-site URL as canonical is checked there instead.
  const selfKey = urlKey(job.url);
  if (links.canonical && urlKey(links.canonical) !== selfKey && urlKey(links.canonical) !== urlKey(r.url)) {
    await shared.enqueue(site.id, [links.canonical], job.depth, 'canonical');
    await finish(ctx, page, 'canonical', { active: false, resetAttempts: true });
    counts.skippedOther++;
    report({ url: job.url, status: 'canonical', httpStatus: r.status, findings: [] });
    return;
  }
  if (!links.metaRobots.nofollow) await shared.enqueue(site.id, links.pages, job.depth + 1, 'link');
  if (unchanged) {
    await shared.writes.write([
      stillPresentQuery(db, job.id, fetchedAt),
      finishQuery(ctx, page, 'unchanged', { etag: r.etag ?? null, lastModified: r.lastModified ?? null, resetAttempts: true }),
    ]);
    counts.pagesUnchanged++;
    report({ url: job.url, status: 'unchanged', httpStatus: r.status, findings: [] });
    return;
  }
  const hits = analysis.findings;
  // Snapshot, findings and the job's outcome are written together (one atomic group); the
  // findings find the snapshot's id by (job, content hash) inside that same batch.
  const contentHash = r.contentHash ?? '';
  const snapshotId = sql`(select ${pageSnapshots.id} from ${pageSnapshots} where ${pageSnapshots.jobId} = ${job.id} and ${pageSnapshots.contentHash} = ${contentHash})`;
  const plan = await planPageFindings(db, {
    jobId: job.id, siteId: site.id, providerId: site.providerId, url: job.url, snapshotId, crawlRunId: ctx.runId, now: fetchedAt, findings: hits,
  });
  await shared.writes.write([
    snapshotQuery(db, {
      jobId: job.id, url: job.url, fetchedAt, httpStatus: r.status, contentHash, htmlBytes: r.bytes,
      title: analysis.title ?? null, text: analysis.text ?? '', crawlRunId: ctx.runId, truncated: analysis.truncated?.join(',') ?? null,
    }),
    ...plan.statements,
    finishQuery(ctx, page, 'ok', { etag: r.etag ?? null, lastModified: r.lastModified ?? null, contentHash: r.contentHash ?? null, resetAttempts: true }),
  ]);
  counts.findingsNew += plan.changes.created;
  counts.findingsResolved += plan.changes.resolved;
  counts.findingsReopened += plan.changes.reopened;
  counts.pagesFetched++;
  if (analysis.truncated?.length) counts.pagesTruncated++;
  report({ url: job.url, status: 'ok', httpStatus: r.status, findings: hits, truncated: analysis.truncated });
}

/** Every answer but HTML: not modified, robots, deferred, skipped, gone, or an error to retry. */
async function settleOtherPage(ctx: PageContext, shared: TickShared, page: FetchedPage): Promise<void> {
  const { db, owner, counts, report, nowMs, settings: s } = ctx;
  const { job, site, r, fetchedAt, revisitAt } = page;
  switch (r.kind) {
    case 'not_modified':
      await shared.writes.write([stillPresentQuery(db, job.id, fetchedAt), finishQuery(ctx, page, 'unchanged', { resetAttempts: true })]);
      counts.pagesUnchanged++;
      report({ url: job.url, status: 'unchanged', httpStatus: r.status, findings: [] });
      return;
    case 'robots_disallowed':
      await finish(ctx, page, 'robots', { nextDueAt: r.retryAfterSeconds ? iso(nowMs() + r.retryAfterSeconds * 1000) : revisitAt });
      counts.skippedRobots++;
      report({ url: job.url, status: 'robots', httpStatus: 0, findings: [], error: r.error });
      return;
    case 'deferred':
      await releaseJob(db, job.id, owner, iso(nowMs() + (r.retryAfterSeconds ?? 60) * 1000));
      counts.deferred++;
      report({ url: job.url, status: 'deferred', httpStatus: 0, findings: [] });
      return;
    case 'skipped_type':
    case 'too_large':
    case 'refused':
      await finish(ctx, page, r.kind, { resetAttempts: true, active: r.kind !== 'refused' });
      counts.skippedOther++;
      report({ url: job.url, status: r.kind, httpStatus: r.status, findings: [], error: r.error });
      return;
    default: {
      // 404/410: the page is gone; its findings are resolved and it leaves the frontier.
      if (r.kind === 'http_error' && (r.status === 404 || r.status === 410)) {
        const changes = await recordPageFindings(db, {
          jobId: job.id, siteId: site.id, providerId: site.providerId, url: job.url, snapshotId: null, crawlRunId: ctx.runId, now: fetchedAt, findings: [],
        });
        counts.findingsResolved += changes.resolved;
        await finish(ctx, page, 'gone', { active: false, resetAttempts: true });
        counts.skippedOther++;
        report({ url: job.url, status: 'gone', httpStatus: r.status, findings: [] });
        return;
      }
      // Errors (network, 5xx, 429 after retries, redirect loops): retry later with backoff.
      const giveUp = job.attempts >= s.maxAttempts;
      const retryMs = Math.max((r.retryAfterSeconds ?? 0) * 1000, s.retryBaseSeconds * 1000 * 2 ** Math.max(0, job.attempts - 1));
      await finish(ctx, page, 'error', {
        nextDueAt: giveUp ? revisitAt : iso(Math.min(nowMs() + retryMs, Date.parse(revisitAt))),
        resetAttempts: giveUp,
      });
      counts.errors++;
      report({ url: job.url, status: r.kind, httpStatus: r.status, findings: [], error: r.error });
    }
  }
}

/** An unchanged page: its open findings are still there, so their last-seen time moves on. */
function stillPresentQuery(db: Db, jobId: number, at: string) {
  return db
    .update(findings)
    .set({ lastSeenAt: at })
    .where(and(eq(findings.jobId, jobId), sql`${findings.status} in ('open', 'confirmed', 'dismissed')`));
}

/**
 * Stores a snapshot once per (page, content); a page that returns to earlier content moves
 * that snapshot's fetch time forward.
 */
function snapshotQuery(db: Db, snap: typeof pageSnapshots.$inferInsert) {
  return db
    .insert(pageSnapshots)
    .values(snap)
    .onConflictDoUpdate({
      target: [pageSnapshots.jobId, pageSnapshots.contentHash],
      set: { fetchedAt: snap.fetchedAt, crawlRunId: snap.crawlRunId, httpStatus: snap.httpStatus },
    });
}
