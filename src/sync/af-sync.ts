/**
 * The scheduled sync from Arbetsförmedlingen (`npm run sync`, the Worker's cron). It fetches
 * the configured sources — the chooser list (AF_CHOOSER_URL) and the page listing the rating
 * and results workbooks (AF_FILES_URL) with every workbook linked there — and imports what
 * changed, one import run per file, so a file that fails leaves the last good data in place.
 *
 * Per source: a conditional GET (If-None-Match / If-Modified-Since) when the last body was
 * processed; a 304 or a body whose SHA-256 equals the last imported one is not imported again;
 * a body that failed to import before is not retried until it changes; fetch failures (HTTP
 * errors, timeouts, bodies over AF_SYNC_MAX_BYTES, refused addresses) are recorded and import
 * nothing. Requests go through the crawler's safe fetcher (SSRF guard on every URL and redirect,
 * one deadline per request, bounded bodies). Runtime-neutral: the same code runs in `npm run
 * sync` and the Worker's cron; the importer is injected (see importer.ts).
 */
import type { Config } from '../config';
import type { PageFetcher } from '../web/fetcher';
import type { Db } from '../db/types';
import type { LogFn } from '../http/logging';
import type { ImportKind } from '../import/report';
import { fetchChooserList } from './chooser-fetch';
import { loadSource, saveSource, type SyncSourceRow } from './sync-state';
import { findWorkbookLinks, selectWorkbooks, type WorkbookLink } from './workbook-links';

/** What an importer did with one file ('partial': written, with rows reported as rejected or unmatched). */
export interface ImportOutcome {
  status: 'ok' | 'partial' | 'unchanged' | 'failed';
  importRunId: number | null;
  message?: string;
}

/** Imports one fetched file of a kind (import/kinds.ts) into the database. */
export type AfBytesImporter = (kind: ImportKind, fileName: string, bytes: Uint8Array, today: Date) => Promise<ImportOutcome>;

export type SyncOutcome = 'imported' | 'unchanged' | 'not_modified' | 'import_failed' | 'failed_before' | 'fetch_failed' | 'ignored';

export interface SyncItem {
  url: string;
  kind: string;
  fileName: string | null;
  outcome: SyncOutcome;
  importRunId?: number | null;
  error?: string;
}

export interface SyncSummary {
  startedAt: string;
  finishedAt: string;
  items: SyncItem[];
  /** False when any source failed to fetch or import. */
  ok: boolean;
}

export interface SyncDeps {
  db: Db;
  fetcher: PageFetcher;
  importer: AfBytesImporter;
  clock: () => Date;
  log: LogFn;
  config: Pick<Config, 'AF_CHOOSER_URL' | 'AF_FILES_URL' | 'AF_SYNC_MAX_BYTES' | 'AF_SYNC_MAX_FILES'>;
  /** Pause between two chooser pages, in ms (default 500: AF's service is shared with job seekers). */
  chooserPageDelayMs?: number;
}

const FAILED: SyncOutcome[] = ['import_failed', 'failed_before', 'fetch_failed'];

/** True when the AF sync has at least one source configured. */
export const syncConfigured = (config: Pick<Config, 'AF_CHOOSER_URL' | 'AF_FILES_URL'>) => Boolean(config.AF_CHOOSER_URL || config.AF_FILES_URL);

/**
 * Imports `bytes` unless they are what was imported last, or what failed last; records the
 * outcome in the source's state and returns it.
 */
async function importIfChanged(
  deps: SyncDeps,
  src: { url: string; kind: ImportKind; stateKind?: string; fileName: string; prev: SyncSourceRow | null; sha256: string; bytes: Uint8Array; etag?: string; lastModified?: string },
): Promise<SyncItem> {
  const now = deps.clock().toISOString();
  const { prev } = src;
  const item = (outcome: SyncOutcome, extra: Partial<SyncItem> = {}): SyncItem => ({ url: src.url, kind: src.kind, fileName: src.fileName, outcome, ...extra });
  const base = { kind: src.stateKind ?? src.kind, fileName: src.fileName, lastCheckedAt: now, sha256: src.sha256, bytes: src.bytes.byteLength, lastChangedAt: prev?.sha256 === src.sha256 ? prev.lastChangedAt : now };
  // Validators are stored only once the body has been dealt with, so a pending or failed body is downloaded again.
  const validators = { etag: src.etag ?? null, lastModified: src.lastModified ?? null };
  if (prev?.importedSha256 === src.sha256) {
    await saveSource(deps.db, src.url, { ...base, ...validators, status: 'unchanged', lastError: null });
    return item('unchanged');
  }
  if (prev?.status === 'import_failed' && prev.sha256 === src.sha256) {
    await saveSource(deps.db, src.url, { ...base, status: 'import_failed' });
    return item('failed_before', { error: prev.lastError ?? 'failed before', importRunId: prev.lastImportRunId });
  }
  let outcome: ImportOutcome;
  try {
    outcome = await deps.importer(src.kind, src.fileName, src.bytes, deps.clock());
  } catch (e) {
    outcome = { status: 'failed', importRunId: null, message: `import crashed: ${(e as Error).message}` };
  }
  if (outcome.status === 'failed') {
    await saveSource(deps.db, src.url, { ...base, status: 'import_failed', lastError: outcome.message ?? 'import failed', lastImportRunId: outcome.importRunId });
    return item('import_failed', { error: outcome.message ?? 'import failed', importRunId: outcome.importRunId });
  }
  await saveSource(deps.db, src.url, { ...base, ...validators, status: 'imported', lastError: null, importedSha256: src.sha256, lastImportedAt: now, lastImportRunId: outcome.importRunId });
  return item(outcome.status === 'unchanged' ? 'unchanged' : 'imported', { importRunId: outcome.importRunId, ...(outcome.status === 'partial' ? { error: `partial: ${outcome.message ?? 'some rows rejected or unmatched'}` } : {}) });
}

/** A conditional GET is safe only when the last body of this URL was imported or found unchanged. */
const conditional = (prev: SyncSourceRow | null) =>
  prev && prev.importedSha256 && prev.importedSha256 === prev.sha256 && ['imported', 'unchanged', 'not_modified'].includes(prev.status)
    ? { etag: prev.etag ?? undefined, lastModified: prev.lastModified ?? undefined }
    : {};

async function syncChooser(deps: SyncDeps, url: string): Promise<SyncItem> {
  const prev = await loadSource(deps.db, url);
  const now = deps.clock();
  // The live list is as of the day it is fetched; the name carries that date for the importer.
  const fileName = `sokleverantor-${now.toISOString().slice(0, 10)}.json`;
  const got = await fetchChooserList(deps.fetcher, url, { maxBytes: deps.config.AF_SYNC_MAX_BYTES, delayMs: deps.chooserPageDelayMs ?? 500 });
  if (!got.ok) {
    await saveSource(deps.db, url, { kind: 'chooser', status: 'fetch_failed', lastError: got.error, lastCheckedAt: now.toISOString() });
    return { url, kind: 'af-providers', fileName, outcome: 'fetch_failed', error: got.error };
  }
  const digest = await crypto.subtle.digest('SHA-256', got.bytes as unknown as ArrayBuffer);
  const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  // The state row's kind is 'chooser': its URL is the list endpoint, not a file.
  return importIfChanged(deps, { url, kind: 'af-providers', stateKind: 'chooser', fileName, prev, sha256, bytes: got.bytes });
}

async function syncWorkbook(deps: SyncDeps, link: WorkbookLink): Promise<SyncItem> {
  const prev = await loadSource(deps.db, link.url);
  const now = deps.clock().toISOString();
  const kind = link.kind as ImportKind;
  const r = await deps.fetcher.fetch(link.url, { accept: 'bytes', maxBytes: deps.config.AF_SYNC_MAX_BYTES, ...conditional(prev) });
  if (r.kind === 'not_modified') {
    await saveSource(deps.db, link.url, { kind, fileName: link.fileName, status: 'not_modified', lastCheckedAt: now, lastError: null, etag: r.etag ?? prev?.etag ?? null, lastModified: r.lastModified ?? prev?.lastModified ?? null });
    return { url: link.url, kind, fileName: link.fileName, outcome: 'not_modified' };
  }
  if (r.kind !== 'bytes' || !r.body || !r.contentHash) {
    const error = `${r.error ?? r.kind}${r.status && !r.error?.includes(String(r.status)) ? ` (HTTP ${r.status})` : ''}`;
    await saveSource(deps.db, link.url, { kind, fileName: link.fileName, status: 'fetch_failed', lastError: error, lastCheckedAt: now });
    return { url: link.url, kind, fileName: link.fileName, outcome: 'fetch_failed', error };
  }
  return importIfChanged(deps, { url: link.url, kind, fileName: link.fileName, prev, sha256: r.contentHash, bytes: r.body, etag: r.etag, lastModified: r.lastModified });
}

async function syncFilesPage(deps: SyncDeps, url: string): Promise<SyncItem[]> {
  const prev = await loadSource(deps.db, url);
  const now = deps.clock().toISOString();
  const r = await deps.fetcher.fetch(url, { accept: 'text', maxBytes: deps.config.AF_SYNC_MAX_BYTES, ...(prev?.links ? { etag: prev.etag ?? undefined, lastModified: prev.lastModified ?? undefined } : {}) });
  let links: WorkbookLink[];
  const pageItem: SyncItem = { url, kind: 'files_page', fileName: null, outcome: 'unchanged' };
  if (r.kind === 'not_modified' && prev?.links) {
    links = JSON.parse(prev.links) as WorkbookLink[];
    pageItem.outcome = 'not_modified';
    await saveSource(deps.db, url, { kind: 'files_page', status: 'not_modified', lastCheckedAt: now, lastError: null });
  } else if (r.kind === 'text' && r.text !== undefined) {
    links = findWorkbookLinks(r.text, r.url, r.contentType);
    const changed = prev?.sha256 !== r.contentHash;
    pageItem.outcome = changed ? 'imported' : 'unchanged';
    await saveSource(deps.db, url, {
      kind: 'files_page', status: changed ? 'imported' : 'unchanged', lastCheckedAt: now, lastError: null, sha256: r.contentHash ?? null,
      bytes: r.bytes, etag: r.etag ?? null, lastModified: r.lastModified ?? null, links: JSON.stringify(links), lastChangedAt: changed ? now : prev?.lastChangedAt ?? now,
    });
  } else {
    const error = `${r.error ?? r.kind}${r.status && !r.error?.includes(String(r.status)) ? ` (HTTP ${r.status})` : ''}`;
    await saveSource(deps.db, url, { kind: 'files_page', status: 'fetch_failed', lastError: error, lastCheckedAt: now });
    return [{ ...pageItem, outcome: 'fetch_failed', error }];
  }
  const { selected, ignored } = selectWorkbooks(links, deps.config.AF_SYNC_MAX_FILES);
  const items: SyncItem[] = [pageItem];
  for (const link of selected) items.push(await syncWorkbook(deps, link));
  for (const l of ignored) items.push({ url: l.url, kind: l.kind, fileName: l.fileName, outcome: 'ignored' });
  return items;
}

/** Runs one sync over the configured sources. Never throws for a source's failure; see `ok`. */
export async function runAfSync(deps: SyncDeps): Promise<SyncSummary> {
  const startedAt = deps.clock().toISOString();
  const items: SyncItem[] = [];
  if (deps.config.AF_CHOOSER_URL) items.push(await syncChooser(deps, deps.config.AF_CHOOSER_URL));
  if (deps.config.AF_FILES_URL) items.push(...(await syncFilesPage(deps, deps.config.AF_FILES_URL)));
  const summary = { startedAt, finishedAt: deps.clock().toISOString(), items, ok: !items.some((i) => FAILED.includes(i.outcome)) };
  for (const i of items) {
    if (i.outcome !== 'not_modified' && i.outcome !== 'unchanged' && i.outcome !== 'ignored') {
      deps.log(FAILED.includes(i.outcome) ? 'warn' : 'info', 'af sync', { url: i.url, kind: i.kind, outcome: i.outcome, importRunId: i.importRunId, error: i.error });
    }
  }
  return summary;
}
