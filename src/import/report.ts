/**
 * The report of one import: its status, the publication date and where it came from, counts,
 * rejected and unmatched rows, a breakdown per entity, joiners, leavers, merges and warnings.
 * Runtime-neutral.
 */
import type { ImportError } from './valkollen/provider-file-format';

export type AfKind = 'af-providers' | 'af-ratings' | 'af-results' | 'af-areas';

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
