/**
 * Shared parts of the importers for Arbetsförmedlingen's published files (chooser JSON,
 * rating workbook, results workbook): the report shape, the publication date ("data as
 * of"), the file's SHA-256, import-run rows and explicit id allocation for one atomic batch.
 * Runtime-neutral (Web Crypto only).
 */
import { desc, and, eq, inArray, max } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { importRuns } from '../../db/schema';
import { runBatch, type Db } from '../../db/types';
import type { ImportError } from '../valkollen/provider-file-format';

export type AfKind = 'af-providers' | 'af-ratings' | 'af-results' | 'af-areas';

/** import_runs.source of each kind. */
export const AF_SOURCE: Record<AfKind, string> = {
  'af-providers': 'af_providers',
  'af-ratings': 'af_ratings',
  'af-results': 'af_results',
  'af-areas': 'af_areas',
};

/** Where the publication date came from (import_runs.data_as_of_basis). */
export type DateBasis = 'argument' | 'file_name' | 'periods';

/** Report lists longer than this are summarised in text (count + the first ones); JSON has all. */
export const REPORT_LIST_LIMIT = 20;

/** A row problem: `line` is the spreadsheet row (xlsx) or the entry number (JSON, 1-based over all pages). */
export interface AfRowError extends ImportError {
  /** Sheet name (workbooks) or "page N, entry M" (JSON). */
  where?: string;
}

/** A valid row the importer could not place: reported, imported without the missing link or skipped. */
export interface AfUnmatched {
  line: number;
  where?: string;
  kind: 'office' | 'contract' | 'provider';
  key: string;
  message: string;
}

export interface AfImportReport {
  /**
   * ok: written (or already stored) in full · partial: written, but some rows were rejected
   * or could not be placed (never "unchanged" then) · unchanged: the same data was already
   * stored · failed: nothing was written (the file was not the expected kind, unreadable, or
   * the database failed).
   */
  status: 'ok' | 'partial' | 'unchanged' | 'failed';
  kind: AfKind;
  fileName: string;
  sha256: string;
  /** Publication date of the file (YYYY-MM-DD); '' when it could not be decided. */
  dataAsOf: string;
  /** How dataAsOf was decided: --published, the file name, or the latest period in the file. */
  dataAsOfBasis: DateBasis | null;
  importRunId: number | null;
  /** Data rows read (JSON: provider entries; workbooks: non-empty rows under the header). */
  rowsRead: number;
  created: number;
  updated: number;
  /** Ratings/results for a period already stored with other values: added as revision n+1. */
  revised: number;
  unchanged: number;
  /** Offices of listed providers that AF no longer lists (deleted). */
  removed: number;
  /** Rows rejected because their identity is broken (no id, no name, bad KA …); named in `errors`. */
  rejected: number;
  /** Rejected rows (line > 0) and, when the import failed, why (line 0 = the whole file). */
  errors: AfRowError[];
  unmatched: AfUnmatched[];
  /** What the totals are made of, per entity: { contracts: { created: 3 }, ratings: { revised: 2 } … }. */
  breakdown: Record<string, Partial<Record<'created' | 'updated' | 'revised' | 'unchanged' | 'removed' | 'stale', number>>>;
  /** Delivery areas the file named that were unknown; created with source = the file name, no municipalities. */
  newAreas: string[];
  /** Providers (chooser) or contracts (workbooks) that joined or left since the previous import of this kind. */
  joined: string[];
  left: string[];
  /** Providers known only by name (from AF's workbooks) that this import identified, and how. */
  merges: string[];
  /** Details dropped or doubtful (the row was still imported), and other notes. */
  warnings: string[];
}

/** An empty report for a file. */
export function emptyReport(kind: AfKind, fileName: string, sha256: string, dataAsOf: string): AfImportReport {
  return {
    status: 'failed', kind, fileName, sha256, dataAsOf, dataAsOfBasis: null, importRunId: null, rowsRead: 0,
    created: 0, updated: 0, revised: 0, unchanged: 0, removed: 0, rejected: 0,
    errors: [], unmatched: [], breakdown: {}, newAreas: [], joined: [], left: [], merges: [], warnings: [],
  };
}

/** Adds `n` to a breakdown counter and to the matching total. */
export function count(report: AfImportReport, entity: string, what: 'created' | 'updated' | 'revised' | 'unchanged' | 'removed' | 'stale', n = 1): void {
  if (n === 0) return;
  const b = (report.breakdown[entity] ??= {});
  b[what] = (b[what] ?? 0) + n;
  if (what === 'stale') report.unchanged += n;
  else report[what] += n;
}

/** Hex SHA-256 of the file's bytes, via Web Crypto. */
export async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

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

/** Words for a DateBasis, for reports. */
export const DATE_BASIS_TEXT: Record<DateBasis, string> = {
  argument: 'given with --published',
  file_name: 'from the file name',
  periods: 'from the latest period in the file',
};

/** Sets the report's publication date, or records why it could not be decided. */
export function applyPublicationDate(report: AfImportReport, fileName: string, published: string | undefined, today: Date, periods: string[] = []): boolean {
  const pub = publicationDate(fileName, published, today.toISOString().slice(0, 10), periods);
  if ('error' in pub) {
    report.errors.push({ line: 0, field: 'published', message: pub.error });
    return false;
  }
  report.dataAsOf = pub.date;
  report.dataAsOfBasis = pub.basis;
  return true;
}

/**
 * Whether the import must stop before writing: a file-level error (line 0), no row accepted,
 * or more than half the rows rejected (the file is then more likely the wrong kind or shifted
 * than a few bad rows). Rejected rows alone do not stop it: they are named and skipped.
 */
export function mustFail(report: AfImportReport, accepted: number): boolean {
  if (report.errors.some((e) => e.line === 0)) return true;
  if (accepted === 0) {
    if (!report.errors.length) report.errors.push({ line: 0, field: '', message: 'the file has no rows to import' });
    else report.errors.push({ line: 0, field: '', message: 'every row was rejected; nothing was written' });
    return true;
  }
  if (report.rejected * 2 > report.rowsRead) {
    report.errors.push({ line: 0, field: '', message: `${report.rejected} of ${report.rowsRead} rows were rejected; the file looks broken, so nothing was written` });
    return true;
  }
  return false;
}

/** Next free id of a table with an integer id (explicit ids let one batch refer to new rows). */
export async function nextId(db: Db, table: SQLiteTable & { id: any }): Promise<number> {
  const [row] = await db.select({ id: max(table.id) }).from(table as SQLiteTable);
  return Number(row?.id ?? 0) + 1;
}

/** The latest successful run of `source` before this one: its data_as_of, or null. */
export async function previousRunDate(db: Db, source: string): Promise<string | null> {
  const [r] = await db
    .select({ d: importRuns.dataAsOf })
    .from(importRuns)
    .where(and(eq(importRuns.source, source), inArray(importRuns.status, ['ok', 'unchanged'])))
    .orderBy(desc(importRuns.dataAsOf))
    .limit(1);
  return r?.d ?? null;
}

/** The import_runs columns of a report (all but the id). */
function runValues(report: AfImportReport, startedAt: string) {
  const { errors, unmatched, breakdown, newAreas, joined, left, merges, warnings, revised, removed } = report;
  return {
    source: AF_SOURCE[report.kind],
    fileName: report.fileName,
    sha256: report.sha256,
    startedAt,
    finishedAt: new Date().toISOString(),
    dataAsOf: report.dataAsOf || null,
    dataAsOfBasis: report.dataAsOfBasis,
    status: report.status,
    rowsRead: report.rowsRead,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    report: JSON.stringify({ revised, removed, errors, unmatched, breakdown, newAreas, joined, left, merges, warnings }),
  };
}

/** The import_runs insert for a report (not executed). */
export function runRow(db: Db, report: AfImportReport, startedAt: string, id: number) {
  return db.insert(importRuns).values({ id, ...runValues(report, startedAt) });
}

/**
 * The import_runs update that writes the report's final figures into run `id` (not executed):
 * an import that writes as it goes inserts its run row first (its rows refer to it) and
 * completes it with this at the end of the same transaction.
 */
export function runRowUpdate(db: Db, report: AfImportReport, startedAt: string, id: number) {
  return db.update(importRuns).set(runValues(report, startedAt)).where(eq(importRuns.id, id));
}

/** Records a failed run on its own (no data changes) and returns the report. */
export async function recordFailedRun(db: Db, report: AfImportReport, startedAt: string): Promise<AfImportReport> {
  report.status = 'failed';
  report.rejected = Math.max(report.rejected, new Set(report.errors.filter((e) => e.line > 0).map((e) => `${e.where ?? ''}|${e.line}`)).size);
  const id = await nextId(db, importRuns);
  await runBatch(db, [runRow(db, report, startedAt, id)]);
  report.importRunId = id;
  return report;
}

/**
 * Writes the planned statements and the run row in ONE batch (the run row first: ratings
 * and results refer to it). On a database error nothing is written and a failed run is recorded.
 */
export async function commit(db: Db, report: AfImportReport, startedAt: string, runId: number, statements: unknown[]): Promise<AfImportReport> {
  settleStatus(report, runId);
  try {
    await runBatch(db, [runRow(db, report, startedAt, runId), ...statements]);
    return report;
  } catch (e) {
    return recordWriteFailure(db, report, startedAt, e);
  }
}

/** Sets the status of a report about to be written as run `runId` (see AfImportReport.status). */
export function settleStatus(report: AfImportReport, runId: number): void {
  const changed = report.created + report.updated + report.revised + report.removed > 0;
  report.status = report.rejected > 0 || report.unmatched.length > 0 ? 'partial' : changed ? 'ok' : 'unchanged';
  report.importRunId = runId;
}

/**
 * After a write that failed and was rolled back: clears the report's figures, says why nothing
 * was written, and records the failed run on its own.
 */
export async function recordWriteFailure(db: Db, report: AfImportReport, startedAt: string, e: unknown): Promise<AfImportReport> {
  Object.assign(report, { created: 0, updated: 0, revised: 0, unchanged: 0, removed: 0, importRunId: null, breakdown: {}, merges: [] });
  report.errors = [{ line: 0, field: '', message: `database error, nothing was written: ${(e as Error).message}` }];
  return recordFailedRun(db, report, startedAt);
}

/** Number of distinct rows named in row errors (line > 0). */
export function rejectedRows(errors: AfRowError[]): number {
  return new Set(errors.filter((e) => e.line > 0).map((e) => `${e.where ?? ''}|${e.line}`)).size;
}

/** Splits a list for IN (…) queries that stay under D1's bound-parameter limit. */
export function chunked<T>(items: T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The later / earlier of two ISO dates. */
export const later = (a: string, b: string) => (a > b ? a : b);
export const earlier = (a: string, b: string) => (a < b ? a : b);

