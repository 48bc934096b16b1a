/**
 * The AF sync against a fixture server on 127.0.0.1 that answers like AF: the chooser list in
 * pages, a files page linking the workbooks, files with ETags (304 on If-None-Match), a file
 * that changes, one that answers 500, a truncated workbook and a link to a forbidden address.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { loadConfig } from '../../src/config';
import { runAfSync, type SyncSummary } from '../../src/sync/af-sync';
import { afImporter } from '../../src/sync/importer';
import { syncFetcherOptions } from '../../src/sync/sync-setup';
import { testDb, type TestDb } from '../helpers/db';
import { startServer, type RunningServer } from '../helpers/server';
import { AF_FIXTURES, CHOOSER_1, RATINGS_1, RATINGS_2, RESULTS_1, importFixture, rows, tableChecksums } from '../import/af/helpers';
import { addTestAreas } from '../import/areas';

const file = (name: string) => new Uint8Array(readFileSync(join(AF_FIXTURES, name)));
const chooserPages = (JSON.parse(readFileSync(join(AF_FIXTURES, CHOOSER_1), 'utf8')) as { leverantorer?: unknown[] }[]).filter((p) => p.leverantorer);

/** What the fixture server answers; tests change it between runs. */
const site = {
  filesPage: { etag: '"p1"', links: [] as string[] },
  files: new Map<string, { status: number; bytes?: Uint8Array; etag?: string }>(),
  requests: [] as string[],
};

function handler(req: Request): Response {
  const u = new URL(req.url);
  site.requests.push(`${u.pathname}${u.search}`);
  if (u.pathname === '/rest/sokleverantor') {
    const page = chooserPages[Number(u.searchParams.get('sida')) - 1] ?? { total_count: 153, leverantorer: [] };
    return Response.json(page);
  }
  if (u.pathname === '/for-leverantorer/rusta-och-matcha') {
    if (req.headers.get('if-none-match') === site.filesPage.etag) return new Response(null, { status: 304, headers: { etag: site.filesPage.etag } });
    const body = `<!doctype html><html><body><h1>Betyg och resultat</h1><ul>${site.filesPage.links.map((l) => `<li><a href="${l}">Ladda ner</a></li>`).join('')}</ul><a href="/om.pdf">PDF</a></body></html>`;
    return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', etag: site.filesPage.etag } });
  }
  const f = site.files.get(u.pathname);
  if (!f) return new Response('not found', { status: 404 });
  if (f.status !== 200) return new Response('server error', { status: f.status });
  if (f.etag && req.headers.get('if-none-match') === f.etag) return new Response(null, { status: 304, headers: { etag: f.etag } });
  return new Response(f.bytes as unknown as BodyInit, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...(f.etag ? { etag: f.etag } : {}) } });
}

let server: RunningServer;
let t: TestDb;
let fetcher: NodePageFetcher;
let config: ReturnType<typeof loadConfig>;
const TODAY = new Date('2026-11-23T12:00:00Z');

const sync = (): Promise<SyncSummary> =>
  runAfSync({ db: t.db, fetcher, importer: afImporter(t.db), clock: () => TODAY, log: () => {}, config, chooserPageDelayMs: 0 });
const outcome = (s: SyncSummary, name: string) => s.items.find((i) => i.fileName === name || i.url.endsWith(name))?.outcome;

beforeAll(async () => {
  server = await startServer(handler);
  t = await testDb();
  await addTestAreas(t.client);
  // The providers with their organisation numbers, as a first chooser import (with detail records) leaves them.
  await importFixture(t.db, 'af-providers', CHOOSER_1);
  config = loadConfig({
    LOG_LEVEL: 'silent',
    CRAWL_ALLOW_HOSTS: '127.0.0.1',
    AF_CHOOSER_URL: `${server.url}/rest/sokleverantor?tjanstekoder=A015&sortBy=RATING_DISTANCE`,
    AF_FILES_URL: `${server.url}/for-leverantorer/rusta-och-matcha`,
  });
  fetcher = createNodePageFetcher(syncFetcherOptions(config));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
  t.close();
});

describe('AF sync against a fixture server', () => {
  let checksumsAfterRun1: Record<string, string>;

  it('run 1: fetches the whole chooser list and imports each linked workbook; a 500 keeps nothing and fails the run', async () => {
    site.filesPage = {
      etag: '"p1"',
      links: [
        '/files/betyg-rusta-och-matcha-2026-09.xlsx',
        `${server.url}/files/resultatuppfoljning-2026-09.xlsx`,
        '/files/betyg-rusta-och-matcha-2026-10.xlsx',
        '/files/lathund.xlsx',
        'http://169.254.169.254/files/betyg-rusta-och-matcha-2026-08.xlsx',
      ],
    };
    site.files.set('/files/betyg-rusta-och-matcha-2026-09.xlsx', { status: 200, bytes: file(RATINGS_1), etag: '"r1"' });
    site.files.set('/files/resultatuppfoljning-2026-09.xlsx', { status: 200, bytes: file(RESULTS_1), etag: '"res1"' });
    site.files.set('/files/betyg-rusta-och-matcha-2026-10.xlsx', { status: 500 });
    const s = await sync();
    expect(s.ok).toBe(false);
    expect(site.requests.filter((r) => r.startsWith('/rest/sokleverantor')).length).toBe(chooserPages.length);
    expect(outcome(s, 'sokleverantor-2026-11-23.json')).toMatch(/^(imported|unchanged)$/);
    expect(outcome(s, 'betyg-rusta-och-matcha-2026-09.xlsx')).toBe('imported');
    expect(outcome(s, 'resultatuppfoljning-2026-09.xlsx')).toBe('imported');
    expect(s.items.find((i) => i.fileName === 'betyg-rusta-och-matcha-2026-10.xlsx')).toMatchObject({ outcome: 'fetch_failed', error: expect.stringContaining('500') });
    // A link to a forbidden address is refused before any request; a file of no AF kind is not imported.
    expect(s.items.find((i) => i.url.startsWith('http://169.254.169.254'))).toMatchObject({ outcome: 'fetch_failed', error: expect.stringMatching(/link-local|forbidden|169\.254/) });
    expect(outcome(s, 'lathund.xlsx')).toBe('ignored');
    expect(await rows(t.client, "SELECT source, file_name, status FROM import_runs WHERE source IN ('af_ratings','af_results') ORDER BY id")).toEqual([
      { source: 'af_ratings', file_name: 'betyg-rusta-och-matcha-2026-09.xlsx', status: 'ok' },
      { source: 'af_results', file_name: 'resultatuppfoljning-2026-09.xlsx', status: 'ok' },
    ]);
    expect(await rows(t.client, "SELECT status, last_error FROM af_sync_sources WHERE url LIKE '%2026-10.xlsx'")).toEqual([{ status: 'fetch_failed', last_error: 'HTTP 500' }]);
    checksumsAfterRun1 = await tableChecksums(t.client);
  });

  it('run 2: a changed file is imported, an unchanged one answers 304, a truncated workbook fails alone and keeps the last good data', async () => {
    site.filesPage = { etag: '"p2"', links: [...site.filesPage.links, '/files/resultatuppfoljning-2026-10.xlsx'] };
    site.files.set('/files/betyg-rusta-och-matcha-2026-09.xlsx', { status: 200, bytes: file(RATINGS_2), etag: '"r2"' });
    const results = file(RESULTS_1);
    site.files.set('/files/resultatuppfoljning-2026-10.xlsx', { status: 200, bytes: results.slice(0, Math.floor(results.length / 2)), etag: '"trunc"' });
    const before = site.requests.length;
    const s = await sync();
    expect(outcome(s, 'betyg-rusta-och-matcha-2026-09.xlsx')).toBe('imported');
    expect(outcome(s, 'resultatuppfoljning-2026-09.xlsx')).toBe('not_modified');
    expect(outcome(s, 'betyg-rusta-och-matcha-2026-10.xlsx')).toBe('fetch_failed');
    expect(s.items.find((i) => i.fileName === 'resultatuppfoljning-2026-10.xlsx')).toMatchObject({ outcome: 'import_failed', importRunId: expect.any(Number) });
    // The same chooser list on the same day is skipped by its SHA-256: no new import run.
    expect(outcome(s, 'sokleverantor-2026-11-23.json')).toBe('unchanged');
    expect(site.requests.slice(before).filter((r) => r.startsWith('/files/resultatuppfoljning-2026-09')).length).toBe(1);
    // The results of run 1 are untouched by the failed file; the ratings gained the new file's revisions.
    const now = await tableChecksums(t.client);
    expect(now.contract_results).toBe(checksumsAfterRun1.contract_results);
    expect(now.ratings).not.toBe(checksumsAfterRun1.ratings);
    expect(await rows(t.client, "SELECT status FROM import_runs WHERE file_name = 'resultatuppfoljning-2026-10.xlsx'")).toEqual([{ status: 'failed' }]);
    expect(await rows(t.client, "SELECT status FROM af_sync_sources WHERE url LIKE '%resultatuppfoljning-2026-10.xlsx'")).toEqual([{ status: 'import_failed' }]);
  });

  it('run 3: the files page answers 304 (its links are reused), the failed workbook is not re-imported, the recovered one is', async () => {
    site.files.set('/files/betyg-rusta-och-matcha-2026-10.xlsx', { status: 200, bytes: file(RATINGS_2), etag: '"r10"' });
    const runsBefore = await rows(t.client, 'SELECT count(*) AS n FROM import_runs');
    const s = await sync();
    expect(s.items.find((i) => i.kind === 'files_page')?.outcome).toBe('not_modified');
    expect(outcome(s, 'resultatuppfoljning-2026-10.xlsx')).toBe('failed_before');
    expect(outcome(s, 'betyg-rusta-och-matcha-2026-10.xlsx')).toMatch(/^(imported|unchanged)$/);
    expect(outcome(s, 'betyg-rusta-och-matcha-2026-09.xlsx')).toBe('not_modified');
    // Exactly one new import run: the recovered workbook.
    const runsAfter = await rows(t.client, 'SELECT count(*) AS n FROM import_runs');
    expect(Number(runsAfter[0].n)).toBe(Number(runsBefore[0].n) + 1);
    expect(await rows(t.client, "SELECT count(*) AS n FROM import_runs WHERE file_name = 'resultatuppfoljning-2026-10.xlsx'")).toEqual([{ n: 1 }]);
  });

  it('an unreachable chooser list fails that source only and imports nothing from it', async () => {
    const broken = loadConfig({ LOG_LEVEL: 'silent', CRAWL_ALLOW_HOSTS: '127.0.0.1', AF_CHOOSER_URL: `${server.url}/nowhere` });
    const runsBefore = await rows(t.client, 'SELECT count(*) AS n FROM import_runs');
    const s = await runAfSync({ db: t.db, fetcher, importer: afImporter(t.db), clock: () => TODAY, log: () => {}, config: broken, chooserPageDelayMs: 0 });
    expect(s.ok).toBe(false);
    expect(s.items).toEqual([expect.objectContaining({ kind: 'af-providers', outcome: 'fetch_failed', error: expect.stringContaining('404') })]);
    expect(await rows(t.client, 'SELECT count(*) AS n FROM import_runs')).toEqual(runsBefore);
  });
});
