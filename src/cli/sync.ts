/**
 * `npm run sync -- [--format text|json]`: fetches the configured AF sources (AF_CHOOSER_URL,
 * AF_FILES_URL) now and imports what changed, one import run per file (see src/sync/af-sync.ts).
 * Exit codes: 0 everything fetched and imported (or unchanged), 1 a source failed (the last
 * good data is kept), 2 usage error, bad settings, or no source configured.
 */
import { parseArgs } from 'node:util';
import { createNodePageFetcher } from '../web/fetch.node.ts';
import { consoleLogger } from '../http/logging';
import { runAfSync, syncConfigured } from '../sync/af-sync';
import { formatSyncSummary } from '../sync/format-summary';
import { afImporter } from '../sync/importer';
import { syncFetcherOptions } from '../sync/sync-setup';
import { runWithDatabase } from './run-with-database';

const USAGE = 'usage: npm run sync -- [--format text|json]   (settings: AF_CHOOSER_URL, AF_FILES_URL; see README)';

let values: { format?: string; help?: boolean };
try {
  values = parseArgs({ options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values;
} catch (e) {
  process.stderr.write(`sync: ${(e as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.format !== 'text' && values.format !== 'json') {
  process.stderr.write(`sync: --format must be text or json\n${USAGE}\n`);
  process.exit(2);
}

runWithDatabase(async (db, config) => {
  if (!syncConfigured(config)) {
    return { code: 2, out: '', err: 'sync: nothing to do — set AF_CHOOSER_URL and/or AF_FILES_URL (see README, "Syncing from Arbetsförmedlingen")\n' };
  }
  const fetcher = createNodePageFetcher(syncFetcherOptions(config));
  try {
    const summary = await runAfSync({ db, fetcher, importer: afImporter(db), clock: () => new Date(), log: consoleLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL), config });
    const out = values.format === 'json' ? JSON.stringify(summary, null, 2) : formatSyncSummary(summary);
    return { code: summary.ok ? 0 : 1, out: `${out}\n`, err: '' };
  } finally {
    await fetcher.close();
  }
});
