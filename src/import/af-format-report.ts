/**
 * Human-readable text of an AF import report (used by the CLI; runtime-neutral). Long lists
 * are summarised: their count and the first REPORT_LIST_LIMIT entries; `--format json` has all.
 */
import { REPORT_LIST_LIMIT, type AfImportReport, type DateBasis } from './report';

/** Words for a DateBasis, for reports. */
const DATE_BASIS_TEXT: Record<DateBasis, string> = {
  argument: 'given with --published',
  file_name: 'from the file name',
  periods: 'from the latest period in the file',
};

function list(out: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  out.push(`  ${title} (${items.length}):`);
  for (const s of items.slice(0, REPORT_LIST_LIMIT)) out.push(`    ${s}`);
  if (items.length > REPORT_LIST_LIMIT) out.push(`    … and ${items.length - REPORT_LIST_LIMIT} more (--format json lists all)`);
}

const STATUS_TEXT: Record<AfImportReport['status'], string> = {
  ok: 'IMPORTED',
  partial: 'IMPORTED WITH ROWS LEFT OUT',
  unchanged: 'UNCHANGED',
  failed: 'FAILED, NOTHING WRITTEN',
};

/** Multi-line summary: status, date and its source, counts, rejected rows, unmatched, merges, joiners, leavers, warnings. */
export function formatAfReport(r: AfImportReport): string {
  const date = r.dataAsOf ? `data as of ${r.dataAsOf}${r.dataAsOfBasis ? ` (${DATE_BASIS_TEXT[r.dataAsOfBasis]})` : ''}` : 'data as of ?';
  const out = [
    `${r.fileName}: ${STATUS_TEXT[r.status]} (${r.kind}, ${date}, import run ${r.importRunId ?? '-'})`,
    `  rows read ${r.rowsRead} · created ${r.created} · updated ${r.updated} · revised ${r.revised} · unchanged ${r.unchanged} · removed ${r.removed} · unmatched ${r.unmatched.length} · rejected ${r.rejected}`,
    `  sha256 ${r.sha256}`,
  ];
  const parts = Object.entries(r.breakdown).map(([k, v]) => `${k}: ${Object.entries(v).map(([a, n]) => `${a} ${n}`).join(', ')}`);
  if (parts.length) out.push(`  ${parts.join(' · ')}`);
  const fileErrors = r.errors.filter((e) => e.line === 0);
  const rowErrors = r.errors.filter((e) => e.line > 0);
  const fmt = (e: AfImportReport['errors'][number]) => `${e.where ? `${e.where}, ` : ''}${e.line ? `row ${e.line}` : 'file'}${e.field ? `, ${e.field}` : ''}: ${e.message}`;
  if (r.status === 'failed') list(out, 'why nothing was written', fileErrors.map(fmt));
  list(out, r.status === 'failed' ? 'rejected rows' : 'rejected rows (not imported, the rest was)', rowErrors.map(fmt));
  list(out, 'unmatched (valid rows that could not be placed; skipped)', r.unmatched.map((u) => `${u.where ? `${u.where}, ` : ''}row ${u.line}: ${u.kind} ${u.key} — ${u.message}`));
  list(out, 'providers identified (merges)', r.merges);
  list(out, 'new delivery areas', r.newAreas);
  list(out, 'joined', r.joined);
  list(out, 'left', r.left);
  list(out, 'warnings (details dropped or noted; rows still imported)', r.warnings);
  return out.join('\n');
}
