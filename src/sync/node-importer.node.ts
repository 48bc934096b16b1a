/**
 * Node-only: the AF sync's importer. Each fetched file is written under its own name (the
 * importers read the publication date from it) to a private temporary directory and imported
 * with the same entry point as `npm run import -- --kind …` (importAfFile), so the sync and the
 * CLI import exactly alike. The directory is removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/types';
import { importAfFile } from '../import/af-cli.node.ts';
import type { AfBytesImporter } from './af-sync';
import { outcomeOf } from './import-summary';

/** A file name from a hostile page made safe for the file system (no separators, bounded). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(-150);
  return clean || 'af-file';
}

/** Imports fetched files through importAfFile. */
export function nodeImporter(db: Db): AfBytesImporter {
  return async (kind, fileName, bytes, today) => {
    const dir = await mkdtemp(join(tmpdir(), 'valkollen-sync-'));
    try {
      const file = join(dir, safeFileName(fileName));
      await writeFile(file, bytes);
      return outcomeOf(await importAfFile(db, kind, file, { today }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
