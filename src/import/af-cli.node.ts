/**
 * Node-only: runs an AF import from the CLI (`npm run import -- --kind af-… FILE`):
 * reads the file's bytes, parses workbooks with exceljs, opens the database named by
 * DATABASE_URL and prints the report. Returns the process exit code
 * (0 ok/unchanged, 1 rejected file or database failure, 2 usage or unreadable file).
 */
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';
import type { Db } from '../db/types';
import type { AfImportReport, AfKind } from './af-common';
import { formatAfReport } from './af-format-report';
import { importAfProviders } from './af-providers-import';
import { importAfRatings } from './af-ratings-import';
import { importAfResults } from './af-results-import';
import type { Workbook } from './af-sheet';

export const AF_KINDS: AfKind[] = ['af-providers', 'af-ratings', 'af-results'];

/** Parses a workbook, turning a parser failure into a reportable reason. */
async function workbookOf(bytes: Uint8Array): Promise<Workbook | { error: string }> {
  try {
    // Loaded on demand: exceljs is large, and only the workbook kinds need it.
    const { readXlsx } = await import('./xlsx-read.node.ts');
    return await readXlsx(bytes);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Imports one AF file into `db` (used by the CLI, the tests and the benchmark). */
export async function importAfFile(db: Db, kind: AfKind, file: string, options: { published?: string; today?: Date } = {}): Promise<AfImportReport> {
  const bytes = new Uint8Array(await readFile(file));
  const base = { fileName: basename(file), bytes, today: options.today ?? new Date(), published: options.published };
  if (kind === 'af-providers') return importAfProviders(db, base);
  const workbook = await workbookOf(bytes);
  return kind === 'af-ratings' ? importAfRatings(db, { ...base, workbook }) : importAfResults(db, { ...base, workbook });
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
    const report = await importAfFile(database.db, args.kind as AfKind, args.file, { published: args.published });
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatAfReport(report)}\n`);
    return report.status === 'failed' ? 1 : 0;
  } finally {
    database.close();
  }
}
