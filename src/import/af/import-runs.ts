/**
 * The import_runs row of an AF import: written with the data in one batch, completed at the
 * end of a write transaction, or recorded on its own when nothing was written; the report's
 * final status; the previous successful run of a source.
 */
import { desc, and, eq, inArray } from 'drizzle-orm';
import { importRuns } from '../../db/schema';
import { runBatch, type Db } from '../../db/types';
import { nextId } from '../next-id';
import type { AfKind, ImportReport } from '../report';
import { runValues } from '../run-values';
import { rejectedRows } from './must-fail';

/** A report of one of AF's files (the run functions need its kind's source). */
type AfReport = ImportReport<AfKind>;

/** import_runs.source of each kind. */
const AF_SOURCE: Record<AfKind, string> = {
  'af-providers': 'af_providers',
  'af-ratings': 'af_ratings',
  'af-results': 'af_results',
  'af-areas': 'af_areas',
};

/** The latest successful run of `source` before this one: its data_as_of, or null. */
export async function previousRunDate(db: Db, source: string): Promise<string | null> {
  const [r] = await db
    .select({ d: importRuns.dataAsOf })
    .from(importRuns)
    .where(and(eq(importRuns.source, source), inArray(importRuns.status, ['ok', 'unchanged'])))
    .orderBy(desc(importRuns.dataAsOf))
    .limit(1);
  return r?.d ?? null;
}

/** The import_runs columns of an AF report (all but the id). */
function afRunValues(report: AfReport, startedAt: string) {
  const { errors, unmatched, breakdown, newAreas, joined, left, merges, warnings, revised, removed } = report;
  return runValues(report, startedAt, AF_SOURCE[report.kind], { revised, removed, errors, unmatched, breakdown, newAreas, joined, left, merges, warnings });
}

/** The import_runs insert for a report (not executed). */
export function runRow(db: Db, report: AfReport, startedAt: string, id: number) {
  return db.insert(importRuns).values({ id, ...afRunValues(report, startedAt) });
}

/**
 * The import_runs update that writes the report's final figures into run `id` (not executed):
 * an import that writes as it goes inserts its run row first (its rows refer to it) and
 * completes it with this at the end of the same transaction.
 */
export function runRowUpdate(db: Db, report: AfReport, startedAt: string, id: number) {
  return db.update(importRuns).set(afRunValues(report, startedAt)).where(eq(importRuns.id, id));
}

/** Records a failed run on its own (no data changes) and returns the report. */
export async function recordFailedRun(db: Db, report: AfReport, startedAt: string): Promise<AfReport> {
  report.status = 'failed';
  report.rejected = Math.max(report.rejected, rejectedRows(report.errors));
  const id = await nextId(db, importRuns);
  await runBatch(db, [runRow(db, report, startedAt, id)]);
  report.importRunId = id;
  return report;
}

/**
 * Writes the planned statements and the run row in ONE batch (the run row first: ratings
 * and results refer to it). On a database error nothing is written and a failed run is recorded.
 */
export async function commit(db: Db, report: AfReport, startedAt: string, runId: number, statements: unknown[]): Promise<AfReport> {
  settleStatus(report, runId);
  try {
    await runBatch(db, [runRow(db, report, startedAt, runId), ...statements]);
    return report;
  } catch (e) {
    return recordWriteFailure(db, report, startedAt, e);
  }
}

/** Sets the status of a report about to be written as run `runId` (see ImportReport.status). */
export function settleStatus(report: ImportReport, runId: number): void {
  const changed = report.created + report.updated + report.revised + report.removed > 0;
  report.status = report.rejected > 0 || report.unmatched.length > 0 ? 'partial' : changed ? 'ok' : 'unchanged';
  report.importRunId = runId;
}

/**
 * After a write that failed and was rolled back: clears the report's figures, says why nothing
 * was written, and records the failed run on its own.
 */
export async function recordWriteFailure(db: Db, report: AfReport, startedAt: string, e: unknown): Promise<AfReport> {
  Object.assign(report, { created: 0, updated: 0, revised: 0, unchanged: 0, removed: 0, importRunId: null, breakdown: {}, merges: [] });
  report.errors = [{ line: 0, field: '', message: `database error, nothing was written: ${(e as Error).message}` }];
  return recordFailedRun(db, report, startedAt);
}
