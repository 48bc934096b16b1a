/**
 * Imports AF's results workbook (parsed into plain sheet data): result figures per contract
 * and period, revisions kept (a changed period gets revision n+1), contracts mapped by KA
 * number, everything in ONE batch with the import run.
 */
import { contractResults, importRuns } from '../db/schema';
import type { Db } from '../db/types';
import { commit, count, nextId, recordFailedRun, type AfImportReport } from './af-common';
import { insertStatements } from './af-common';
import { planContracts, type WorkbookContractRow } from './af-contracts';
import { startWorkbookImport, type AfWorkbookInput } from './af-ratings-import';
import { readResultsWorkbook, type ResultFigures } from './af-results-read';
import { decide, latestRevisions } from './af-revisions';

const FIELDS: (keyof ResultFigures)[] = [
  'participants', 'participantsA', 'participantsB', 'participantsC', 'rr1A', 'rr1B', 'rr1C', 'rr2A', 'rr2B', 'rr2C',
  'weightedScore', 'stars', 'active22Months', 'atRiskOfTermination',
];

/** Imports a results workbook; see docs/af-import.md. */
export async function importAfResults(db: Db, input: AfWorkbookInput): Promise<AfImportReport> {
  const { startedAt, report, workbook } = await startWorkbookImport('af-results', input);
  if (!workbook) return recordFailedRun(db, report, startedAt);
  const read = readResultsWorkbook(workbook);
  report.rowsRead = read.rowsRead;
  report.warnings.push(...read.warnings);
  report.errors.push(...read.errors);
  report.rejected = new Set(read.errors.map((e) => `${e.where}|${e.line}`)).size;
  if (report.errors.length > 0) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;

  // One contract row per KA number: the latest period's name and area.
  const latestRow = new Map<string, WorkbookContractRow & { period: string }>();
  for (const r of read.rows) {
    const had = latestRow.get(r.ka);
    if (!had || r.period > had.period) {
      latestRow.set(r.ka, { line: r.line, where: r.sheet, ka: r.ka, providerName: r.providerName, areaName: r.areaName, afRegion: null, startDate: r.startDate, period: r.period });
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
  return commit(db, report, startedAt, runId, [...plan.statements, ...insertStatements(db, contractResults, inserts)]);
}
