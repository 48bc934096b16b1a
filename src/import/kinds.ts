/**
 * The kinds of file the importers read, each with its importer and a description: the one
 * list the CLI (usage, --kind), the scheduled sync and the docs go by, and the one entry,
 * importFile, for importing a file of a kind from its bytes. Runtime-neutral: the Worker's
 * cron imports what the sync fetches through it.
 */
import type { Db } from '../db/types';
import { importAreasFile } from './af/areas/import-areas';
import { importAfProviders } from './af/providers/import-providers';
import { importRatingsFile } from './af/ratings/import-ratings';
import { importResultsFile } from './af/results/import-results';
import type { FileImporter, FileInput } from './import-input';
import type { ImportKind, ImportReport } from './report';
import { importProviderFileBytes } from './valkollen/import-provider-file';

export interface ImportKindEntry {
  /** One line for people: what file this is. */
  description: string;
  importer: FileImporter;
}

/** Every kind, in the order the CLI lists them (the first is its default). */
export const IMPORT_KINDS: Record<ImportKind, ImportKindEntry> = {
  valkollen: { description: "Valkollen's own provider file, CSV or JSON (docs/import-format.md)", importer: importProviderFileBytes },
  'af-providers': { description: "AF's chooser list of providers, JSON (sokleverantor-….json)", importer: importAfProviders },
  'af-ratings': { description: "AF's rating workbook (betyg-rusta-och-matcha-….xlsx)", importer: importRatingsFile },
  'af-results': { description: "AF's results workbook, one sheet per period (resultatuppfoljning-….xlsx)", importer: importResultsFile },
  'af-areas': { description: "RoM 2's delivery areas and their municipalities, CSV or .xlsx made from AF's document", importer: importAreasFile },
};

/** The kind names, in table order. */
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKind[];

/** True when `name` is a kind in the table. */
export function isImportKind(name: string): name is ImportKind {
  return Object.hasOwn(IMPORT_KINDS, name);
}

/** A file to import and its kind; `clock` is "now" (default the system clock). */
export interface ImportFileInput extends Omit<FileInput, 'today'> {
  db: Db;
  kind: ImportKind;
  clock?: () => Date;
}

/**
 * Imports one file of `kind` through the kind's importer and returns the report (also stored
 * in import_runs). Never throws for bad input: a file that is not of the kind fails whole
 * with nothing written.
 */
export function importFile(input: ImportFileInput): Promise<ImportReport> {
  const { db, kind, clock, ...file } = input;
  return IMPORT_KINDS[kind].importer(db, { ...file, today: (clock ?? (() => new Date()))() });
}
