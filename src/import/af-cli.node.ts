/**
 * Node-only: runs an AF import from the CLI (`npm run import -- --kind af-… FILE`):
 * reads the file's bytes, opens the database named by DATABASE_URL, imports through
 * importAfFile (af-import.ts) and prints the report. Returns the process exit code
 * (0 ok/partial/unchanged, 1 rejected file or database failure, 2 usage or unreadable file).
 */
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';
import type { Db } from '../db/types';
import type { ImportReport, AfKind } from './report';
import { formatReport } from './format-report';
import { AF_KINDS, importAfFile } from './af-import';

export { AF_KINDS };

/** Imports the AF file at `file` into `db` (used by the CLI, the tests and the benchmark). */
export async function importAfPath(db: Db, kind: AfKind, file: string, options: { published?: string; today?: Date } = {}): Promise<ImportReport> {
  const bytes = new Uint8Array(await readFile(file));
  const today = options.today;
  return importAfFile({ db, kind, bytes, fileName: basename(file), published: options.published, clock: today ? () => today : undefined });
}

/** The CLI's AF branch. */
export async function runAfImportCli(args: { kind: string; file: string; format: string; published?: string }): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    return 2;
  };
  if (!AF_KINDS.includes(args.kind as AfKind)) return fail(`unknown --kind "${args.kind}"; AF kinds: ${AF_KINDS.join(', ')}`);
  try {
    await access(args.file);
  } catch (e) {
    return fail(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.message);
    throw e;
  }
  const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await migrateNodeDatabase(database);
    const report = await importAfPath(database.db, args.kind as AfKind, args.file, { published: args.published });
    process.stdout.write(`${formatReport(report, args.format === 'json' ? 'json' : 'text')}\n`);
    return report.status === 'failed' ? 1 : 0;
  } finally {
    database.close();
  }
}
