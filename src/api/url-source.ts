/**
 * The `url` input of POST /api/v1/check: fetches the page through the crawler's PageFetcher, with
 * all its rules (SSRF guard on every redirect hop, timeout, size cap, HTML only), and maps each
 * failure to a clear client error: 422 when the URL is refused or is not an HTML page, 502 when
 * the remote site fails, 504 on timeout.
 */
import { createPageFetcher, type FetchFn, type FetchResult } from '../web/fetcher';
import { crawlerUserAgent } from '../version';
import type { AppDeps } from '../http/env';
import { AppError } from '../http/errors';

/** Largest page the API fetches (bytes after decompression). */
export const MAX_URL_PAGE_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

/** Maps a non-HTML fetch outcome to the AppError the client sees. */
export function fetchFailure(r: FetchResult): AppError {
  const where = r.url !== r.requestedUrl ? ` (at ${r.url})` : '';
  switch (r.kind) {
    case 'refused':
      return new AppError(422, 'url_refused', `The URL is not allowed: ${r.error ?? 'refused'}${where}.`, 'url');
    case 'skipped_type':
      return new AppError(422, 'url_not_html', `The URL is not an HTML page (Content-Type ${r.contentType ?? 'unknown'})${where}.`, 'url');
    case 'too_large':
      return new AppError(422, 'url_too_large', `The page is larger than ${MAX_URL_PAGE_BYTES / 1024 / 1024} MB${where}.`, 'url');
    case 'redirect_loop':
    case 'too_many_redirects':
      return new AppError(422, 'url_redirects', `The URL redirects too often: ${r.error}.`, 'url');
    case 'http_error':
      return new AppError(502, 'url_fetch_failed', `The page answered with HTTP ${r.status}${where}.`, 'url');
    case 'error':
      return r.errorKind === 'timeout'
        ? new AppError(504, 'url_timeout', `The page did not answer within ${TIMEOUT_MS / 1000} s.`, 'url')
        : new AppError(502, 'url_fetch_failed', `The page could not be fetched: ${r.error ?? 'network error'}.`, 'url');
    default:
      return new AppError(502, 'url_fetch_failed', `The page could not be fetched (${r.kind}).`, 'url');
  }
}

/** Fetches `url` for checking; returns the HTML and the final URL, or throws an AppError. */
export async function fetchPageForCheck(deps: AppDeps, url: string): Promise<{ html: string; finalUrl: string }> {
  if (!deps.fetcher) throw new AppError(501, 'url_unavailable', 'Checking a URL is not available on this server; send "html" or "text" instead.', 'url');
  const fetcher = createPageFetcher({
    fetch: deps.fetcher as unknown as FetchFn,
    userAgent: crawlerUserAgent(deps.config.PUBLIC_BASE_URL),
    // Its own allow-list, never the crawler's: CRAWL_ALLOW_HOSTS must not open the API to local addresses.
    allowHosts: deps.config.CHECK_URL_ALLOW_HOSTS,
    timeoutMs: TIMEOUT_MS,
    maxBytes: MAX_URL_PAGE_BYTES,
  });
  const r = await fetcher.fetch(url, { accept: 'html' });
  if (r.kind !== 'html' || r.text === undefined) throw fetchFailure(r);
  return { html: r.text, finalUrl: r.url };
}
