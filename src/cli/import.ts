/**
 * Node CLI: `npm run import -- FILE [--format text|json] [--kind KIND] [--published YYYY-MM-DD]`,
 * KIND one of IMPORT_KINDS (src/import/kinds.ts; default valkollen, Valkollen's own provider
 * file). Imports the file into the database named by DATABASE_URL, as the app and the sync do,
 * and prints the report. Exit codes: 0 ok, partial or unchanged; 1 validation or database
 * failure; 2 usage, settings or unreadable file.
 */
import { parseArgs } from 'node:util';
import { formatReport, type ReportFormat } from '../import/format-report';
import { readImportFile } from '../import/import-path.node.ts';
import { IMPORT_KINDS, IMPORT_KIND_NAMES, importFile, isImportKind } from '../import/kinds';
import type { ImportKind } from '../import/report';
import { runWithDatabase } from './run-with-database';

const USAGE = `usage: npm run import -- FILE [--format text|json] [--kind ${IMPORT_KIND_NAMES.join('|')}] [--published YYYY-MM-DD]`;

/** The usage line and what each kind is, for --help. */
const HELP = [USAGE, 'kinds:', ...IMPORT_KIND_NAMES.map((k) => `  ${k.padEnd(13)} ${IMPORT_KINDS[k].description}`)].join('\n');

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** The command line, checked; exits 2 with the usage on a mistake. */
function parseCommandLine(): { path: string; format: ReportFormat; kind: ImportKind; published?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        kind: { type: 'string', default: IMPORT_KIND_NAMES[0] },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  if (positionals.length !== 1) usage('give exactly one file to import');
  const { kind, published } = values;
  const format = values.format;
  if (format !== 'text' && format !== 'json') usage(`unknown --format "${format}" (text or json)`);
  if (!isImportKind(kind)) usage(`unknown --kind "${kind}"; supported: ${IMPORT_KIND_NAMES.join(', ')}`);
  return { path: positionals[0], format, kind, published };
}

async function main(): Promise<void> {
  const { path, format, kind, published } = parseCommandLine();
  let file;
  try {
    file = await readImportFile(path);
  } catch (e) {
    usage(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  runWithDatabase(async (db) => {
    const report = await importFile({ db, kind, ...file, published });
    return { code: report.status === 'failed' ? 1 : 0, out: `${formatReport(report, format)}\n`, err: '' };
  });
}

main().catch((e) => {
  process.stderr.write(`import failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
