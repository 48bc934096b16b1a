/**
 * Imports AF's results workbook: every documented column per contract and period, and the
 * A/B/C level weights per period, revisions kept (a changed period gets revision n+1),
 * contracts mapped by KA number (providers and areas created from the file when unknown),
 * everything in ONE write transaction with the import run.
 *
 * Bounded memory (issue 17): the workbook is read one "Resultat YYYY-MM" sheet at a time, twice.
 * Pass 1 validates every sheet and keeps only one contract row per KA number, so the file can
 * fail whole (wrong kind, most rows broken) before anything is written. Pass 2, inside the
 * transaction, reads each sheet again, decides its revisions against that period's stored
 * figures and writes its rows (see db/write-transaction.ts) before the next sheet is read.
 */
import { contractResults, importRuns, periodWeights } from '../../../db/schema';
import type { Db } from '../../../db/types';
import { inWriteTransaction, type WriteTransaction } from '../../../db/write-transaction';
import { applyPublicationDate } from '../publication-date';
import { count, type ImportReport } from '../../report';
import { mustFail, rejectedRows } from '../must-fail';
import { nextId } from '../../next-id';
import { recordFailedRun, recordWriteFailure, runRow, runRowUpdate, settleStatus } from '../import-runs';
import { insertStatements } from '../../../db/insert-rows';
import { planContracts, type WorkbookContractRow } from '../plan-contracts';
import { startWorkbookImport, type AfWorkbookInput } from '../workbook-import';
import { openWorkbook } from '../open-workbook';
import type { FileImporter } from '../../import-input';
import { emptyResultsLog, resultSheets, type ResultFigures } from './read-results';
import { decide, latestRevisions } from '../revisions';
import { isSheetSource, sheetSource, type SheetSource, type Workbook } from '../../sheet';
import { readWeights, type PeriodWeights } from './read-weights';
import { XlsxError } from '../../xlsx-read';

const FIELDS: (keyof ResultFigures)[] = [
  'participants', 'participantsA', 'participantsB', 'participantsC', 'rr1A', 'rr1B', 'rr1C', 'rr2A', 'rr2B', 'rr2C',
  'weightedScore', 'weightedScoreBelow02', 'stars', 'noRating', 'ratingOneOrNone', 'active22Months', 'atRiskOfTermination',
  'contractStartDate',
];

export interface AfResultsInput extends Omit<AfWorkbookInput, 'workbook'> {
  /** The workbook, read sheet by sheet (xlsx-read.ts openXlsx) or held whole, or why it could not be read. */
  workbook: SheetSource | Workbook | { error: string };
}

/** Imports a results workbook; see docs/af-import.md. */
export async function importAfResults(db: Db, input: AfResultsInput): Promise<ImportReport> {
  const { startedAt, report, workbook } = await startWorkbookImport<SheetSource | Workbook>('af-results', input);
  if (!workbook) return recordFailedRun(db, report, startedAt);
  const book = isSheetSource(workbook) ? workbook : sheetSource(workbook);

  // Pass 1: validate every sheet; keep one contract row per KA number (the latest period's
  // name, area and start date). Each sheet's rows are let go before the next is read.
  const log = emptyResultsLog();
  const latestRow = new Map<string, WorkbookContractRow & { period: string }>();
  let accepted = 0;
  let weights: { weights: PeriodWeights[]; warnings: string[] };
  try {
    for (const sheet of resultSheets(book, log)) {
      accepted += sheet.rows.length;
      for (const r of sheet.rows) {
        const had = latestRow.get(r.ka);
        if (!had || r.period > had.period) {
          latestRow.set(r.ka, {
            line: r.line, where: r.sheet, ka: r.ka, providerName: r.providerName, areaName: r.areaName, afRegion: null,
            startDate: r.figures.contractStartDate ?? had?.startDate ?? null, period: r.period,
          });
        }
      }
    }
    weights = readWeights(book);
  } catch (e) {
    // A sheet's part is damaged: the file fails whole, as when it cannot be opened (open-workbook.ts).
    const why = e instanceof XlsxError ? e.message : `unreadable (${(e as Error).message})`;
    report.errors.push({ line: 0, field: '', message: `not a readable .xlsx workbook: ${why}` });
    return recordFailedRun(db, report, startedAt);
  }
  report.rowsRead = log.rowsRead;
  report.warnings.push(...log.warnings, ...weights.warnings);
  report.errors.push(...log.errors);
  report.rejected = rejectedRows(log.errors);
  applyPublicationDate(report, input.fileName, input.published, input.today, log.periods);
  if (mustFail(report, accepted)) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;

  const plan = await planContracts(db, report, [...latestRow.values()], { dataAsOf, source: 'af_results', figureTable: 'contract_results' });
  latestRow.clear();
  const runId = await nextId(db, importRuns);

  // Pass 2: the run row (its rows refer to it) and the contracts first, then sheet by sheet.
  try {
    await inWriteTransaction(db, async (tx) => {
      await tx.write([runRow(tx.db, report, startedAt, runId), ...plan.statements]);
      plan.statements.length = 0;
      for (const sheet of resultSheets(book, emptyResultsLog())) {
        const kas = [...new Set(sheet.rows.filter((r) => plan.known.has(r.ka)).map((r) => r.ka))];
        const latest = await latestRevisions(tx.db, contractResults, kas, sheet.period);
        const inserts: (typeof contractResults.$inferInsert)[] = [];
        for (const r of sheet.rows) {
          if (!plan.known.has(r.ka)) continue;
          const old = latest.get(`${r.ka}|${r.period}`);
          const same = !!old && FIELDS.every((f) => (old[f] ?? null) === r.figures[f]);
          const d = decide(old, same, dataAsOf);
          count(report, 'results', d.kind);
          if (d.kind === 'created' || d.kind === 'revised') {
            inserts.push({
              contractKa: r.ka, period: r.period, ...r.figures,
              sourceFile: input.fileName, publishedAt: dataAsOf, revision: d.revision, importRunId: runId,
            });
          }
        }
        await tx.write(insertStatements(tx.db, contractResults, inserts));
      }
      await writeWeights(tx, report, weights.weights, input.fileName, dataAsOf, runId);
      settleStatus(report, runId);
      await tx.write([runRowUpdate(tx.db, report, startedAt, runId)]);
    });
    return report;
  } catch (e) {
    return recordWriteFailure(db, report, startedAt, e);
  }
}

/** Level weights per period, revised like the figures. */
async function writeWeights(tx: WriteTransaction, report: ImportReport, weights: PeriodWeights[], fileName: string, dataAsOf: string, runId: number): Promise<void> {
  if (!weights.length) return;
  const stored = new Map<string, typeof periodWeights.$inferSelect>();
  for (const w of await tx.db.select().from(periodWeights)) {
    const had = stored.get(w.period);
    if (!had || w.revision > had.revision) stored.set(w.period, w);
  }
  const rows: (typeof periodWeights.$inferInsert)[] = [];
  for (const w of weights) {
    const old = stored.get(w.period);
    const same = !!old && old.weightA === w.weightA && old.weightB === w.weightB && old.weightC === w.weightC;
    const d = decide(old, same, dataAsOf);
    count(report, 'weights', d.kind);
    if (d.kind === 'created' || d.kind === 'revised') {
      rows.push({
        period: w.period, weightA: w.weightA, weightB: w.weightB, weightC: w.weightC,
        sourceFile: fileName, publishedAt: dataAsOf, revision: d.revision, importRunId: runId,
      });
    }
  }
  await tx.write(insertStatements(tx.db, periodWeights, rows));
}

/** The kind table's importer: opens the file's workbook to be read sheet by sheet, then imports it. */
export const importResultsFile: FileImporter = (db, input) => importAfResults(db, { ...input, workbook: openWorkbook(input.bytes) });
