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
 * PORT (default 0: any free port; printed on stderr when run by hand).
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

  const shutdown = () => {
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
