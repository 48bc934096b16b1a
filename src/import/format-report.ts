/**
 * Human-readable text of an import report (used by the CLI; runtime-neutral).
 */
import type { ImportReport } from './valkollen/import-provider-file';

/** Multi-line summary: status, counts, every error with its line and field, unmatched rows. */
export function formatImportReport(r: ImportReport): string {
  const out = [
    `${r.fileName}: ${r.status.toUpperCase()} (${r.format}, data as of ${r.dataAsOf}, import run ${r.importRunId ?? '-'})`,
    `  records read ${r.rowsRead} · created ${r.created} · updated ${r.updated} · unchanged ${r.unchanged} · offices removed ${r.removed} · rejected ${r.rejected}`,
  ];
  if (r.errors.length > 0) {
    out.push(`  ${r.errors.length} error(s); nothing was written:`);
    for (const e of r.errors) out.push(`    line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`);
  }
  if (r.unmatched.length > 0) {
    out.push(`  ${r.unmatched.length} office(s) without a municipality:`);
    for (const u of r.unmatched) out.push(`    line ${u.line}: ${u.postcode} ${u.town} — ${u.message}`);
  }
  return out.join('\n');
}
