/**
 * Valkollen's own provider import format (documented in docs/import-format.md):
 * the CSV columns, record kinds and the raw record shape both readers produce.
 */
import type { ImportError } from '../report';

/** CSV columns. `record` says which kind a row is; each kind fills its own columns. */
export const CSV_COLUMNS = [
  'record', 'orgnr', 'name', 'website', 'description', 'languages', 'remote_meetings',
  'ka_number', 'delivery_area', 'start_date', 'accepting_new', 'street', 'postcode', 'town',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const RECORD_KINDS = ['provider', 'contract', 'office'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Columns a record kind may fill (others must stay empty in CSV). */
export const FIELDS_BY_KIND: Record<RecordKind, readonly string[]> = {
  provider: ['orgnr', 'name', 'website', 'description', 'languages', 'remote_meetings'],
  contract: ['orgnr', 'ka_number', 'delivery_area', 'start_date', 'accepting_new'],
  office: ['orgnr', 'street', 'postcode', 'town'],
};

/** One provider, contract or office as read from a file, before validation. */
export interface RawRecord {
  kind: RecordKind;
  /** Line where the record starts (1-based). */
  line: number;
  /** Field values as found (strings from CSV; any JSON value from JSON). Absent = undefined. */
  fields: Record<string, unknown>;
  /** Line of each field's value where it differs from `line` (JSON). */
  fieldLines: Record<string, number>;
}

export interface ParsedFile {
  format: 'csv' | 'json';
  records: RawRecord[];
  /** data_as_of stated in the file, unvalidated (undefined when absent). */
  dataAsOf?: { value: unknown; line: number };
  /** File-level problems (syntax, header); when non-empty, records may be incomplete. */
  errors: ImportError[];
}
