/**
 * An import report as the CLI prints it, for every kind: text for people or JSON for tools
 * (`--format json`). Each pipeline keeps the shape it has always had, since other tools read
 * them: Valkollen's provider file a short report listing every error, AF's files a longer one
 * whose long lists are summarised in text (their count and the first REPORT_LIST_LIMIT entries;
 * the JSON has all). Runtime-neutral.
 */
import { REPORT_LIST_LIMIT, type DateBasis, type ImportError, type ImportReport, type Unmatched } from './report';

export type ReportFormat = 'text' | 'json';

/** The fields of each pipeline's JSON, in their order: the shape tools parse. */
const JSON_FIELDS: Record<'valkollen' | 'af', (keyof ImportReport)[]> = {
  valkollen: ['status', 'fileName', 'format', 'sha256', 'dataAsOf', 'importRunId', 'rowsRead', 'created', 'updated', 'unchanged', 'removed', 'rejected', 'errors', 'unmatched'],
  af: [
    'status', 'kind', 'fileName', 'sha256', 'dataAsOf', 'dataAsOfBasis', 'importRunId', 'rowsRead', 'created', 'updated', 'revised', 'unchanged', 'removed',
    'rejected', 'errors', 'unmatched', 'breakdown', 'newAreas', 'joined', 'left', 'merges', 'warnings',
  ],
};

/** Words for a DateBasis. */
const DATE_BASIS_TEXT: Record<DateBasis, string> = {
  argument: 'given with --published',
  file_name: 'from the file name',
  periods: 'from the latest period in the file',
};

const AF_STATUS_TEXT: Record<ImportReport['status'], string> = {
  ok: 'IMPORTED',
  partial: 'IMPORTED WITH ROWS LEFT OUT',
  unchanged: 'UNCHANGED',
  failed: 'FAILED, NOTHING WRITTEN',
};

/** The report as text (multi-line, no final newline) or as indented JSON. */
export function formatReport(r: ImportReport, format: ReportFormat): string {
  const pipeline = r.kind === 'valkollen' ? 'valkollen' : 'af';
  if (format === 'json') return JSON.stringify(Object.fromEntries(JSON_FIELDS[pipeline].map((k) => [k, r[k]])), null, 2);
  return pipeline === 'valkollen' ? providerFileText(r) : afText(r);
}

/** What an unmatched row is: an AF key ("contract KA-1") or an office's postcode and town. */
const unmatchedName = (u: Unmatched) => ('key' in u ? `${u.kind} ${u.key}` : `${u.postcode} ${u.town}`);

/** Valkollen's file: status, counts, every error with its line and field, unmatched offices. */
function providerFileText(r: ImportReport): string {
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
    for (const u of r.unmatched) out.push(`    line ${u.line}: ${unmatchedName(u)} — ${u.message}`);
  }
  return out.join('\n');
}

/** A titled list, summarised past REPORT_LIST_LIMIT entries; nothing when empty. */
function list(out: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  out.push(`  ${title} (${items.length}):`);
  for (const s of items.slice(0, REPORT_LIST_LIMIT)) out.push(`    ${s}`);
  if (items.length > REPORT_LIST_LIMIT) out.push(`    … and ${items.length - REPORT_LIST_LIMIT} more (--format json lists all)`);
}

/** AF's files: status, date and its source, counts, rejected rows, unmatched, merges, joiners, leavers, warnings. */
function afText(r: ImportReport): string {
  const date = r.dataAsOf ? `data as of ${r.dataAsOf}${r.dataAsOfBasis ? ` (${DATE_BASIS_TEXT[r.dataAsOfBasis]})` : ''}` : 'data as of ?';
  const out = [
    `${r.fileName}: ${AF_STATUS_TEXT[r.status]} (${r.kind}, ${date}, import run ${r.importRunId ?? '-'})`,
    `  rows read ${r.rowsRead} · created ${r.created} · updated ${r.updated} · revised ${r.revised} · unchanged ${r.unchanged} · removed ${r.removed} · unmatched ${r.unmatched.length} · rejected ${r.rejected}`,
    `  sha256 ${r.sha256}`,
  ];
  const parts = Object.entries(r.breakdown).map(([k, v]) => `${k}: ${Object.entries(v).map(([a, n]) => `${a} ${n}`).join(', ')}`);
  if (parts.length) out.push(`  ${parts.join(' · ')}`);
  const fileErrors = r.errors.filter((e) => e.line === 0);
  const rowErrors = r.errors.filter((e) => e.line > 0);
  const fmt = (e: ImportError) => `${e.where ? `${e.where}, ` : ''}${e.line ? `row ${e.line}` : 'file'}${e.field ? `, ${e.field}` : ''}: ${e.message}`;
  if (r.status === 'failed') list(out, 'why nothing was written', fileErrors.map(fmt));
  list(out, r.status === 'failed' ? 'rejected rows' : 'rejected rows (not imported, the rest was)', rowErrors.map(fmt));
  list(out, 'unmatched (valid rows that could not be placed; skipped)', r.unmatched.map((u) => `${'where' in u && u.where ? `${u.where}, ` : ''}row ${u.line}: ${unmatchedName(u)} — ${u.message}`));
  list(out, 'providers identified (merges)', r.merges);
  list(out, 'new delivery areas', r.newAreas);
  list(out, 'joined', r.joined);
  list(out, 'left', r.left);
  list(out, 'warnings (details dropped or noted; rows still imported)', r.warnings);
  return out.join('\n');
}
