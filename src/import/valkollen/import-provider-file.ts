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
import type { FileImporter } from '../import-input';
import { nextId } from '../next-id';
import { emptyReport, type ImportError, type ImportReport } from '../report';
import { runValues } from '../run-values';
import { planProviderChanges } from './plan-provider-changes';
import { detectFormat, readProviderFile } from './read-provider-file';
import { validateProviderRecords } from './validate-provider-file';

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

  const report = emptyReport('valkollen', input.fileName, await sha256Hex(new TextEncoder().encode(input.text)), dataAsOf);
  report.format = format;
  report.rowsRead = parsed.records.length + parsed.errors.filter((e) => e.field === '' || e.field === 'record').length;
  report.rejected = parsed.errors.length > 0 ? Math.max(rejectedLines.size, 1) : validated.rejectedLines.size;
  report.errors = errors;
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

/**
 * The kind table's importer: the bytes as UTF-8 text, a byte order mark kept as the file
 * has it (as Node's readFile(…, 'utf8') does); --published does not apply (the file may state
 * data_as_of).
 */
export const importProviderFileBytes: FileImporter = (db, input) =>
  importProviderFile(db, { fileName: input.fileName, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(input.bytes), today: input.today });

/** The import_runs insert for a report (not executed). */
function runRow(db: Db, report: ImportReport, source: string, startedAt: string, id: number) {
  const details = { errors: report.errors, unmatched: report.unmatched, removed: report.removed, format: report.format };
  return db.insert(importRuns).values({ id, ...runValues(report, startedAt, source, details) });
}

/** Records a failed run on its own (no data changes). */
async function recordRun(db: Db, report: ImportReport, source: string, startedAt: string): Promise<ImportReport> {
  const id = await nextId(db, importRuns);
  await runBatch(db, [runRow(db, report, source, startedAt, id)]);
  report.importRunId = id;
  return report;
}
