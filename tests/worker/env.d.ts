// Bindings the Worker test project sees (wrangler.toml plus test-only bindings).
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    CRAWL_QUEUE: Queue<import('../../src/crawler/fan-out').CrawlSiteMessage>;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
