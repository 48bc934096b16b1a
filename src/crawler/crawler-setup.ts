/**
 * Builds the crawler's polite fetcher and tick settings from the validated config, the same
 * way in both runtimes; only the underlying PageFetcher differs (undici in Node, fetch in Workers).
 */
import type { Config } from '../config';
import type { Db } from '../db/types';
import { crawlerUserAgent } from '../version';
import { createPoliteFetcher, type PoliteFetcher } from './polite-fetcher';
import type { PageFetcher, PageFetcherOptions } from '../web/fetcher';
import { DbRobotsCache } from './robots-db-cache';
import type { CrawlSettings } from './crawl-settings';

/** Options for the runtime's PageFetcher taken from the config. */
export function pageFetcherOptions(config: Config): Omit<PageFetcherOptions, 'fetch'> {
  return {
    userAgent: crawlerUserAgent(config.PUBLIC_BASE_URL),
    allowHosts: config.CRAWL_ALLOW_HOSTS,
    timeoutMs: config.CRAWL_TIMEOUT_MS,
    maxBytes: config.CRAWL_MAX_PAGE_BYTES,
  };
}

/** Wraps a PageFetcher with robots.txt (cached in the database), per-host delays and retries. */
export function createCrawlFetcher(pageFetcher: PageFetcher, db: Db, config: Config): PoliteFetcher {
  return createPoliteFetcher({
    fetcher: pageFetcher,
    schedulerOptions: { floorMs: config.CRAWL_POLITENESS_FLOOR_MS, maxConcurrentPerHost: config.CRAWL_MAX_CONCURRENT_PER_HOST },
    robotsOptions: { cache: new DbRobotsCache(db) },
  });
}

/** Tick settings from the config. */
export function crawlSettings(config: Config): Partial<CrawlSettings> {
  return {
    budgetMs: config.CRAWL_BUDGET_SECONDS * 1000,
    maxPages: config.CRAWL_PAGES_PER_TICK,
    maxDepth: config.CRAWL_MAX_DEPTH,
    maxPagesPerSite: config.CRAWL_MAX_PAGES_PER_SITE,
    hostPageConcurrency: config.CRAWL_MAX_CONCURRENT_PER_HOST,
    analysisTimeoutMs: config.CRAWL_ANALYSIS_TIMEOUT_MS,
  };
}
