/**
 * Reads AF's results workbook ("resultatuppfoljning-…xlsx"): one sheet per period named
 * "Resultat YYYY-MM", with the columns AF documents in its "Beskrivning" sheet —
 * PERIOD, LEVERANSOMRÅDE, LEVERANTÖRNAMN, KA-NUMMER, STARTDATUM AVTAL, AVTAL HAR VARIT AKTIVT
 * I 22 MÅNADER, BETYG (1–4 or "-"), BETYG 1 ELLER SAKNAR BETYG, VIKTAT RESULTATMÅTT, VIKTAT
 * RESULTATMÅTT LÄGRE ÄN 0,2, RISKERAR HÄVNING, ANTAL DELTAGARE (+ NIVÅ A/B/C) and ANTAL RR1/RR2
 * NIVÅ A/B/C. "Beräkningssnurra YYYY-MM" sheets (the level weights) are read by
 * read-weights.ts; "Beskrivning …" sheets are AF's prose and skipped.
 *
 * Policy (docs/af-import.md): a column AF leaves out in a period is unknown (null), never
 * "no"; a row without provider, area or a valid KA number, or whose PERIOD contradicts its
 * sheet, is rejected and named; an unreadable figure is stored as unknown with a warning.
 *
 * Sheets are read one at a time (resultSheets), so an importer holds one period's rows, not
 * the file's (issue 17: 11 periods × 8,000 contracts).
 */
import type { ImportError } from '../../report';
import { findHeader, isBlank, parseCount, parseDate, parseDecimal, parseKaNumber, parsePeriod, parseStars, parseYesNo, text } from '../cells';
import type { Cell, Sheet, SheetSource } from '../../sheet';

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
  weightedScoreBelow02: boolean | null;
  stars: number | null;
  /** BETYG was "-" (true), 1–4 (false), or the column/cell is absent (null). */
  noRating: boolean | null;
  ratingOneOrNone: boolean | null;
  active22Months: boolean | null;
  atRiskOfTermination: boolean | null;
  contractStartDate: string | null;
}

export interface ResultFileRow {
  line: number;
  sheet: string;
  period: string;
  ka: string;
  providerName: string;
  areaName: string;
  figures: ResultFigures;
}

/** What reading a file's sheets found besides the accepted rows. */
export interface ResultsLog {
  rowsRead: number;
  /** Periods with a "Resultat" sheet, ascending once every sheet has been read. */
  periods: string[];
  /** Rejected rows (line > 0) and file-level problems (line 0). */
  errors: ImportError[];
  warnings: string[];
}

/** One "Resultat YYYY-MM" sheet's accepted rows. */
export interface ResultSheet {
  sheet: string;
  period: string;
  rows: ResultFileRow[];
}

/** An empty ResultsLog. */
export const emptyResultsLog = (): ResultsLog => ({ rowsRead: 0, periods: [], errors: [], warnings: [] });

/** Header keys (folded, see headerKey) of the count columns. */
const COUNT_COLUMNS: [keyof ResultFigures, string, string][] = [
  ['participants', 'antal deltagare', 'ANTAL DELTAGARE'],
  ['participantsA', 'antal deltagare niva a', 'ANTAL DELTAGARE NIVÅ A'],
  ['participantsB', 'antal deltagare niva b', 'ANTAL DELTAGARE NIVÅ B'],
  ['participantsC', 'antal deltagare niva c', 'ANTAL DELTAGARE NIVÅ C'],
  ['rr1A', 'antal rr1 niva a', 'ANTAL RR1 NIVÅ A'],
  ['rr1B', 'antal rr1 niva b', 'ANTAL RR1 NIVÅ B'],
  ['rr1C', 'antal rr1 niva c', 'ANTAL RR1 NIVÅ C'],
  ['rr2A', 'antal rr2 niva a', 'ANTAL RR2 NIVÅ A'],
  ['rr2B', 'antal rr2 niva b', 'ANTAL RR2 NIVÅ B'],
  ['rr2C', 'antal rr2 niva c', 'ANTAL RR2 NIVÅ C'],
];
const YES_NO_COLUMNS: [keyof ResultFigures, string, string][] = [
  ['active22Months', 'avtal har varit aktivt i 22 manader', 'AVTAL HAR VARIT AKTIVT I 22 MÅNADER'],
  ['ratingOneOrNone', 'betyg 1 eller saknar betyg', 'BETYG 1 ELLER SAKNAR BETYG'],
  ['weightedScoreBelow02', 'viktat resultatmatt lagre an 0 2', 'VIKTAT RESULTATMÅTT LÄGRE ÄN 0,2'],
  ['atRiskOfTermination', 'riskerar havning', 'RISKERAR HÄVNING'],
];
/** Every figure column AF documents, for the "column missing in this period" note. */
const FIGURE_COLUMNS: [string, string][] = [
  ...COUNT_COLUMNS.map(([, k, l]) => [k, l] as [string, string]),
  ...YES_NO_COLUMNS.map(([, k, l]) => [k, l] as [string, string]),
  ['betyg', 'BETYG'],
  ['viktat resultatmatt', 'VIKTAT RESULTATMÅTT'],
  ['startdatum avtal', 'STARTDATUM AVTAL'],
];
const NAME_KEYS = ['leverantornamn', 'leverantorsnamn'];

/** The period of a "Resultat YYYY-MM" sheet name, or null. */
export function resultSheetPeriod(name: string): string | null {
  const m = /^resultat\s+(\d{4})-(0[1-9]|1[0-2])$/i.exec(name.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * Reads the "Resultat YYYY-MM" sheets of `book` one at a time, in the workbook's order: each
 * sheet is parsed only when the caller asks for the next one, and its rows are the caller's to
 * keep or let go. Row counts, rejected rows and notes go to `log`; after the last sheet `log`
 * says when the file has no results sheet at all, and its periods are sorted. Other sheets are
 * skipped (AF's "Beskrivning" and "Beräkningssnurra" quietly, anything else with a warning).
 * A sheet that cannot be read throws (xlsx-read.ts: XlsxError).
 */
export function* resultSheets(book: SheetSource, log: ResultsLog): Generator<ResultSheet, void, undefined> {
  for (let i = 0; i < book.names.length; i++) {
    const name = book.names[i];
    const period = resultSheetPeriod(name);
    if (!period) {
      if (!/^(beskrivning|beräkningssnurra|berakningssnurra)\b/i.test(name.trim())) log.warnings.push(`sheet "${name}" ignored (not "Resultat YYYY-MM")`);
      continue;
    }
    if (log.periods.includes(period)) {
      log.errors.push({ line: 0, field: '', where: name, message: `a second sheet for period ${period}` });
      continue;
    }
    log.periods.push(period);
    yield { sheet: name, period, rows: readResultSheet(book.read(i), period, log) };
  }
  if (log.periods.length === 0 && log.errors.length === 0) {
    log.errors.push({ line: 0, field: '', message: `not AF's results workbook: it has no sheet "Resultat YYYY-MM" (sheets: ${book.names.join(', ') || 'none'})` });
  }
  log.periods.sort();
}

/** Parses one "Resultat YYYY-MM" sheet of `period`: its accepted rows; the rest goes to `out`. */
function readResultSheet(sheet: Sheet, period: string, out: ResultsLog): ResultFileRow[] {
  const rows: ResultFileRow[] = [];
  const where = sheet.name;
  const header = findHeader(sheet, ['leveransomrade', 'ka nummer']);
  const nameCol = header ? NAME_KEYS.map((k) => header.columns.get(k)).find((c) => c !== undefined) : undefined;
  if (!header || nameCol === undefined) {
    out.errors.push({ line: 0, field: '', where, message: 'no header row with LEVERANSOMRÅDE, LEVERANTÖRNAMN and KA-NUMMER in the first ten rows' });
    return rows;
  }
  const col = (k: string) => header.columns.get(k);
  const missing = FIGURE_COLUMNS.filter(([k]) => col(k) === undefined).map(([, label]) => `"${label}"`);
  if (missing.length) out.warnings.push(`sheet "${sheet.name}" has no column ${missing.join(', ')}: stored as unknown for ${period}`);

  const seenKa = new Map<string, number>();
  for (const r of sheet.rows) {
    if (r.row <= header.headerRow || r.cells.every(isBlank)) continue;
    out.rowsRead++;
    const cell = (k: string): Cell | undefined => (col(k) === undefined ? undefined : r.cells[col(k)!]);
    const reject = (field: string, message: string) => out.errors.push({ line: r.row, field, where, message });
    const drop = (label: string, key: string, what: string) =>
      out.warnings.push(`${where}, row ${r.row}: ${label} "${text(cell(key))}" is not ${what}; stored as unknown`);

    // Identity: without these the row cannot be placed.
    const name = text(r.cells[nameCol]);
    const area = text(cell('leveransomrade'));
    const rawKa = cell('ka nummer');
    const ka = parseKaNumber(rawKa);
    const rowPeriod = cell('period');
    if (isBlank(rawKa)) reject('KA-NUMMER', 'is required');
    else if (!ka) reject('KA-NUMMER', `"${text(rawKa)}" is not a KA number`);
    else if (seenKa.has(ka)) reject('KA-NUMMER', `KA number ${ka} already appears on row ${seenKa.get(ka)}`);
    else if (!name) reject('LEVERANTÖRNAMN', 'is required');
    else if (!area) reject('LEVERANSOMRÅDE', 'is required');
    else if (!isBlank(rowPeriod) && parsePeriod(rowPeriod) !== period) reject('PERIOD', `"${text(rowPeriod)}" does not match the sheet's period ${period}`);
    else {
      seenKa.set(ka, r.row);
      const figures = {} as ResultFigures;
      const f = figures as unknown as Record<string, unknown>;
      // Each column of a group read with its parser; a cell it cannot read is dropped with a warning.
      const readColumns = (columns: typeof COUNT_COLUMNS, parse: (c: Cell | undefined) => unknown, what: string) => {
        for (const [field, key, label] of columns) {
          const v = parse(cell(key));
          if (v === undefined) drop(label, key, what);
          f[field] = v ?? null;
        }
      };
      readColumns(COUNT_COLUMNS, parseCount, 'a whole number ≥ 0');
      const score = parseDecimal(cell('viktat resultatmatt'));
      if (score === undefined) drop('VIKTAT RESULTATMÅTT', 'viktat resultatmatt', 'a number');
      figures.weightedScore = score ?? null;
      const stars = col('betyg') === undefined ? null : parseStars(cell('betyg'));
      if (stars?.kind === 'bad') drop('BETYG', 'betyg', 'a rating (1–4 or "-")');
      figures.stars = stars?.kind === 'stars' ? stars.stars : null;
      figures.noRating = stars?.kind === 'stars' ? false : stars?.kind === 'missing' ? true : null;
      readColumns(YES_NO_COLUMNS, parseYesNo, 'Ja or Nej');
      const start = parseDate(cell('startdatum avtal'));
      if (start === undefined) drop('STARTDATUM AVTAL', 'startdatum avtal', 'a date');
      figures.contractStartDate = start ?? null;
      rows.push({ line: r.row, sheet: sheet.name, period, ka: ka!, providerName: name, areaName: area, figures });
    }
  }
  return rows;
}
