/**
 * The AF sync's importer on Cloudflare Workers. The chooser list is JSON and imports here as on
 * Node. AF's workbooks cannot: the importers read them through exceljs, which needs Node's
 * streams, Buffer and zip libraries (archiver, unzipper, jszip, saxes — about 0.9 MB minified)
 * and more CPU time than a cron invocation should spend. So on the Worker a changed workbook is
 * recorded as `pending_import` with that reason (its validators are not stored, so the next
 * Node `npm run sync` downloads and imports it), and the last good data stays as it is.
 */
import type { Db } from '../db/types';
import { importAfProviders } from '../import/af-providers-import';
import type { AfBytesImporter } from './af-sync';
import { outcomeOf } from './import-summary';

/** Why a workbook is pending on the Worker (shown on the dashboard and in logs). */
export const WORKER_XLSX_PENDING =
  'changed; not imported: AF workbooks (.xlsx) cannot be parsed on Cloudflare Workers — run `npm run sync` on Node to import it';

/** Imports the chooser list; reports workbooks as pending. */
export function workerImporter(db: Db): AfBytesImporter {
  return async (kind, fileName, bytes, today) => {
    if (kind !== 'af-providers') return { status: 'pending', message: WORKER_XLSX_PENDING };
    return outcomeOf(await importAfProviders(db, { fileName, bytes, today }));
  };
}
