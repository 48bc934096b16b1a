/**
 * Imports AF's results workbook (parsed into plain sheet data): every documented column per
 * contract and period, and the A/B/C level weights per period, revisions kept (a changed
 * period gets revision n+1), contracts mapped by KA number (providers and areas created from
 * the file when unknown), everything in ONE batch with the import run.
 */
import { contractResults, importRuns, periodWeights } from '../db/schema';
import type { Db } from '../db/types';
import { applyPublicationDate, commit, count, insertStatements, mustFail, nextId, recordFailedRun, rejectedRows, type AfImportReport } from './af-common';
import { planContracts, type WorkbookContractRow } from './af-contracts';
import { startWorkbookImport, type AfWorkbookInput } from './af-ratings-import';
import { readResultsWorkbook, type ResultFigures } from './af-results-read';
import { decide, latestRevisions } from './af-revisions';
import { readWeights } from './af-weights-read';

const FIELDS: (keyof ResultFigures)[] = [
  'participants', 'participantsA', 'participantsB', 'participantsC', 'rr1A', 'rr1B', 'rr1C', 'rr2A', 'rr2B', 'rr2C',
  'weightedScore', 'weightedScoreBelow02', 'stars', 'noRating', 'ratingOneOrNone', 'active22Months', 'atRiskOfTermination',
  'contractStartDate',
];

/** Imports a results workbook; see docs/af-import.md. */
export async function importAfResults(db: Db, input: AfWorkbookInput): Promise<AfImportReport> {
  const { startedAt, report, workbook } = await startWorkbookImport('af-results', input);
  if (!workbook) return recordFailedRun(db, report, startedAt);
  const read = readResultsWorkbook(workbook);
  const weights = readWeights(workbook);
  // The cells are no longer needed: let them go before planning (memory, issue 17).
  workbook.sheets.length = 0;
  report.rowsRead = read.rowsRead;
  report.warnings.push(...read.warnings, ...weights.warnings);
  report.errors.push(...read.errors);
  report.rejected = rejectedRows(read.errors);
  applyPublicationDate(report, input.fileName, input.published, input.today, read.periods);
  if (mustFail(report, read.rows.length)) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;

  // One contract row per KA number: the latest period's name, area and start date.
  const latestRow = new Map<string, WorkbookContractRow & { period: string }>();
  for (const r of read.rows) {
    const had = latestRow.get(r.ka);
    if (!had || r.period > had.period) {
      latestRow.set(r.ka, {
        line: r.line, where: r.sheet, ka: r.ka, providerName: r.providerName, areaName: r.areaName, afRegion: null,
        startDate: r.figures.contractStartDate ?? had?.startDate ?? null, period: r.period,
      });
    }
  }
  const plan = await planContracts(db, report, [...latestRow.values()], { dataAsOf, source: 'af_results', figureTable: 'contract_results' });
  const runId = await nextId(db, importRuns);
  const latest = await latestRevisions(db, contractResults, [...plan.known]);
  const inserts: (typeof contractResults.$inferInsert)[] = [];
  for (const r of read.rows) {
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

  // Level weights per period, revised like the figures.
  const weightRows: (typeof periodWeights.$inferInsert)[] = [];
  if (weights.weights.length) {
    const stored = new Map<string, typeof periodWeights.$inferSelect>();
    for (const w of await db.select().from(periodWeights)) {
      const had = stored.get(w.period);
      if (!had || w.revision > had.revision) stored.set(w.period, w);
    }
    for (const w of weights.weights) {
      const old = stored.get(w.period);
      const same = !!old && old.weightA === w.weightA && old.weightB === w.weightB && old.weightC === w.weightC;
      const d = decide(old, same, dataAsOf);
      count(report, 'weights', d.kind);
      if (d.kind === 'created' || d.kind === 'revised') {
        weightRows.push({
          period: w.period, weightA: w.weightA, weightB: w.weightB, weightC: w.weightC,
          sourceFile: input.fileName, publishedAt: dataAsOf, revision: d.revision, importRunId: runId,
        });
      }
    }
  }
  return commit(db, report, startedAt, runId, [
    ...plan.statements, ...insertStatements(db, contractResults, inserts), ...insertStatements(db, periodWeights, weightRows),
  ]);
}
