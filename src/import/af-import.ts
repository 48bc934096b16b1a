/**
 * The one entry for importing a file Arbetsförmedlingen publishes, from bytes and a file
 * name: the CLI (af-cli.node.ts), the scheduled sync and the tests all call importAfFile.
 * Runtime-neutral: workbooks are read by xlsx-read.ts (Web APIs, bounded memory), so the
 * Worker can import what its cron fetches. The results workbook (one sheet per period, the
 * largest of AF's files) is handed over unread and read one sheet at a time by its importer.
 */
import type { Db } from '../db/types';
import type { ImportReport, AfKind } from './report';
import { importAfAreas } from './af/areas/import-areas';
import { importAfProviders } from './af/providers/import-providers';
import { importAfRatings } from './af/ratings/import-ratings';
import { importAfResults } from './af/results/import-results';
import { RATING_SHEET } from './af/ratings/read-ratings';
import type { SheetSource, Workbook } from './sheet';
import { openXlsx, readXlsx, XlsxError } from './xlsx-read';

export const AF_KINDS: AfKind[] = ['af-providers', 'af-ratings', 'af-results', 'af-areas'];

export interface AfFileInput {
  db: Db;
  kind: AfKind;
  /** The file's bytes, exactly as published (hashed for the import run). */
  bytes: Uint8Array;
  /** The file's name as published: it may carry the publication date ("…-maj-2026.xlsx"). */
  fileName: string;
  /** Publication date YYYY-MM-DD when known (overrides the file name and the periods). */
  published?: string;
  /** "Now" (for "not in the future" checks); default the system clock. */
  clock?: () => Date;
}

/** Which sheets each workbook kind read whole reads; the others are listed but not parsed. */
const WANTED: Record<'af-ratings' | 'af-areas', (name: string) => boolean> = {
  'af-ratings': (n) => n.trim().toLowerCase() === RATING_SHEET.toLowerCase(),
  'af-areas': () => true,
};

/** Runs a reader, turning its failure into a reportable reason. */
function readable<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (e) {
    if (e instanceof XlsxError) return { error: e.message };
    return { error: `unreadable (${(e as Error).message})` };
  }
}

/** Parses a workbook's wanted sheets at once. */
const workbookOf = (bytes: Uint8Array, wanted: (name: string) => boolean): Workbook | { error: string } =>
  readable(() => readXlsx(bytes, { sheets: wanted }));

/** Opens a workbook for reading sheet by sheet (its directory, names and shared strings now). */
const sheetsOf = (bytes: Uint8Array): SheetSource | { error: string } => readable(() => openXlsx(bytes));

/** True when the bytes start like a zip archive (an .xlsx file). */
const looksLikeZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Imports one AF file of `kind` and returns the report (also stored in import_runs).
 * Never throws for bad input: a file that is not of the kind fails whole with nothing written.
 */
export async function importAfFile(input: AfFileInput): Promise<ImportReport> {
  const { db, kind, bytes, fileName, published } = input;
  const today = (input.clock ?? (() => new Date()))();
  const base = { fileName, bytes, today, published };
  if (kind === 'af-providers') return importAfProviders(db, base);
  if (kind === 'af-results') return importAfResults(db, { ...base, workbook: sheetsOf(bytes) });
  if (kind === 'af-areas' && !looksLikeZip(bytes)) return importAfAreas(db, { ...base, workbook: null });
  const workbook = workbookOf(bytes, WANTED[kind]);
  if (kind === 'af-areas') return importAfAreas(db, { ...base, workbook });
  return importAfRatings(db, { ...base, workbook });
}
