/**
 * One crawl tick: bounded, idempotent work on the frontier. It claims due pages under a lease,
 * fetches them politely (robots.txt, per-host turns shared through the database, backoff),
 * checks changed pages with the rule engine, stores snapshots and updates findings, follows
 * same-site links and sitemaps within caps, and records the run. Safe to run twice at once.
 *
 * The engine runs through a CheckRunner: on Node the worker-thread pool, one page at a time per tick
 * and under a per-page time limit (`analysisTimeoutMs`, never past the tick's budget), so a hostile
 * page cannot hold the event loop; a page that runs out of time is recorded as `analysis_timeout` and
 * waits with backoff. On Workers the engine runs inline, bounded by the extractor's caps. The run's
 * counts are written after every page with a heartbeat, and each tick first closes runs whose
 * process died as aborted (run-records.ts).
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlJobs, crawlRuns, crawlSites, findings, pageSnapshots } from '../db/schema';
import { CheckUnavailableError, inlineCheckRunner, type CheckOutcome, type CheckRunner } from '../compliance/check-runner';
import type { Ruleset } from '../compliance/ruleset';
import type { Finding, ProviderFacts } from '../compliance/types';
import type { LogFn } from '../http/env';
import { claimDueJobs, completeJob, completeJobQuery, releaseJob, type ClaimedJob } from './frontier';
import { hostNextAllowed, setHostNextAllowed, takeHostTurn } from './frontier-hosts';
import { syncSitesFromDirectory } from './crawl-sites';
import { planPageFindings, recordPageFindings } from './findings-store';
import { siteKey, urlKey } from './url-normalise';
import { discoverSitemapUrls } from './sitemap';
import type { PoliteFetcher, PoliteFetchResult } from './polite-fetcher';
import { providerFacts } from './provider-facts';
import { closeAbandonedRuns, saveRunCounts, type RunTotals } from './run-records';
import { createWriteBatcher } from './write-batcher';
import { createSiteEnqueuer } from './site-enqueuer';
import { DEFAULT_CRAWL_SETTINGS, type CrawlSettings } from './crawl-settings';

/** Below this much budget left, a page's analysis is not started (the page waits for the next tick). */
const MIN_ANALYSIS_MS = 250;

export interface CrawlDeps {
  db: Db;
  /** The polite fetcher (robots.txt, host scheduler, retries); shared by ticks in one process. */
  fetcher: PoliteFetcher;
  ruleset: Ruleset;
  /** Where the engine runs (Node: the worker-thread pool); default inline with `ruleset`. */
  checkRunner?: CheckRunner;
  clock: () => Date;
  log?: LogFn;
}

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

export interface TickOptions {
  trigger: 'cron' | 'interval' | 'cli' | 'recheck' | 'queue';
  owner?: string;
  /** Only this site's jobs. */
  siteId?: number;
  /** Create sites for new provider websites first (default true). */
  syncDirectory?: boolean;
  settings?: Partial<CrawlSettings>;
  /** Called after each page (progress display, JSON output). */
  onPage?: (page: PageReport, progress: { done: number; queued: number }) => void;
}

/** A tick's report: its run's counts (run-records.ts) and what else the tick did. */
export interface RunCounts extends RunTotals {
  runId: number;
  /** Unfinished runs of dead processes this tick closed as aborted. */
  abortedRuns: number[];
  partial: boolean;
}

interface SiteInfo {
  id: number;
  providerId: number | null;
  startUrl: string;
  revisitSeconds: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** How long a tick holds a host's turn before it must renew it (a dead tick blocks the host this long at most). */
const HOST_HOLD_MS = 60_000;

/** Runs one crawl tick and returns what it did (also stored as a crawl_runs row). */
export async function runCrawlTick(deps: CrawlDeps, opts: TickOptions): Promise<RunCounts> {
  const s: CrawlSettings = { ...DEFAULT_CRAWL_SETTINGS, ...opts.settings };
  const { db } = deps;
  const nowMs = () => deps.clock().getTime();
  const started = nowMs();
  const deadline = started + s.budgetMs;
  const owner = opts.owner ?? `tick-${crypto.randomUUID()}`;
  const log = deps.log ?? (() => {});

  const runner = deps.checkRunner ?? inlineCheckRunner(deps.ruleset);
  const abortedRuns = await closeAbandonedRuns(db, iso(started - s.staleRunSeconds * 1000));
  if (abortedRuns.length) log('warn', 'closed crawl runs of stopped processes as aborted', { runs: abortedRuns });
  if (opts.syncDirectory !== false) await syncSitesFromDirectory(db, iso(started));
  const [run] = await db
    .insert(crawlRuns)
    .values({ trigger: opts.trigger, owner, startedAt: iso(started), heartbeatAt: iso(started) })
    .returning({ id: crawlRuns.id });
  const counts: RunCounts = {
    runId: run.id, pagesFetched: 0, pagesUnchanged: 0, skippedRobots: 0, skippedOther: 0, errors: 0, deferred: 0,
    findingsNew: 0, findingsResolved: 0, findingsReopened: 0, analysisTimeouts: 0, pagesTruncated: 0, abortedRuns, partial: false,
  };
  const sites = new Map<number, SiteInfo>();
  const sitemapDone = new Set<number>();
  let done = 0;
  let claimedTotal = 0;
  let budgetHit = false;
  const perHost = Math.max(1, s.hostPageConcurrency);
  // Pages finishing together share one commit (see write-batcher.ts).
  const writes = createWriteBatcher(db);
  // Provider facts do not change during a tick: read once per provider.
  const factsCache = new Map<number, Promise<ProviderFacts | undefined>>();
  const factsOf = (providerId: number) => {
    let f = factsCache.get(providerId);
    if (!f) {
      f = providerFacts(db, providerId);
      factsCache.set(providerId, f);
      f.catch(() => factsCache.delete(providerId));
    }
    return f;
  };

  const siteOf = async (id: number): Promise<SiteInfo> => {
    let info = sites.get(id);
    if (!info) {
      const [row] = await db.select().from(crawlSites).where(eq(crawlSites.id, id));
      info = { id, providerId: row.providerId, startUrl: row.startUrl, revisitSeconds: row.revisitSeconds };
      sites.set(id, info);
    }
    return info;
  };

  /**
   * The run's counts so far go to the database after every page (one small UPDATE, coalesced when
   * pages finish together), so a run whose process dies still says what it did.
   */
  let countsSaving: Promise<void> = Promise.resolve();
  let countsDirty = false;
  const saveCounts = () => {
    if (countsDirty) return;
    countsDirty = true;
    countsSaving = countsSaving.then(async () => {
      countsDirty = false;
      try {
        await saveRunCounts(db, run.id, counts, iso(nowMs()));
      } catch (err) {
        log('warn', 'could not save crawl run counts', { runId: run.id, error: String(err) });
      }
    });
  };

  const report = (page: PageReport) => {
    done++;
    saveCounts();
    opts.onPage?.(page, { done, queued: Math.max(0, claimedTotal - done) });
  };

  /** One page's analysis at a time per tick: the crawl takes one worker of the pool, never all of them. */
  let analysisChain: Promise<unknown> = Promise.resolve();
  const analyse = (html: string, pageUrl: string, finalUrl: string, provider: ProviderFacts | undefined, timeoutMs: number, rules: boolean): Promise<CheckOutcome> => {
    const next = analysisChain.then(() =>
      runner({ input: html, isHtml: true, opts: { pageUrl, provider }, snapshot: rules, links: { pageUrl: finalUrl }, analyse: rules, timeoutMs }),
    );
    analysisChain = next.catch(() => {});
    return next;
  };

  const enqueue = createSiteEnqueuer(db, s, nowMs);

  /**
   * Takes the host's turn in the database for this tick (another tick or instance may be using
   * the host): waits briefly when the host is free soon. Returns when it is free otherwise.
   */
  const takeTurn = async (host: string): Promise<{ ok: true } | { ok: false; next: number }> => {
    const now = nowMs();
    if (await takeHostTurn(db, host, iso(now), iso(now + HOST_HOLD_MS))) return { ok: true };
    const next = Date.parse((await hostNextAllowed(db, host)) ?? iso(now));
    const wait = next - nowMs();
    if (wait > 0 && wait < Math.min(deadline - now - 1000, 10_000)) {
      await new Promise((r) => setTimeout(r, wait));
      const t = nowMs();
      if (await takeHostTurn(db, host, iso(t), iso(t + HOST_HOLD_MS))) return { ok: true };
    }
    return { ok: false, next };
  };

  const processJob = async (job: ClaimedJob): Promise<void> => {
    const site = await siteOf(job.siteId);
    const now = nowMs();
    const revisitAt = iso(now + site.revisitSeconds * 1000);

    // The host's turn is held by the caller; the polite fetcher spaces requests within it.
    const r: PoliteFetchResult = await deps.fetcher.fetch(job.url, {
      etag: job.etag ?? undefined,
      lastModified: job.lastModified ?? undefined,
      maxWaitMs: Math.max(0, deadline - nowMs()),
    });
    const fetchedAt = iso(nowMs());

    // Sitemaps are read once per site per tick, when its start page is visited.
    // Only when the site answers normally, and never waiting past the tick's budget.
    if (job.depth === 0 && !sitemapDone.has(site.id) && (r.kind === 'html' || r.kind === 'not_modified')) {
      sitemapDone.add(site.id);
      try {
        const policy = await deps.fetcher.robots.policyFor(job.url);
        const bounded = {
          fetch: (url: string, o?: { accept?: 'html' | 'text'; signal?: AbortSignal; maxBytes?: number }) =>
            deps.fetcher.fetch(url, { ...o, maxWaitMs: Math.max(0, deadline - nowMs()) }),
        };
        const found = await discoverSitemapUrls({ fetcher: bounded, siteUrl: job.url, sitemapUrls: policy.sitemaps, maxUrls: s.maxPagesPerSite });
        await enqueue(site.id, found.urls.map((e) => e.loc).filter((u) => policy.isAllowed(u)), 1, 'sitemap');
      } catch (err) {
        log('warn', 'sitemap discovery failed', { url: job.url, error: String(err) });
      }
    }

    const outcome = (status: string, extra: Partial<Parameters<typeof completeJob>[3]> = {}) =>
      ({ status, httpStatus: r.status || null, error: r.error ?? null, fetchedAt, nextDueAt: revisitAt, ...extra });
    const finish = (status: string, extra: Partial<Parameters<typeof completeJob>[3]> = {}) => completeJob(db, job.id, owner, outcome(status, extra));
    const finishQuery = (status: string, extra: Partial<Parameters<typeof completeJob>[3]> = {}) => completeJobQuery(db, job.id, owner, outcome(status, extra));

    switch (r.kind) {
      case 'html': {
        const text = r.text ?? '';
        const unchanged = !!r.contentHash && r.contentHash === job.contentHash;
        const facts = site.providerId === null || unchanged ? undefined : await factsOf(site.providerId);
        // Links and rules are read off the event loop (the runner); their time counts against the
        // tick's budget, and a page is not started without enough of it left.
        const left = deadline - nowMs();
        if (left < MIN_ANALYSIS_MS) {
          budgetHit = true;
          await releaseJob(db, job.id, owner, iso(nowMs()));
          counts.deferred++;
          report({ url: job.url, status: 'deferred', httpStatus: r.status, findings: [] });
          return;
        }
        const limit = Math.min(s.analysisTimeoutMs, left);
        let analysis: CheckOutcome;
        try {
          analysis = await analyse(text, job.url, r.url, facts, limit, !unchanged);
        } catch (err) {
          if (!(err instanceof CheckUnavailableError)) throw err;
          if (err.reason === 'timeout' && limit === s.analysisTimeoutMs) {
            // Too slow for its limit: recorded as such and tried again only after a backoff, never at once.
            const retryMs = s.retryBaseSeconds * 1000 * 2 ** Math.max(0, job.attempts - 1);
            await finish('analysis_timeout', {
              error: `analysis ran past ${s.analysisTimeoutMs / 1000} s and was stopped`,
              nextDueAt: iso(Math.min(nowMs() + retryMs, Date.parse(revisitAt))),
              resetAttempts: job.attempts >= s.maxAttempts,
            });
            counts.analysisTimeouts++;
            report({ url: job.url, status: 'analysis_timeout', httpStatus: r.status, findings: [], error: err.message });
            return;
          }
          // Stopped by the tick's budget, or the pool is busy or closing: the page waits for a later tick.
          if (err.reason === 'timeout') budgetHit = true;
          await releaseJob(db, job.id, owner, iso(nowMs() + (err.reason === 'timeout' ? 0 : 60_000)));
          counts.deferred++;
          report({ url: job.url, status: 'deferred', httpStatus: r.status, findings: [], error: err.message });
          return;
        }
        const links = analysis.links!;
        // A page that names another same-site URL as canonical is checked there instead.
        const selfKey = urlKey(job.url);
        if (links.canonical && urlKey(links.canonical) !== selfKey && urlKey(links.canonical) !== urlKey(r.url)) {
          await enqueue(site.id, [links.canonical], job.depth, 'canonical');
          await finish('canonical', { active: false, resetAttempts: true });
          counts.skippedOther++;
          report({ url: job.url, status: 'canonical', httpStatus: r.status, findings: [] });
          return;
        }
        if (!links.metaRobots.nofollow) await enqueue(site.id, links.pages, job.depth + 1, 'link');
        if (unchanged) {
          await writes.write([
            stillPresentQuery(db, job.id, fetchedAt),
            finishQuery('unchanged', { etag: r.etag ?? null, lastModified: r.lastModified ?? null, resetAttempts: true }),
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
          jobId: job.id, siteId: site.id, providerId: site.providerId, url: job.url, snapshotId, crawlRunId: run.id, now: fetchedAt, findings: hits,
        });
        await writes.write([
          snapshotQuery(db, {
            jobId: job.id, url: job.url, fetchedAt, httpStatus: r.status, contentHash, htmlBytes: r.bytes,
            title: analysis.title ?? null, text: analysis.text ?? '', crawlRunId: run.id, truncated: analysis.truncated?.join(',') ?? null,
          }),
          ...plan.statements,
          finishQuery('ok', { etag: r.etag ?? null, lastModified: r.lastModified ?? null, contentHash: r.contentHash ?? null, resetAttempts: true }),
        ]);
        counts.findingsNew += plan.changes.created;
        counts.findingsResolved += plan.changes.resolved;
        counts.findingsReopened += plan.changes.reopened;
        counts.pagesFetched++;
        if (analysis.truncated?.length) counts.pagesTruncated++;
        report({ url: job.url, status: 'ok', httpStatus: r.status, findings: hits, truncated: analysis.truncated });
        return;
      }
      case 'not_modified':
        await writes.write([stillPresentQuery(db, job.id, fetchedAt), finishQuery('unchanged', { resetAttempts: true })]);
        counts.pagesUnchanged++;
        report({ url: job.url, status: 'unchanged', httpStatus: r.status, findings: [] });
        return;
      case 'robots_disallowed':
        await finish('robots', { nextDueAt: r.retryAfterSeconds ? iso(nowMs() + r.retryAfterSeconds * 1000) : revisitAt });
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
        await finish(r.kind, { resetAttempts: true, active: r.kind !== 'refused' });
        counts.skippedOther++;
        report({ url: job.url, status: r.kind, httpStatus: r.status, findings: [], error: r.error });
        return;
      default: {
        // 404/410: the page is gone; its findings are resolved and it leaves the frontier.
        if (r.kind === 'http_error' && (r.status === 404 || r.status === 410)) {
          const changes = await recordPageFindings(db, {
            jobId: job.id, siteId: site.id, providerId: site.providerId, url: job.url, snapshotId: null, crawlRunId: run.id, now: fetchedAt, findings: [],
          });
          counts.findingsResolved += changes.resolved;
          await finish('gone', { active: false, resetAttempts: true });
          counts.skippedOther++;
          report({ url: job.url, status: 'gone', httpStatus: r.status, findings: [] });
          return;
        }
        // Errors (network, 5xx, 429 after retries, redirect loops): retry later with backoff.
        const giveUp = job.attempts >= s.maxAttempts;
        const retryMs = Math.max((r.retryAfterSeconds ?? 0) * 1000, s.retryBaseSeconds * 1000 * 2 ** Math.max(0, job.attempts - 1));
        await finish('error', {
          nextDueAt: giveUp ? revisitAt : iso(Math.min(nowMs() + retryMs, Date.parse(revisitAt))),
          resetAttempts: giveUp,
        });
        counts.errors++;
        report({ url: job.url, status: r.kind, httpStatus: r.status, findings: [], error: r.error });
      }
    }
  };

  while (nowMs() < deadline && done < s.maxPages) {
    const now = nowMs();
    const jobs = await claimDueJobs(db, {
      owner,
      now: iso(now),
      leaseUntil: iso(now + s.leaseSeconds * 1000),
      limit: Math.min(s.maxPages - done, s.hostConcurrency * perHost * 5),
      siteId: opts.siteId,
    });
    if (!jobs.length) break;
    claimedTotal += jobs.length;
    const byHost = new Map<string, ClaimedJob[]>();
    for (const j of jobs) {
      const h = siteKey(j.url) ?? j.url;
      byHost.set(h, [...(byHost.get(h) ?? []), j]);
    }
    const hosts = [...byHost.entries()];
    /** One host's claimed pages, `perHost` at a time (one after another by default). */
    const crawlHost = async (host: string, list: ClaimedJob[]) => {
      let holdUntil = nowMs() + HOST_HOLD_MS;
      const lane = async () => {
        for (let job = list.shift(); job; job = list.shift()) {
          if (nowMs() >= deadline) {
            budgetHit = true;
            await releaseJob(db, job.id, owner, iso(nowMs()));
            continue;
          }
          try {
            // A long run on one host renews its turn so no other tick joins in.
            if (holdUntil - nowMs() < HOST_HOLD_MS / 2) {
              holdUntil = nowMs() + HOST_HOLD_MS;
              await setHostNextAllowed(db, host, iso(holdUntil));
            }
            await processJob(job);
          } catch (err) {
            // An unexpected failure must not lose the job: it is released and retried later.
            log('error', 'crawl job failed', { url: job.url, error: String((err as Error)?.stack ?? err) });
            await releaseJob(db, job.id, owner, iso(nowMs() + s.retryBaseSeconds * 1000));
            counts.errors++;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(perHost, list.length) }, lane));
    };
    // Hosts in parallel (bounded). Each host's turn is taken once for its pages in this batch
    // and given back with the host's delay (Crawl-delay, floor, backoff) when they are done.
    const worker = async () => {
      for (let next = hosts.shift(); next; next = hosts.shift()) {
        const [host, list] = next;
        const turn = await takeTurn(host);
        if (!turn.ok) {
          for (const job of list) {
            await releaseJob(db, job.id, owner, iso(Math.max(turn.next, nowMs())));
            counts.deferred++;
            report({ url: job.url, status: 'deferred', httpStatus: 0, findings: [] });
          }
          continue;
        }
        try {
          await crawlHost(host, list);
        } finally {
          const nextAt = Math.max(nowMs() + deps.fetcher.scheduler.delayMs(host), deps.fetcher.scheduler.nextAllowedAt(host));
          await setHostNextAllowed(db, host, iso(nextAt));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(s.hostConcurrency, hosts.length) }, worker));
  }

  const stillDue = await db
    .select({ n: sql<number>`count(*)` })
    .from(crawlJobs)
    .innerJoin(crawlSites, eq(crawlSites.id, crawlJobs.siteId))
    .where(and(eq(crawlJobs.active, true), lte(crawlJobs.nextDueAt, iso(nowMs())), eq(crawlSites.enabled, true), opts.siteId === undefined ? undefined : eq(crawlJobs.siteId, opts.siteId)));
  counts.partial = budgetHit || (Number(stillDue[0]?.n ?? 0) > 0 && (nowMs() >= deadline || done >= s.maxPages));
  await countsSaving;
  const finishedAt = iso(nowMs());
  await db
    .update(crawlRuns)
    .set({
      finishedAt,
      heartbeatAt: finishedAt,
      // Finished after all (it was only presumed dead while silent): the record says so.
      aborted: false,
      analysisTimeouts: counts.analysisTimeouts,
      pagesTruncated: counts.pagesTruncated,
      pagesFetched: counts.pagesFetched,
      pagesUnchanged: counts.pagesUnchanged,
      skippedRobots: counts.skippedRobots,
      skippedOther: counts.skippedOther,
      errors: counts.errors,
      findingsNew: counts.findingsNew,
      findingsResolved: counts.findingsResolved,
      findingsReopened: counts.findingsReopened,
      partial: counts.partial,
      notes: counts.deferred ? `${counts.deferred} page(s) deferred (host busy or resting, or no budget left)` : null,
    })
    .where(eq(crawlRuns.id, run.id));
  for (const id of sites.keys()) await db.update(crawlSites).set({ lastCrawlAt: finishedAt }).where(eq(crawlSites.id, id));
  return counts;
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
