/**
 * Cell conversions for AF's workbooks: blanks and dashes, header matching, Swedish period
 * names ("januari 2025" → 2025-01), numbers with decimal commas, yes/no, dates, stars, KA numbers.
 */
import { foldForSearch } from '../../lib/text-fold';
import type { Cell, Sheet } from '../sheet';

/** True when the cell holds nothing (null or blank text). */
export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** True for a lone dash, AF's mark for "no value" ("-", or a typographic dash). */
export function isDash(c: Cell | undefined): boolean {
  return typeof c === 'string' && /^\s*[-‐‑‒–—−]\s*$/.test(c);
}

/** The cell as trimmed text ('' when blank). */
export function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** Header key: folded, single spaces ("KA-NUMMER" → "ka nummer", "Ka-Nummer" → "ka nummer"). */
export function headerKey(c: Cell | undefined): string {
  return foldForSearch(text(c));
}

const MONTHS: Record<string, string> = {
  januari: '01', februari: '02', mars: '03', april: '04', maj: '05', juni: '06',
  juli: '07', augusti: '08', september: '09', oktober: '10', november: '11', december: '12',
};

/** A period header or value → YYYY-MM: "januari 2025", "jan 2025", "2025-01", "202501", or a date cell. */
export function parsePeriod(c: Cell | undefined): string | null {
  if (c instanceof Date) return c.toISOString().slice(0, 7);
  const s = foldForSearch(text(c));
  let m = /^(\d{4}) ?(0[1-9]|1[0-2])(?: \d{2})?$/.exec(s);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^([a-z]+) (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1]] ?? Object.entries(MONTHS).find(([name]) => m![1].length >= 3 && name.startsWith(m![1]))?.[1];
    if (month) return `${m[2]}-${month}`;
  }
  return null;
}

/** A non-negative integer count, null when blank, undefined when not a count. */
export function parseCount(c: Cell | undefined): number | null | undefined {
  if (isBlank(c) || isDash(c)) return null;
  const n = typeof c === 'number' ? c : Number(text(c).replace(/[\s\u00a0]/g, ''));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** A decimal number ("0,4213" or 0.4213), null when blank, undefined when not a number. */
export function parseDecimal(c: Cell | undefined): number | null | undefined {
  if (isBlank(c) || isDash(c)) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  const s = text(c).replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Ja/Nej (also yes/no, true/false, 1/0, X) → boolean; null when blank; undefined otherwise. */
export function parseYesNo(c: Cell | undefined): boolean | null | undefined {
  if (isBlank(c)) return null;
  if (typeof c === 'boolean') return c;
  const s = foldForSearch(text(c));
  if (['ja', 'yes', 'true', '1', 'x', 'j'].includes(s)) return true;
  if (['nej', 'no', 'false', '0', 'n'].includes(s)) return false;
  return undefined;
}

/** A date cell or text (YYYY-MM-DD, YYYYMMDD) → YYYY-MM-DD; null when blank; undefined otherwise. */
export function parseDate(c: Cell | undefined): string | null | undefined {
  if (isBlank(c)) return null;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = text(c);
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Stars as AF prints them: 1–4 → number; "Betyg saknas" or a dash ("-", AF's results file:
 * "Leverantörer som saknar betyg markeras med ett streck") → no rating; blank → absent.
 */
export function parseStars(c: Cell | undefined): { kind: 'absent' } | { kind: 'stars'; stars: number } | { kind: 'missing' } | { kind: 'bad' } {
  if (isBlank(c)) return { kind: 'absent' };
  if (isDash(c)) return { kind: 'missing' };
  const s = foldForSearch(text(c));
  if (s === 'betyg saknas' || s === 'saknas') return { kind: 'missing' };
  const n = typeof c === 'number' ? c : /^\d$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 4 ? { kind: 'stars', stars: n } : { kind: 'bad' };
}

/** KA number as stored: trimmed, upper-case; null when it is not 3–40 letters, digits, "-" or "/". */
export function parseKaNumber(c: Cell | undefined): string | null {
  const s = (typeof c === 'number' ? String(c) : text(c)).toUpperCase();
  return /^[A-Z0-9][A-Z0-9\-/]{2,39}$/.test(s) ? s : null;
}

/**
 * Finds the header row (the first row among the first ten that holds every required header)
 * and returns the column of each known header key.
 */
export function findHeader(sheet: Sheet, required: string[]): { headerRow: number; columns: Map<string, number>; all: string[] } | null {
  for (const r of sheet.rows.slice(0, 10)) {
    const keys = r.cells.map(headerKey);
    if (required.every((k) => keys.includes(k))) {
      const columns = new Map<string, number>();
      keys.forEach((k, i) => {
        if (k && !columns.has(k)) columns.set(k, i);
      });
      return { headerRow: r.row, columns, all: keys };
    }
  }
  return null;
}
