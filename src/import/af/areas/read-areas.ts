/**
 * Reads a delivery-area membership file for RoM 2 (`--kind af-areas`): CSV (',' or ';') or
 * the first sheet of an .xlsx workbook that has the columns — municipality (a four-digit code
 * or a name), delivery area, AF region, valid from, and optionally basis. Headers are matched
 * case- and diacritics-insensitively in Swedish or English ("Kommun", "Kommunkod",
 * "Leveransområde", "Af region", "Giltig från", "Underlag" · "municipality", "delivery_area",
 * "af_region", "valid_from", "basis"). Rows are returned as text; import-areas.ts checks them.
 */
import { parse } from 'csv-parse/sync';
import { foldForSearch } from '../../../lib/text-fold';
import type { ImportError } from '../../report';
import { headerKey, isBlank, text } from '../cells';
import type { Cell, Sheet, Workbook } from '../../sheet';

export interface AreaFileRow {
  line: number;
  where: string;
  municipality: string;
  area: string;
  region: string;
  validFrom: Cell;
  basis: string;
}

const COLUMNS: Record<keyof Omit<AreaFileRow, 'line' | 'where'>, string[]> = {
  municipality: ['kommun', 'kommunkod', 'kommunnamn', 'kommunnummer', 'kommun kod', 'kommun namn', 'municipality', 'municipality code', 'municipality name'],
  area: ['leveransomrade', 'leveransomradets namn', 'delivery area', 'area'],
  region: ['af region', 'region', 'af marknadsomrade', 'marknadsomrade', 'af region namn'],
  validFrom: ['giltig fran', 'giltigt fran', 'fran och med', 'fran', 'valid from', 'from'],
  basis: ['basis', 'underlag', 'kalla', 'source'],
};

/** The column of each field in a header row, or null when municipality or area is missing. */
function headerColumns(cells: Cell[]): Partial<Record<keyof typeof COLUMNS, number>> | null {
  const keys = cells.map(headerKey);
  const out: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string[]][]) {
    const i = keys.findIndex((k) => names.includes(k) || names.includes(k.replace(/ /g, '')));
    if (i >= 0) out[field] = i;
  }
  return out.municipality !== undefined && out.area !== undefined ? out : null;
}

/** CSV text as one sheet (row numbers = line numbers). */
export function csvSheet(textIn: string, name: string): Sheet | { error: string } {
  const src = textIn.replace(/^\uFEFF/, '');
  const headerLine = src.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
  try {
    const rows = parse(src, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, comment: '#', comment_no_infix: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { name, rows: rows.map((r) => ({ row: r.info.lines, cells: r.record })) };
  } catch (e) {
    return { error: `CSV syntax: ${(e as Error).message}` };
  }
}

/** Finds the membership table in the sheets and returns its rows. */
export function readAreaFile(sheets: Sheet[]): { rows: AreaFileRow[]; rowsRead: number; errors: ImportError[]; warnings: string[] } {
  const out = { rows: [] as AreaFileRow[], rowsRead: 0, errors: [] as ImportError[], warnings: [] as string[] };
  for (const sheet of sheets) {
    for (const head of sheet.rows.slice(0, 10)) {
      const cols = headerColumns(head.cells);
      if (!cols) continue;
      if (cols.region === undefined) out.warnings.push(`${sheet.name}: no AF region column; regions are left as they are`);
      if (cols.validFrom === undefined) out.warnings.push(`${sheet.name}: no valid-from column; memberships count from the file's publication date`);
      const at = (cells: Cell[], i: number | undefined) => (i === undefined ? '' : text(cells[i]));
      for (const r of sheet.rows) {
        if (r.row <= head.row || r.cells.every(isBlank)) continue;
        out.rowsRead++;
        out.rows.push({
          line: r.row, where: sheet.name,
          municipality: at(r.cells, cols.municipality), area: at(r.cells, cols.area), region: at(r.cells, cols.region),
          validFrom: cols.validFrom === undefined ? null : r.cells[cols.validFrom] ?? null, basis: at(r.cells, cols.basis),
        });
      }
      return out;
    }
  }
  out.errors.push({
    line: 0, field: '',
    message: `not a delivery-area file: no sheet has a header row with a municipality column (${COLUMNS.municipality.slice(0, 2).join(', ')} …) and a delivery-area column (Leveransområde) in its first ten rows`,
  });
  return out;
}

/** Municipality lookup keys for a name as people write it ("Göteborgs stad", "Region Gotland", "Malung-Sälens kommun"). */
export function municipalityNameKeys(name: string): string[] {
  const k = foldForSearch(name);
  const keys = new Set([k]);
  const bare = k.replace(/^region /, '').replace(/ (kommun|stad|municipality)$/, '');
  keys.add(bare);
  if (bare !== k && bare.endsWith('s')) keys.add(bare.slice(0, -1));
  return [...keys];
}

/** Workbook sheets (xlsx) or the CSV text as sheets. */
export function sheetsOf(workbook: Workbook | null, bytes: Uint8Array, fileName: string): Sheet[] | { error: string } {
  if (workbook) return workbook.sheets;
  let textIn: string;
  try {
    textIn = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'the file is neither an .xlsx workbook nor UTF-8 CSV text' };
  }
  if (textIn.includes('\u0000')) return { error: 'the file is neither an .xlsx workbook nor CSV text' };
  const sheet = csvSheet(textIn, fileName);
  return 'error' in sheet ? sheet : [sheet];
}
