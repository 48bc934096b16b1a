/**
 * The publication date ("data as of") of a file AF publishes: given with --published, else a
 * date in the file name (Swedish month names or numeric), else the latest period in the file.
 */
import type { ImportReport, DateBasis } from '../report';

const SV_MONTHS: Record<string, number> = {
  januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};

/**
 * A publication date in AF's file names: `…-2026-09-30.json` → 2026-09-30,
 * `betyg-rusta-och-matcha-2026-09.xlsx` → 2026-09-01, `betyg-rusta-och-matcha-maj-2026.xlsx` →
 * 2026-05-01, `resultatuppfoljning-mars-november-2025.xlsx` → 2025-11-01 (the last month named).
 */
export function dateFromFileName(fileName: string): string | null {
  const m = /(?:^|[^0-9])(20\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![0-9])/.exec(fileName);
  if (m) return `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  const tokens = fileName.replace(/\.[a-z0-9]+$/i, '').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^a-z0-9]+/);
  let month: number | null = null;
  let found: string | null = null;
  for (const t of tokens) {
    if (SV_MONTHS[t] !== undefined) month = SV_MONTHS[t];
    else if (/^20\d{2}$/.test(t) && month !== null) {
      found = `${t}-${String(month).padStart(2, '0')}-01`;
      month = null;
    }
  }
  return found;
}

/**
 * The publication date and where it came from: `published` (YYYY-MM-DD) when given, else a
 * date in the file name (see dateFromFileName), else the first day of the latest period the
 * file holds (`periods`, YYYY-MM), else an error asking for --published. Never in the future.
 */
export function publicationDate(
  fileName: string,
  published: string | undefined,
  today: string,
  periods: string[] = [],
): { date: string; basis: DateBasis } | { error: string } {
  let date: string | undefined;
  let basis: DateBasis;
  if (published !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(Date.parse(`${published}T00:00:00Z`))) {
      return { error: `--published must be a date YYYY-MM-DD, not "${published}"` };
    }
    date = published;
    basis = 'argument';
  } else if ((date = dateFromFileName(fileName) ?? undefined)) {
    basis = 'file_name';
  } else if (periods.length > 0) {
    date = `${[...periods].sort().at(-1)}-01`;
    basis = 'periods';
  } else {
    return { error: 'cannot tell when the file was published: the file name has no date (…-maj-2026.xlsx, …-2026-11-15.json) and the file names no period; pass --published YYYY-MM-DD' };
  }
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return { error: `${date} is not a calendar date` };
  if (date > today) return { error: `the publication date ${date} lies in the future` };
  return { date, basis };
}

/** Sets the report's publication date, or records why it could not be decided. */
export function applyPublicationDate(report: ImportReport, fileName: string, published: string | undefined, today: Date, periods: string[] = []): boolean {
  const pub = publicationDate(fileName, published, today.toISOString().slice(0, 10), periods);
  if ('error' in pub) {
    report.errors.push({ line: 0, field: 'published', message: pub.error });
    return false;
  }
  report.dataAsOf = pub.date;
  report.dataAsOfBasis = pub.basis;
  return true;
}
