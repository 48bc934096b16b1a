/**
 * When an AF import refuses the whole file (nothing written) rather than skipping the rows it
 * rejected, and how many distinct rows were rejected.
 */
import type { ImportReport, ImportError } from '../report';

/**
 * Whether the import must stop before writing: a file-level error (line 0), no row accepted,
 * or more than half the rows rejected (the file is then more likely the wrong kind or shifted
 * than a few bad rows). Rejected rows alone do not stop it: they are named and skipped.
 */
export function mustFail(report: ImportReport, accepted: number): boolean {
  if (report.errors.some((e) => e.line === 0)) return true;
  if (accepted === 0) {
    if (!report.errors.length) report.errors.push({ line: 0, field: '', message: 'the file has no rows to import' });
    else report.errors.push({ line: 0, field: '', message: 'every row was rejected; nothing was written' });
    return true;
  }
  if (report.rejected * 2 > report.rowsRead) {
    report.errors.push({ line: 0, field: '', message: `${report.rejected} of ${report.rowsRead} rows were rejected; the file looks broken, so nothing was written` });
    return true;
  }
  return false;
}

/** Number of distinct rows named in row errors (line > 0). */
export function rejectedRows(errors: ImportError[]): number {
  return new Set(errors.filter((e) => e.line > 0).map((e) => `${e.where ?? ''}|${e.line}`)).size;
}
