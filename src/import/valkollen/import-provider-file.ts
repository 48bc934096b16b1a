/**
 * Imports a provider file in Valkollen's own format (CSV or JSON): read, validate every
 * record, then write all changes in ONE atomic batch together with the import-run row.
 * All or nothing: any invalid record, or a database failure, leaves the data untouched;
 * the run is recorded either way. Idempotent by organisation number and KA number.
 */
import { z } from 'zod';
import { importRuns } from '../../db/schema';
import { runBatch, type Db } from '../../db/types';
import { sha256Hex } from '../../lib/sha256';
import { nextId } from '../next-id';
import { planProviderChanges, type Unmatched } from './plan-provider-changes';
import type { ImportError } from './provider-file-format';
import { detectFormat, readProviderFile } from './read-provider-file';
import { validateProviderRecords } from './validate-provider-file';

export interface ImportReport {
  status: 'ok' | 'unchanged' | 'failed';
  fileName: string;
  format: 'csv' | 'json';
  sha256: string;
  dataAsOf: string;
  importRunId: number | null;
  /** Records read (provider, contract and office rows / objects). */
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Offices of listed providers that the file no longer lists (deleted). */
  removed: number;
  /** Records with at least one error. */
  rejected: number;
  errors: ImportError[];
  /** Offices whose municipality could not be found (imported with municipality 'unknown'). */
  unmatched: Unmatched[];
}

const isoDate = z.iso.date();

/**
 * Imports `text` (the file's content). `today` decides "data as of" when the file states
 * none, and which delivery areas are current.
 */
export async function importProviderFile(
  db: Db,
  input: { fileName: string; text: string; today: Date },
): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const today = input.today.toISOString().slice(0, 10);
  const format = detectFormat(input.fileName, input.text);
  const source = format === 'json' ? 'valkollen_json' : 'valkollen_csv';
  const parsed = readProviderFile(input.text, format);
  const errors: ImportError[] = [...parsed.errors];

  let dataAsOf = today;
  if (parsed.dataAsOf) {
    const v = parsed.dataAsOf.value;
    if (typeof v !== 'string' || !isoDate.safeParse(v).success) {
      errors.push({ line: parsed.dataAsOf.line, field: 'data_as_of', message: 'data_as_of must be a date YYYY-MM-DD' });
    } else if (v > today) {
      errors.push({ line: parsed.dataAsOf.line, field: 'data_as_of', message: 'data_as_of lies in the future' });
    } else dataAsOf = v;
  }

  const validated = await validateProviderRecords(db, parsed.records, today);
  errors.push(...validated.errors);
  errors.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
  const rejectedLines = new Set([...validated.rejectedLines, ...parsed.errors.map((e) => e.line)]);

  const report: ImportReport = {
    status: 'failed',
    fileName: input.fileName,
    format,
    sha256: await sha256Hex(new TextEncoder().encode(input.text)),
    dataAsOf,
    importRunId: null,
    rowsRead: parsed.records.length + parsed.errors.filter((e) => e.field === '' || e.field === 'record').length,
    created: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    rejected: parsed.errors.length > 0 ? Math.max(rejectedLines.size, 1) : validated.rejectedLines.size,
    errors,
    unmatched: [],
  };
  if (parsed.records.length === 0 && errors.length === 0) {
    errors.push({ line: 1, field: '', message: 'the file contains no providers' });
  }
  if (errors.length > 0) return recordRun(db, report, source, startedAt);

  const plan = await planProviderChanges(db, validated, { dataAsOf, source });
  Object.assign(report, {
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    removed: plan.removed,
    unmatched: plan.unmatched,
  });
  report.status = plan.created + plan.updated + plan.removed === 0 ? 'unchanged' : 'ok';
  const runId = await nextId(db, importRuns);
  report.importRunId = runId;
  try {
    await runBatch(db, [...plan.statements, runRow(db, report, source, startedAt, runId)]);
    return report;
  } catch (e) {
    Object.assign(report, { status: 'failed', created: 0, updated: 0, unchanged: 0, removed: 0, importRunId: null });
    report.errors = [{ line: 0, field: '', message: `database error, nothing was written: ${(e as Error).message}` }];
    return recordRun(db, report, source, startedAt);
  }
}

function runRow(db: Db, report: ImportReport, source: string, startedAt: string, id: number) {
  return db.insert(importRuns).values({
    id,
    source,
    fileName: report.fileName,
    sha256: report.sha256,
    startedAt,
    finishedAt: new Date().toISOString(),
    dataAsOf: report.dataAsOf,
    status: report.status,
    rowsRead: report.rowsRead,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    report: JSON.stringify({ errors: report.errors, unmatched: report.unmatched, removed: report.removed, format: report.format }),
  });
}

/** Records a failed run on its own (no data changes). */
async function recordRun(db: Db, report: ImportReport, source: string, startedAt: string): Promise<ImportReport> {
  const id = await nextId(db, importRuns);
  await runBatch(db, [runRow(db, report, source, startedAt, id)]);
  report.importRunId = id;
  return report;
}
