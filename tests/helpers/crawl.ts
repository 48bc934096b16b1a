/**
 * Test helper: a crawler wired like production (Node page fetcher, polite fetcher, robots cache
 * in the database) but allowed to reach the loopback fixture site and with a small delay floor.
 */
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/types';
import { defaultRuleset } from '../../src/compliance';
import { createNodePageFetcher } from '../../src/web/fetch.node.ts';
import { createCrawlFetcher, pageFetcherOptions } from '../../src/crawler/crawler-setup';
import { runCrawlTick, type TickOptions } from '../../src/crawler/tick';

/** Builds crawl deps for `db`; `env` overrides settings (e.g. CRAWL_POLITENESS_FLOOR_MS). */
export function testCrawler(db: Db, env: Record<string, string> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', CRAWL_ALLOW_HOSTS: '127.0.0.1', CRAWL_POLITENESS_FLOOR_MS: '0', CRAWL_TIMEOUT_MS: '2000', ...env });
  const page = createNodePageFetcher(pageFetcherOptions(config));
  const fetcher = createCrawlFetcher(page, db, config);
  const deps = { db, fetcher, ruleset: defaultRuleset(), clock: () => new Date() };
  return {
    config,
    deps,
    tick: (opts: Partial<TickOptions> = {}) => runCrawlTick(deps, { trigger: 'cli', syncDirectory: false, ...opts, settings: { budgetMs: 20_000, maxPages: 100, ...opts.settings } }),
    close: () => page.close(),
  };
}
