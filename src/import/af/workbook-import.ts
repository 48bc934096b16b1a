/**
 * The start every AF workbook import shares: the report with the file's hash, and the
 * workbook, or the reason it could not be read as the report's file error.
 */
import { sha256Hex } from '../../lib/sha256';
import type { FileInput } from '../import-input';
import { emptyReport } from '../report';
import type { Workbook } from '../sheet';

/** An AF workbook to import: the file, and its parsed workbook or why it could not be read. */
export interface AfWorkbookInput extends FileInput {
  workbook: Workbook | { error: string };
}

/**
 * Start of an AF workbook import: hash and a readable workbook (the date comes after reading).
 * `W` is how the importer takes the workbook: held whole (Workbook) or sheet by sheet.
 */
export async function startWorkbookImport<W extends object = Workbook>(
  kind: 'af-ratings' | 'af-results' | 'af-areas',
  input: { fileName: string; bytes: Uint8Array; workbook: W | { error: string } },
) {
  const startedAt = new Date().toISOString();
  const report = emptyReport(kind, input.fileName, await sha256Hex(input.bytes), '');
  const failed = 'error' in input.workbook ? (input.workbook as { error: string }) : null;
  if (failed) report.errors.push({ line: 0, field: '', message: `not a readable .xlsx workbook: ${failed.error}` });
  return { startedAt, report, workbook: failed ? null : (input.workbook as W) };
}
