/**
 * Fetches AF's whole chooser list ("Sök leverantör inom rusta och matcha"): the configured list
 * URL is requested page by page (`sida=1,2,…`, 20 entries a page) until `total_count` entries
 * are in, a page comes back empty, or the page cap is hit. The pages are returned as one JSON
 * array, the shape the af-providers importer reads. The list is a *full* list (a provider absent
 * from it is reported as having left), so any failed or malformed page fails the whole fetch:
 * a partial list is never imported.
 */
import type { FetchResult, PageFetcher } from '../web/fetcher';

/** Pages fetched at most (AF had about 1,070 entries = 54 pages in 2025). */
export const MAX_CHOOSER_PAGES = 300;

export type ChooserFetch =
  | { ok: true; bytes: Uint8Array; pages: number; entries: number }
  | { ok: false; error: string; result?: FetchResult };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches every page of the chooser list at `listUrl`; waits `delayMs` between pages. */
export async function fetchChooserList(fetcher: PageFetcher, listUrl: string, opts: { maxBytes: number; delayMs: number; maxPages?: number }): Promise<ChooserFetch> {
  const pages: unknown[] = [];
  const ids = new Set<string>();
  let total: number | null = null;
  const maxPages = opts.maxPages ?? MAX_CHOOSER_PAGES;
  for (let sida = 1; sida <= maxPages; sida++) {
    if (sida > 1 && opts.delayMs > 0) await sleep(opts.delayMs);
    const u = new URL(listUrl);
    u.searchParams.set('sida', String(sida));
    const r = await fetcher.fetch(u.href, { accept: 'text', maxBytes: opts.maxBytes });
    if (r.kind !== 'text') return { ok: false, error: `page ${sida}: ${r.error ?? r.kind}${r.status ? ` (HTTP ${r.status})` : ''}`, result: r };
    let page: { total_count?: unknown; leverantorer?: unknown };
    try {
      page = JSON.parse(r.text ?? '');
    } catch {
      return { ok: false, error: `page ${sida}: not JSON` };
    }
    if (!page || typeof page !== 'object' || !Array.isArray(page.leverantorer)) return { ok: false, error: `page ${sida}: no "leverantorer" list` };
    if (typeof page.total_count === 'number') total = page.total_count;
    else if (typeof page.total_count === 'string' && /^\d+$/.test(page.total_count)) total = Number(page.total_count);
    if (page.leverantorer.length === 0) break;
    pages.push(page);
    for (const e of page.leverantorer as { id?: unknown }[]) ids.add(String(e?.id));
    if (total !== null && ids.size >= total) break;
    if (sida === maxPages) return { ok: false, error: `stopped after ${maxPages} pages with ${ids.size} of ${total ?? '?'} entries` };
  }
  if (total !== null && ids.size < total) return { ok: false, error: `the list ended with ${ids.size} of ${total} entries` };
  if (pages.length === 0) return { ok: false, error: 'the list is empty' };
  return { ok: true, bytes: new TextEncoder().encode(JSON.stringify(pages)), pages: pages.length, entries: ids.size };
}
