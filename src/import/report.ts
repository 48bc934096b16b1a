/**
 * The report of one import, the same type for every kind of file: its status, the date the
 * data describes, counts, rejected and unmatched rows, and for AF's files a breakdown per
 * entity, joiners, leavers, merges and warnings. Runtime-neutral.
 */

/** Every kind of file the importers read; IMPORT_KINDS (kinds.ts) binds each to its importer. */
export type ImportKind = 'valkollen' | 'af-providers' | 'af-ratings' | 'af-results' | 'af-areas';

/** The kinds Arbetsförmedlingen publishes. */
export type AfKind = Exclude<ImportKind, 'valkollen'>;

/** Where the publication date came from (import_runs.data_as_of_basis). */
export type DateBasis = 'argument' | 'file_name' | 'periods';

/** Report lists longer than this are summarised in text (count + the first ones); JSON has all. */
export const REPORT_LIST_LIMIT = 20;

/**
 * A problem with a row or the file: `line` is the file's line (Valkollen's file), the
 * spreadsheet row (xlsx) or the entry number (JSON, 1-based over all pages); 0 = the whole file.
 * `field` is '' when it concerns the whole line or file.
 */
export interface ImportError {
  line: number;
  field: string;
  message: string;
  /** Sheet name (workbooks) or "page N, entry M" (AF's JSON). */
  where?: string;
}

/** A valid row an AF import could not place, by its key: reported, imported without the missing link or skipped. */
export interface KeyUnmatched {
  line: number;
  where?: string;
  kind: 'office' | 'contract' | 'provider';
  key: string;
  message: string;
}

/** An office in Valkollen's file whose municipality could not be found (imported with municipality 'unknown'). */
export interface OfficeUnmatched {
  line: number;
  kind: 'office';
  postcode: string;
  town: string;
  message: string;
}

export type Unmatched = KeyUnmatched | OfficeUnmatched;

/** The report; `K` narrows the kind where only some kinds are meant (AF's import runs). */
export interface ImportReport<K extends ImportKind = ImportKind> {
  /**
   * ok: written (or already stored) in full · partial: written, but some rows were rejected
   * or could not be placed (never "unchanged" then; AF's files only) · unchanged: the same data
   * was already stored · failed: nothing was written (the file was not the expected kind,
   * unreadable, had an invalid record (Valkollen's file), or the database failed).
   */
  status: 'ok' | 'partial' | 'unchanged' | 'failed';
  kind: K;
  fileName: string;
  /** Valkollen's file only: which of its two formats it was. */
  format?: 'csv' | 'json';
  sha256: string;
  /** The date the data describes (YYYY-MM-DD); '' when it could not be decided. */
  dataAsOf: string;
  /** AF's files: how dataAsOf was decided (--published, the file name, or the latest period in the file). */
  dataAsOfBasis: DateBasis | null;
  importRunId: number | null;
  /** Records (Valkollen's file) or data rows read (AF's JSON: provider entries; workbooks: non-empty rows under the header). */
  rowsRead: number;
  created: number;
  updated: number;
  /** Ratings/results for a period already stored with other values: added as revision n+1. */
  revised: number;
  unchanged: number;
  /** Offices of listed providers that the file no longer lists (deleted). */
  removed: number;
  /** Rows rejected (Valkollen's file: records with at least one error); named in `errors`. */
  rejected: number;
  /** Rejected rows (line > 0) and, when the import failed, why (line 0 = the whole file). */
  errors: ImportError[];
  unmatched: Unmatched[];
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
export function emptyReport<K extends ImportKind>(kind: K, fileName: string, sha256: string, dataAsOf: string): ImportReport<K> {
  return {
    status: 'failed', kind, fileName, sha256, dataAsOf, dataAsOfBasis: null, importRunId: null, rowsRead: 0,
    created: 0, updated: 0, revised: 0, unchanged: 0, removed: 0, rejected: 0,
    errors: [], unmatched: [], breakdown: {}, newAreas: [], joined: [], left: [], merges: [], warnings: [],
  };
}

/** Adds `n` to a breakdown counter and to the matching total. */
export function count(report: ImportReport, entity: string, what: 'created' | 'updated' | 'revised' | 'unchanged' | 'removed' | 'stale', n = 1): void {
  if (n === 0) return;
  const b = (report.breakdown[entity] ??= {});
  b[what] = (b[what] ?? 0) + n;
  if (what === 'stale') report.unchanged += n;
  else report[what] += n;
}
