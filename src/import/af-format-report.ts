/**
 * Human-readable text of an AF import report (used by the CLI; runtime-neutral).
 */
import type { AfImportReport } from './af-common';

const LIST_LIMIT = 50;

function list(out: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  out.push(`  ${title} (${items.length}):`);
  for (const s of items.slice(0, LIST_LIMIT)) out.push(`    ${s}`);
  if (items.length > LIST_LIMIT) out.push(`    … and ${items.length - LIST_LIMIT} more (use --format json for all)`);
}

/** Multi-line summary: status, counts, every error with its row, unmatched rows, joiners and leavers. */
export function formatAfReport(r: AfImportReport): string {
  const out = [
    `${r.fileName}: ${r.status.toUpperCase()} (${r.kind}, data as of ${r.dataAsOf || '?'}, import run ${r.importRunId ?? '-'})`,
    `  rows read ${r.rowsRead} · created ${r.created} · updated ${r.updated} · revised ${r.revised} · unchanged ${r.unchanged} · removed ${r.removed} · unmatched ${r.unmatched.length} · rejected ${r.rejected}`,
    `  sha256 ${r.sha256}`,
  ];
  const parts = Object.entries(r.breakdown).map(([k, v]) => `${k}: ${Object.entries(v).map(([a, n]) => `${a} ${n}`).join(', ')}`);
  if (parts.length) out.push(`  ${parts.join(' · ')}`);
  if (r.errors.length > 0) {
    out.push(`  ${r.errors.length} error(s); nothing was written:`);
    for (const e of r.errors) {
      out.push(`    ${e.where ? `${e.where}, ` : ''}${e.line ? `row ${e.line}` : 'file'}${e.field ? `, ${e.field}` : ''}: ${e.message}`);
    }
  }
  list(out, 'unmatched', r.unmatched.map((u) => `${u.where ? `${u.where}, ` : ''}row ${u.line}: ${u.kind} ${u.key} — ${u.message}`));
  list(out, 'new delivery areas (municipalities unknown)', r.newAreas);
  list(out, 'joined', r.joined);
  list(out, 'left', r.left);
  list(out, 'warnings', r.warnings);
  return out.join('\n');
}
