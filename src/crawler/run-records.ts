/**
 * The crawl_runs record of a tick, kept true when its process dies: the counts are written page by
 * page together with a heartbeat, and a run whose heartbeat has gone quiet for longer than a tick can
 * live is closed as `aborted` by the next tick (or at start), with what it did — its stored counts,
 * or what the pages and findings it wrote say, whichever is more. Its claimed jobs need nothing: their
 * leases expire and they become due again (frontier.ts). Runtime-neutral.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlRuns, findingEvents, pageSnapshots } from '../db/schema';

/** The counts a run keeps (tick.ts reports them in its RunCounts). */
export interface RunTotals {
  pagesFetched: number;
  pagesUnchanged: number;
  skippedRobots: number;
  skippedOther: number;
  errors: number;
  deferred: number;
  findingsNew: number;
  findingsResolved: number;
  findingsReopened: number;
  /** Pages whose analysis ran out of time (status analysis_timeout). */
  analysisTimeouts: number;
  /** Pages read only in part (a cap on hostile HTML). */
  pagesTruncated: number;
}

/** The UPDATE that stores a run's counts so far and its heartbeat (run it after each page). */
export function saveRunCounts(db: Db, runId: number, c: RunTotals, at: string) {
  return db
    .update(crawlRuns)
    .set({
      pagesFetched: c.pagesFetched,
      pagesUnchanged: c.pagesUnchanged,
      skippedRobots: c.skippedRobots,
      skippedOther: c.skippedOther,
      errors: c.errors,
      findingsNew: c.findingsNew,
      findingsResolved: c.findingsResolved,
      findingsReopened: c.findingsReopened,
      analysisTimeouts: c.analysisTimeouts,
      pagesTruncated: c.pagesTruncated,
      heartbeatAt: at,
    })
    // A run already closed as aborted (its process was presumed dead) is not reopened.
    .where(and(eq(crawlRuns.id, runId), isNull(crawlRuns.finishedAt)));
}

/**
 * Closes every unfinished run whose last sign of life is older than `staleBefore` as aborted: finished
 * at its last heartbeat, partial, its counts raised to what its snapshots and finding events show.
 * Returns the ids it closed.
 */
export async function closeAbandonedRuns(db: Db, staleBefore: string): Promise<number[]> {
  const lastSign = sql`coalesce(${crawlRuns.heartbeatAt}, ${crawlRuns.startedAt})`;
  const events = (kind: string) =>
    sql`(select count(*) from ${findingEvents} where ${findingEvents.crawlRunId} = ${crawlRuns.id} and ${findingEvents.kind} = ${kind})`;
  const rows = await db
    .update(crawlRuns)
    .set({
      finishedAt: sql`${lastSign}`,
      aborted: true,
      partial: true,
      pagesFetched: sql`max(${crawlRuns.pagesFetched}, (select count(*) from ${pageSnapshots} where ${pageSnapshots.crawlRunId} = ${crawlRuns.id}))`,
      findingsNew: sql`max(${crawlRuns.findingsNew}, ${events('created')})`,
      findingsResolved: sql`max(${crawlRuns.findingsResolved}, ${events('resolved')})`,
      findingsReopened: sql`max(${crawlRuns.findingsReopened}, ${events('reopened')})`,
      notes: sql`'aborted: the process running it stopped without finishing; counts are what it had written' || coalesce('; ' || ${crawlRuns.notes}, '')`,
    })
    .where(and(isNull(crawlRuns.finishedAt), lt(lastSign, staleBefore)))
    .returning({ id: crawlRuns.id });
  return rows.map((r) => r.id);
}
