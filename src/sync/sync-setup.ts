/**
 * The AF sync's fetcher options from the settings, the same in both runtimes. The sync goes
 * through the crawler's safe fetcher with the crawler's SSRF rules: AF_CHOOSER_URL and
 * AF_FILES_URL are set by the operator, but the workbook links come from a fetched page, and
 * every redirect hop is checked too. A private or loopback host (a local mirror, a test server)
 * must be listed in CRAWL_ALLOW_HOSTS like any other; nothing is allowed implicitly.
 */
import type { Config } from '../config';
import type { PageFetcherOptions } from '../web/fetcher';
import { crawlerUserAgent } from '../version';

/** PageFetcher options for the sync (no `fetch`: each runtime adds its own). */
export function syncFetcherOptions(config: Config): Omit<PageFetcherOptions, 'fetch'> {
  return {
    userAgent: crawlerUserAgent(config.PUBLIC_BASE_URL),
    allowHosts: config.CRAWL_ALLOW_HOSTS,
    timeoutMs: config.AF_SYNC_TIMEOUT_MS,
    maxBytes: config.AF_SYNC_MAX_BYTES,
    maxRedirects: 5,
  };
}
