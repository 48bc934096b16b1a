/**
 * CSV writing for exports (RFC 4180, comma-separated, CRLF, UTF-8 with BOM so spreadsheet
 * programs read å, ä, ö). Cells that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab/CR) are prefixed with an apostrophe: exported text comes from crawled pages.
 */

/** One CSV cell, quoted when needed and neutralised against formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document from a header and rows of cells. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
