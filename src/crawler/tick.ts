/**
 * One crawl tick: bounded, idempotent work on the frontier, safe to run twice at once. This is its
 * schedule: it claims due pages under a lease, takes each host's turn (shared through the database
 * with other ticks and instances) and hands the host's pages to process-page.ts one after another,
 * hosts in parallel within limits, until the time budget or the page cap runs out; then it records
 * the run. The run's counts are written after every page with a heartbeat, and each tick first
 * closes runs whose process died as aborted (run-records.ts).
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlJobs, crawlRuns, crawlSites } from '../db/schema';
import { inlineCheckRunner, type CheckRunner } from '../runner/check-runner';
import type { Ruleset } from '../compliance/ruleset';
import type { LogFn } from '../http/logging';
import { DEFAULT_CRAWL_SETTINGS, type CrawlSettings } from './crawl-settings';
import { syncSitesFromDirectory } from './crawl-sites';
import { claimDueJobs, releaseJob, type ClaimedJob } from './frontier';
import { hostNextAllowed, setHostNextAllowed, takeHostTurn } from './frontier-hosts';
import type { PoliteFetcher } from './polite-fetcher';
import { createPageProcessor, type PageReport } from './process-page';
import { closeAbandonedRuns, saveRunCounts, type RunTotals } from './run-records';
import { siteKey } from '../web/url-normalise';

/** What a tick runs with (the runtime builds it: node.ts, worker.ts, the CLI). */
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

/** Why a tick runs, what it is limited to, and who hears about its pages. */
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
  let done = 0;
  let claimedTotal = 0;
  let budgetHit = false;
  const perHost = Math.max(1, s.hostPageConcurrency);

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

  const pages = createPageProcessor({
    db, fetcher: deps.fetcher, runner, settings: s, owner, runId: run.id, deadline, nowMs, log, counts, report,
    budgetHit: () => {
      budgetHit = true;
    },
  });

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
            await pages.process(job);
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
  for (const id of pages.sites()) await db.update(crawlSites).set({ lastCrawlAt: finishedAt }).where(eq(crawlSites.id, id));
  return counts;
}
