/**
 * Node-only: importing a file from disk (the CLI, the tests and the benchmark). Everything
 * else in src/import is runtime-neutral and takes the file's bytes.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../db/types';
import { importFile } from './kinds';
import type { ImportKind, ImportReport } from './report';

/** The bytes of the file at `path` and its name; rejects (ENOENT …) when it cannot be read. */
export async function readImportFile(path: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  return { bytes: new Uint8Array(await readFile(path)), fileName: basename(path) };
}

/** Imports the file at `path` as `kind` into `db`; `today` is "now" (default the system clock). */
export async function importPath(db: Db, kind: ImportKind, path: string, options: { published?: string; today?: Date } = {}): Promise<ImportReport> {
  const { today, published } = options;
  return importFile({ db, kind, ...(await readImportFile(path)), published, clock: today ? () => today : undefined });
}
