/**
 * The crawl tick's tunable settings and their defaults: budget, caps, politeness and retry
 * timing. crawler-setup.ts derives a deployment's values from the config; a tick fills in the
 * rest from DEFAULT_CRAWL_SETTINGS.
 */

/** Limits and timing of one crawl tick. */
export interface CrawlSettings {
  /** Wall-clock budget of the tick. */
  budgetMs: number;
  /** Pages fetched at most in this tick. */
  maxPages: number;
  /** Lease on claimed jobs; an interrupted tick's jobs become free after this. */
  leaseSeconds: number;
  /** Link depth followed from the start page. */
  maxDepth: number;
  /** Pages known per site at most (the frontier stops growing there). */
  maxPagesPerSite: number;
  /** Hosts crawled in parallel by one tick. */
  hostConcurrency: number;
  /**
   * Pages of one host fetched at once by one tick. Default 1 (politeness: one request at a time
   * per host); raise it only for hosts you own (benchmarks), together with the fetcher's
   * `maxConcurrentPerHost` (CRAWL_MAX_CONCURRENT_PER_HOST sets both).
   */
  hostPageConcurrency: number;
  /** Delay before a failed page is tried again (doubles per attempt, capped by the revisit time). */
  retryBaseSeconds: number;
  /** Attempts before a failing page waits for the next regular revisit. */
  maxAttempts: number;
  /** Longest the engine may run on one page (enforced where the runner can stop it: Node's pool). */
  analysisTimeoutMs: number;
  /** An unfinished run silent for this long is presumed dead and closed as aborted. */
  staleRunSeconds: number;
}

/** What a tick uses where neither the config nor the caller says otherwise. */
export const DEFAULT_CRAWL_SETTINGS: CrawlSettings = {
  budgetMs: 25_000,
  maxPages: 50,
  leaseSeconds: 120,
  maxDepth: 3,
  maxPagesPerSite: 200,
  hostConcurrency: 4,
  hostPageConcurrency: 1,
  retryBaseSeconds: 300,
  maxAttempts: 5,
  analysisTimeoutMs: 10_000,
  staleRunSeconds: 300,
};
