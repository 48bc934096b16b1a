/**
 * Reads AF's results workbook: one sheet per period named "Resultat YYYY-MM" with PERIOD,
 * LEVERANSOMRÅDE, LEVERANTÖRNAMN, KA-NUMMER, BETYG, VIKTAT RESULTATMÅTT, ANTAL DELTAGARE
 * (+ NIVÅ A/B/C), ANTAL RR1/RR2 NIVÅ A/B/C, STARTDATUM AVTAL, AVTAL HAR VARIT AKTIVT I 22
 * MÅNADER and, in some periods only, RISKERAR HÄVNING. A column the sheet lacks is stored as
 * unknown (null), never as "no". Other sheets (e.g. "Beräkningssnurra …") are ignored.
 */
import type { AfRowError } from './af-common';
import {
  findHeader, isBlank, parseCount, parseDate, parseDecimal, parseKaNumber, parsePeriod, parseStars, parseYesNo, text,
  type Cell, type Workbook,
} from './af-sheet';

export interface ResultFigures {
  participants: number | null;
  participantsA: number | null;
  participantsB: number | null;
  participantsC: number | null;
  rr1A: number | null;
  rr1B: number | null;
  rr1C: number | null;
  rr2A: number | null;
  rr2B: number | null;
  rr2C: number | null;
  weightedScore: number | null;
  stars: number | null;
  active22Months: boolean | null;
  atRiskOfTermination: boolean | null;
}

export interface ResultFileRow {
  line: number;
  sheet: string;
  period: string;
  ka: string;
  providerName: string;
  areaName: string;
  /** undefined when the sheet has no STARTDATUM AVTAL column. */
  startDate: string | null | undefined;
  figures: ResultFigures;
}

export interface ReadResults {
  rows: ResultFileRow[];
  rowsRead: number;
  periods: string[];
  errors: AfRowError[];
  warnings: string[];
}

const COUNT_COLUMNS: [keyof ResultFigures, string][] = [
  ['participants', 'antal deltagare'],
  ['participantsA', 'antal deltagare niva a'],
  ['participantsB', 'antal deltagare niva b'],
  ['participantsC', 'antal deltagare niva c'],
  ['rr1A', 'antal rr1 niva a'],
  ['rr1B', 'antal rr1 niva b'],
  ['rr1C', 'antal rr1 niva c'],
  ['rr2A', 'antal rr2 niva a'],
  ['rr2B', 'antal rr2 niva b'],
  ['rr2C', 'antal rr2 niva c'],
];
const NAME_KEYS = ['leverantornamn', 'leverantorsnamn'];

/** Parses every "Resultat YYYY-MM" sheet; `errors` lists every rejected row. */
export function readResultsWorkbook(wb: Workbook): ReadResults {
  const out: ReadResults = { rows: [], rowsRead: 0, periods: [], errors: [], warnings: [] };
  for (const sheet of wb.sheets) {
    const m = /^resultat\s+(\d{4})-(0[1-9]|1[0-2])$/i.exec(sheet.name.trim());
    if (!m) {
      out.warnings.push(`sheet "${sheet.name}" ignored (not "Resultat YYYY-MM")`);
      continue;
    }
    const period = `${m[1]}-${m[2]}`;
    const where = sheet.name;
    if (out.periods.includes(period)) {
      out.errors.push({ line: 0, field: '', where, message: `a second sheet for period ${period}` });
      continue;
    }
    out.periods.push(period);
    const header = findHeader(sheet, ['leveransomrade', 'ka nummer']);
    const nameCol = header ? NAME_KEYS.map((k) => header.columns.get(k)).find((c) => c !== undefined) : undefined;
    if (!header || nameCol === undefined) {
      out.errors.push({ line: 1, field: '', where, message: 'no header row with LEVERANSOMRÅDE, LEVERANTÖRNAMN and KA-NUMMER in the first ten rows' });
      continue;
    }
    const col = (k: string) => header.columns.get(k);
    const missing = [...COUNT_COLUMNS.map(([, k]) => k), 'betyg', 'viktat resultatmatt', 'avtal har varit aktivt i 22 manader', 'riskerar havning']
      .filter((k) => col(k) === undefined);
    if (missing.length) out.warnings.push(`sheet "${sheet.name}" has no column ${missing.map((k) => `"${k.toUpperCase()}"`).join(', ')}: stored as unknown`);

    const seenKa = new Map<string, number>();
    for (const r of sheet.rows) {
      if (r.row <= header.headerRow || r.cells.every(isBlank)) continue;
      out.rowsRead++;
      const errorsBefore = out.errors.length;
      const fail = (field: string, message: string) => out.errors.push({ line: r.row, field, where, message });
      const cell = (k: string): Cell | undefined => (col(k) === undefined ? undefined : r.cells[col(k)!]);
      const name = text(r.cells[nameCol]);
      const area = text(cell('leveransomrade'));
      const rawKa = cell('ka nummer');
      const ka = parseKaNumber(rawKa);
      if (!name) fail('LEVERANTÖRNAMN', 'is required');
      if (!area) fail('LEVERANSOMRÅDE', 'is required');
      if (isBlank(rawKa)) fail('KA-NUMMER', 'is required');
      else if (!ka) fail('KA-NUMMER', `"${text(rawKa)}" is not a KA number`);
      else if (seenKa.has(ka)) fail('KA-NUMMER', `KA number ${ka} already appears on row ${seenKa.get(ka)}`);
      else seenKa.set(ka, r.row);
      const rowPeriod = cell('period');
      if (!isBlank(rowPeriod) && parsePeriod(rowPeriod) !== period) fail('PERIOD', `"${text(rowPeriod)}" does not match the sheet's period ${period}`);

      const figures = {} as ResultFigures;
      for (const [field, key] of COUNT_COLUMNS) {
        const v = parseCount(cell(key));
        if (v === undefined) fail(key.toUpperCase(), `"${text(cell(key))}" is not a whole number ≥ 0`);
        (figures as unknown as Record<string, number | null>)[field] = v ?? null;
      }
      const score = parseDecimal(cell('viktat resultatmatt'));
      if (score === undefined) fail('VIKTAT RESULTATMÅTT', `"${text(cell('viktat resultatmatt'))}" is not a number`);
      figures.weightedScore = score ?? null;
      const stars = parseStars(cell('betyg'));
      if (stars.kind === 'bad') fail('BETYG', `"${text(cell('betyg'))}" is not a rating (1–4 or "Betyg saknas")`);
      figures.stars = stars.kind === 'stars' ? stars.stars : null;
      for (const [field, key, label] of [
        ['active22Months', 'avtal har varit aktivt i 22 manader', 'AVTAL HAR VARIT AKTIVT I 22 MÅNADER'],
        ['atRiskOfTermination', 'riskerar havning', 'RISKERAR HÄVNING'],
      ] as const) {
        const v = parseYesNo(cell(key));
        if (v === undefined) fail(label, `"${text(cell(key))}" is not Ja or Nej`);
        figures[field] = v ?? null;
      }
      const start = col('startdatum avtal') === undefined ? undefined : parseDate(cell('startdatum avtal'));
      if (col('startdatum avtal') !== undefined && start === undefined) fail('STARTDATUM AVTAL', `"${text(cell('startdatum avtal'))}" is not a date`);
      if (out.errors.length > errorsBefore) continue;
      out.rows.push({ line: r.row, sheet: sheet.name, period, ka: ka!, providerName: name, areaName: area, startDate: start, figures });
    }
  }
  if (out.periods.length === 0 && out.errors.length === 0) {
    out.errors.push({ line: 0, field: '', message: `the workbook has no sheet "Resultat YYYY-MM" (sheets: ${wb.sheets.map((s) => s.name).join(', ') || 'none'})` });
  }
  out.periods.sort();
  return out;
}
