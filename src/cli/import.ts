/**
 * Node CLI: `npm run import -- FILE [--format text|json] [--kind valkollen|af-providers|af-ratings|af-results|af-areas] [--published YYYY-MM-DD]`.
 * Imports a provider file into the database named by DATABASE_URL (as the app does).
 * Exit codes: 0 ok/unchanged, 1 validation or database failure, 2 usage or unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';
import { formatReport } from '../import/format-report';
import { importProviderFile } from '../import/valkollen/import-provider-file';
import { runAfImportCli } from '../import/af-cli.node.ts';

/** Import kinds; AF's own files (af-providers, af-ratings, af-results, af-areas) get their own importers. */
const KINDS = { valkollen: importProviderFile } as const;

const USAGE = `usage: npm run import -- FILE [--format text|json] [--kind ${Object.keys(KINDS).join('|')}|af-providers|af-ratings|af-results|af-areas] [--published YYYY-MM-DD]`;

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        kind: { type: 'string', default: 'valkollen' },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) usage('give exactly one file to import');
  if (values.format !== 'text' && values.format !== 'json') usage(`unknown --format "${values.format}" (text or json)`);
  if (values.kind.startsWith('af-')) return runAfImportCli({ kind: values.kind, file: positionals[0], format: values.format, published: values.published });
  const importer = KINDS[values.kind as keyof typeof KINDS];
  if (!importer) usage(`unknown --kind "${values.kind}"; supported: ${Object.keys(KINDS).join(', ')}`);

  const file = positionals[0];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) usage(e.message);
    throw e;
  }
  const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await migrateNodeDatabase(database);
    const report = await importer(database.db, { fileName: basename(file), text, today: new Date() });
    process.stdout.write(`${formatReport(report, values.format)}\n`);
    return report.status === 'failed' ? 1 : 0;
  } finally {
    database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`import failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
