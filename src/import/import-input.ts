/** What every importer is given, whatever the kind of file: the shape the kind table (kinds.ts) calls. */
import type { Db } from '../db/types';
import type { ImportReport } from './report';

/** A file to import, as published. */
export interface FileInput {
  /** The file's name as published: it may carry the publication date ("…-maj-2026.xlsx"). */
  fileName: string;
  /** The file's bytes, exactly as published (hashed for the import run). */
  bytes: Uint8Array;
  /** "Now": decides "not in the future", and the date of a file that states none. */
  today: Date;
  /** Publication date YYYY-MM-DD when known (AF's files: overrides the file name and the periods). */
  published?: string;
}

/** Imports one file of its kind into `db` and reports; never throws for bad input (a refused file is a failed report). */
export type FileImporter = (db: Db, input: FileInput) => Promise<ImportReport>;
