/**
 * The AF sync's importer, the same in both runtimes: each fetched file goes through importFile
 * (import/kinds.ts; `npm run import -- --kind …` uses it too) under its published file name,
 * which may carry the publication date. Workbooks are read by the runtime-neutral xlsx reader, so the
 * Worker's cron imports them as Node does.
 */
import type { Db } from '../db/types';
import type { ImportReport } from '../import/report';
import { importFile } from '../import/kinds';
import type { AfBytesImporter, ImportOutcome } from './af-sync';

/** The outcome of one import, with the first three errors as the message when it failed. */
export function outcomeOf(report: ImportReport): ImportOutcome {
  const message = report.errors
    .slice(0, 3)
    .map((e) => `${e.where ? `${e.where}, ` : ''}${e.line ? `row ${e.line}` : ''}${e.field ? ` ${e.field}` : ''}: ${e.message}`.replace(/^: /, ''))
    .join('; ');
  return { status: report.status, importRunId: report.importRunId, ...(message ? { message: message.slice(0, 1000) } : {}) };
}

/** Imports fetched files into `db` through importFile. */
export function afImporter(db: Db): AfBytesImporter {
  return async (kind, fileName, bytes, today) => outcomeOf(await importFile({ db, kind, bytes, fileName, clock: () => today }));
}
