/**
 * Imports AF's rating workbook (already parsed into plain sheet data): validates every row,
 * maps contracts (KA number), providers (name variants) and delivery areas, and writes the
 * ratings per period in ONE batch with the import run. A period already stored with other
 * values gets a new revision; the same file twice changes nothing.
 */
import { importRuns, ratings } from '../../../db/schema';
import type { Db } from '../../../db/types';
import { applyPublicationDate } from '../publication-date';
import { commit, recordFailedRun } from '../import-runs';
import type { FileImporter } from '../../import-input';
import { count, type ImportReport } from '../../report';
import { mustFail, rejectedRows } from '../must-fail';
import { readWorkbook } from '../open-workbook';
import { nextId } from '../../next-id';
import { insertStatements } from '../../../db/insert-rows';
import { planContracts } from '../plan-contracts';
import { readRatingWorkbook, RATING_SHEET } from './read-ratings';
import { decide, latestRevisions } from '../revisions';
import { startWorkbookImport, type AfWorkbookInput } from '../workbook-import';

/** Imports a rating workbook; see docs/af-import.md. */
export async function importAfRatings(db: Db, input: AfWorkbookInput): Promise<ImportReport> {
  const { startedAt, report, workbook } = await startWorkbookImport('af-ratings', input);
  if (!workbook) return recordFailedRun(db, report, startedAt);
  const read = readRatingWorkbook(workbook);
  workbook.sheets.length = 0; // the cells are no longer needed (memory, issue 17)
  report.rowsRead = read.rowsRead;
  report.warnings.push(...read.warnings);
  report.errors.push(...read.errors);
  report.rejected = rejectedRows(read.errors);
  applyPublicationDate(report, input.fileName, input.published, input.today, read.periods);
  if (mustFail(report, read.rows.length)) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;

  const plan = await planContracts(db, report, read.rows.map((r) => ({ ...r, where: RATING_SHEET })), {
    dataAsOf, source: 'af_ratings', figureTable: 'ratings',
  });
  const runId = await nextId(db, importRuns);
  const latest = await latestRevisions(db, ratings, [...plan.known]);
  const inserts: (typeof ratings.$inferInsert)[] = [];
  for (const r of read.rows) {
    if (!plan.known.has(r.ka)) continue;
    for (const v of r.values) {
      const old = latest.get(`${r.ka}|${v.period}`);
      const d = decide(old, !!old && old.stars === v.stars && old.nullReason === v.nullReason, dataAsOf);
      count(report, 'ratings', d.kind);
      if (d.kind === 'created' || d.kind === 'revised') {
        inserts.push({
          contractKa: r.ka, period: v.period, stars: v.stars, nullReason: v.nullReason,
          sourceFile: input.fileName, publishedAt: dataAsOf, revision: d.revision, importRunId: runId,
        });
      }
    }
  }
  return commit(db, report, startedAt, runId, [...plan.statements, ...insertStatements(db, ratings, inserts)]);
}

/** The kind table's importer: reads the rating sheet of the file's workbook, then imports it. */
export const importRatingsFile: FileImporter = (db, input) =>
  importAfRatings(db, { ...input, workbook: readWorkbook(input.bytes, (n) => n.trim().toLowerCase() === RATING_SHEET.toLowerCase()) });
