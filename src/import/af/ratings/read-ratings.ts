/**
 * Reads AF's rating workbook (sheet "Betyg över tid"): Leverantörsnamn, Leveransområde,
 * Af Region, Ka-Nummer, then one column per period ("januari 2025" …). A cell holds
 * 1–4 stars, "Betyg saknas" or "-" (no rating) or nothing (no figure that period).
 * A row without name, area or a valid KA number is rejected and named; an unreadable rating
 * cell is skipped with a warning (the row's other periods are kept). A workbook without the
 * sheet, its header or any period column is not AF's rating file and fails whole.
 */
import type { ImportError } from '../../report';
import { findHeader, isBlank, parseKaNumber, parsePeriod, parseStars, text } from '../cells';
import type { Workbook } from '../../sheet';

export const RATING_SHEET = 'Betyg över tid';

export interface RatingValue {
  period: string;
  stars: number | null;
  nullReason: string | null;
}

export interface RatingFileRow {
  line: number;
  ka: string;
  providerName: string;
  areaName: string;
  afRegion: string | null;
  values: RatingValue[];
}

export interface ReadRatings {
  rows: RatingFileRow[];
  rowsRead: number;
  periods: string[];
  errors: ImportError[];
  warnings: string[];
}

const COLUMNS = { name: 'leverantorsnamn', area: 'leveransomrade', region: 'af region', ka: 'ka nummer' } as const;

/** Parses the rating sheet; `errors` lists every rejected row (nothing may be written then). */
export function readRatingWorkbook(wb: Workbook): ReadRatings {
  const out: ReadRatings = { rows: [], rowsRead: 0, periods: [], errors: [], warnings: [] };
  const sheet = wb.sheets.find((s) => s.name.trim().toLowerCase() === RATING_SHEET.toLowerCase());
  const where = RATING_SHEET;
  if (!sheet) {
    out.errors.push({ line: 0, field: '', message: `not AF's rating workbook: it has no sheet "${RATING_SHEET}" (sheets: ${wb.sheets.map((s) => s.name).join(', ') || 'none'})` });
    return out;
  }
  const header = findHeader(sheet, [COLUMNS.name, COLUMNS.area, COLUMNS.ka]);
  if (!header) {
    out.errors.push({ line: 0, field: '', where, message: 'no header row with Leverantörsnamn, Leveransområde and Ka-Nummer in the first ten rows' });
    return out;
  }
  const col = (k: string) => header.columns.get(k);
  const headerCells = sheet.rows.find((r) => r.row === header.headerRow)!.cells;
  const periodCols: { col: number; period: string }[] = [];
  headerCells.forEach((cell, i) => {
    if ([COLUMNS.name, COLUMNS.area, COLUMNS.region, COLUMNS.ka].includes(header.all[i] as never) || isBlank(cell)) return;
    const period = parsePeriod(cell);
    if (!period) out.warnings.push(`column ${i + 1} ("${text(cell)}") is neither a known column nor a period; ignored`);
    else if (periodCols.some((p) => p.period === period)) out.errors.push({ line: 0, field: text(cell), where, message: `period ${period} appears in two columns (header row ${header.headerRow})` });
    else periodCols.push({ col: i, period });
  });
  if (periodCols.length === 0) out.errors.push({ line: 0, field: '', where, message: 'no period columns ("januari 2025" …) after Ka-Nummer' });
  out.periods = periodCols.map((p) => p.period).sort();

  const seenKa = new Map<string, number>();
  for (const r of sheet.rows) {
    if (r.row <= header.headerRow || r.cells.every(isBlank)) continue;
    out.rowsRead++;
    const fail = (field: string, message: string) => out.errors.push({ line: r.row, field, where, message });
    const name = text(r.cells[col(COLUMNS.name)!]);
    const area = text(r.cells[col(COLUMNS.area)!]);
    const rawKa = r.cells[col(COLUMNS.ka)!];
    const ka = parseKaNumber(rawKa);
    if (isBlank(rawKa)) fail('Ka-Nummer', 'is required');
    else if (!ka) fail('Ka-Nummer', `"${text(rawKa)}" is not a KA number (3–40 letters, digits, "-" or "/")`);
    else if (seenKa.has(ka)) fail('Ka-Nummer', `KA number ${ka} already appears on row ${seenKa.get(ka)}`);
    else if (!name) fail('Leverantörsnamn', 'is required');
    else if (!area) fail('Leveransområde', 'is required');
    if (!ka || seenKa.has(ka) || !name || !area) continue;
    seenKa.set(ka, r.row);
    const values: RatingValue[] = [];
    for (const p of periodCols) {
      const v = parseStars(r.cells[p.col]);
      if (v.kind === 'stars') values.push({ period: p.period, stars: v.stars, nullReason: null });
      else if (v.kind === 'missing') values.push({ period: p.period, stars: null, nullReason: 'not_published' });
      else if (v.kind === 'bad') {
        out.warnings.push(`${where}, row ${r.row} (KA ${ka}), ${text(headerCells[p.col])}: "${text(r.cells[p.col])}" is not a rating (1–4, "Betyg saknas" or "-"); that period was skipped`);
      }
    }
    const region = col(COLUMNS.region) === undefined ? '' : text(r.cells[col(COLUMNS.region)!]);
    out.rows.push({ line: r.row, ka: ka!, providerName: name, areaName: area, afRegion: region || null, values });
  }
  if (out.rowsRead === 0 && out.errors.length === 0) out.errors.push({ line: 0, field: '', where, message: 'the sheet has no rows under the header' });
  return out;
}
