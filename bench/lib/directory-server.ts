/**
 * Benchmark server (run in its own process by bench/directory.ts): the real app from
 * createApp over a libsql database seeded with the demo data, exactly as `npm start`
 * prepares it, plus one bench-only route, /__static, that serves the pre-rendered bytes of
 * the municipality page from memory: the ceiling of this Node process and HTTP adapter, and one
 * bench-only prefix, /__uncached/…, served by a second app over the same database with the render
 * cache off (PAGE_RENDER_CACHE_SECONDS=0), so every request renders the page from the database.
 *
 * Env: BENCH_DB = file (default; a fresh temp file like data/valkollen.db) | memory, and any
 * setting of the app (CHECK_WORKERS, DEMO_API_KEY, API_RATE_LIMIT_PER_MINUTE … for bench/mixed.ts),
 * BENCH_PAGE (default /kommun/vasteras), LOG_LEVEL (default info, as in production),
 * PORT (default 0: any free port; printed on stderr when run by hand),
 * BENCH_CRAWL_SITE (a site URL: crawl it tick after tick for as long as the server runs, as the
 * Node entry crawls, with the page analysis in the check pool — the soak mode of bench/mixed.ts).
 * Reports { ready: url, ... } over IPC once listening; exits cleanly on SIGTERM so that
 * `--cpu-prof` can write its profile.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { nodeLogger, prepareNodeDatabase, startCheckPool } from '../../src/node';
import { defaultRuleset } from '../../src/compliance';
import type { CheckRunner } from '../../src/runner/check-runner';
import { ensureSite } from '../../src/crawler/crawl-sites';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from '../../src/crawler/crawler-setup';
import { createNodePageFetcher } from '../../src/web/fetch.node.ts';
import { makeSiteDue } from '../../src/crawler/frontier';
import { runCrawlTick } from '../../src/crawler/tick';
import type { Config } from '../../src/config';
import type { Db } from '../../src/db/types';
import type { LogFn } from '../../src/http/logging';
import { negotiateEncoding, withCompression, type Encoding } from '../../src/http/compression';
import { createNodeCompressor } from '../../src/http/compression.node.ts';

const STATIC_PATH = '/__static';
const UNCACHED_PREFIX = '/__uncached';

async function main() {
  const useFile = (process.env.BENCH_DB ?? 'file') !== 'memory';
  const dbFile = join(tmpdir(), `valkollen-bench-${process.pid}.db`);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: useFile ? `file:${dbFile}` : ':memory:',
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  // The Node entry's logger, as in production.
  const log = nodeLogger(config.LOG_LEVEL);
  const seedStart = performance.now();
  const database = await prepareNodeDatabase(config, log);
  const seedMs = Math.round(performance.now() - seedStart);
  // As the Node entry: self-checks run in the worker-thread pool (CHECK_WORKERS).
  const pool = startCheckPool(config);
  // As the Node entry: responses compressed (br/gzip) for clients that accept it, cached pages kept compressed.
  const compressor = createNodeCompressor();
  const app = createApp({ db: database.db, config, clock: () => new Date(), fetcher: fetch, log, checkRunner: pool?.run, compressor });
  const uncachedConfig = { ...config, PAGE_RENDER_CACHE_SECONDS: 0 };
  const uncached = createApp({ db: database.db, config: uncachedConfig, clock: () => new Date(), fetcher: fetch, log, compressor });

  // The ceiling: the same bytes as the page, answered from memory by the same process.
  const pagePath = process.env.BENCH_PAGE ?? '/kommun/vasteras';
  const page = await app.request(pagePath);
  if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);
  const pageBytes = new Uint8Array(await page.arrayBuffer());
  const staticHeaders = { 'content-type': page.headers.get('content-type') ?? 'text/html; charset=UTF-8' };
  // The ceiling serves the same representation a client gets: the page's bytes, compressed once
  // up front in the encoding the request accepts (so it measures serving, not compressing).
  const packed: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> = {};
  for (const enc of compressor.encodings) packed[enc] = await compressor.compress(enc, pageBytes);
  const fetchWithStatic = (req: Request, env: unknown) => {
    if (req.url.endsWith(STATIC_PATH)) {
      const enc = negotiateEncoding(req.headers.get('accept-encoding'), compressor.encodings);
      if (enc) return new Response(packed[enc]!, { headers: { ...staticHeaders, 'content-encoding': enc, vary: 'Accept-Encoding' } });
      return new Response(pageBytes, { headers: staticHeaders });
    }
    const url = new URL(req.url);
    if (url.pathname.startsWith(UNCACHED_PREFIX)) {
      url.pathname = url.pathname.slice(UNCACHED_PREFIX.length);
      return uncached.fetch(new Request(url, req), env as never);
    }
    return app.fetch(req, env as never);
  };

  const server = serve({ fetch: withCompression(fetchWithStatic, compressor), hostname: '127.0.0.1', port: Number(process.env.PORT ?? 0) }, (info: AddressInfo) => {
    // Run by hand (no IPC channel): say where it listens on stderr.
    if (!process.send) console.error(`listening on http://127.0.0.1:${info.port} (static ceiling at ${STATIC_PATH})`);
    process.send?.({
      ready: `http://127.0.0.1:${info.port}`,
      staticPath: STATIC_PATH,
      uncachedPrefix: UNCACHED_PREFIX,
      pageBytes: pageBytes.byteLength,
      database: useFile ? 'file (temp)' : ':memory:',
      seedMs,
    });
  });

  let crawling = true;
  if (process.env.BENCH_CRAWL_SITE) void crawlForever(process.env.BENCH_CRAWL_SITE, database.db, config, pool?.run, log, () => crawling);

  const shutdown = () => {
    crawling = false;
    void pool?.close();
    server.close();
    database.close();
    if (useFile) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(f, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
}

/** Crawls `siteUrl` again and again (every page due at each tick), as the Node entry's interval would with no pause. */
async function crawlForever(siteUrl: string, db: Db, config: Config, checkRunner: CheckRunner | undefined, log: LogFn, go: () => boolean) {
  const pageFetcher = createNodePageFetcher(pageFetcherOptions(config));
  const fetcher = createCrawlFetcher(pageFetcher, db, config);
  const site = await ensureSite(db, siteUrl, null, new Date().toISOString());
  let ticks = 0;
  while (go()) {
    await makeSiteDue(db, site.id, new Date().toISOString());
    const counts = await runCrawlTick(
      { db, fetcher, ruleset: defaultRuleset(), checkRunner, clock: () => new Date(), log },
      { trigger: 'interval', siteId: site.id, syncDirectory: false, settings: { ...crawlSettings(config), maxDepth: 1, maxPagesPerSite: 30 } },
    ).catch((err) => ({ error: String(err) }));
    ticks++;
    process.send?.({ crawlTick: ticks, counts });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
