/**
 * Node entry (`npm start`): validates settings, opens the embedded libsql database
 * (DATABASE_URL, default file:data/valkollen.db), applies migrations, seeds the demo data
 * on first run and serves the app on HOST:PORT (default 127.0.0.1:8787). Self-checks run in a
 * pool of worker threads (CHECK_WORKERS), so they never hold up the directory's requests.
 */
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { count } from 'drizzle-orm';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { migrateNodeDatabase, openNodeDatabase, type NodeDatabase } from './db/node-client';
import { withStartLock } from './db/start-lock.node.ts';
import { providers } from './db/schema';
import { seedDemoData } from './demo/seed';
import { seedDemoFindings } from './demo/findings';
import { consoleLogger } from './http/logging';
import { defaultRuleset } from './compliance';
import { createNodeFetch, createNodePageFetcher } from './web/fetch.node.ts';
import { ensureDemoApiKey } from './api/api-keys';
import { ensureDemoOfficer } from './review/auth/users';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from './crawler/crawler-setup';
import { startCrawlInterval } from './crawler/local-scheduler.node.ts';
import { DEFAULT_CRAWL_SETTINGS } from './crawler/crawl-settings';
import { runCrawlTick } from './crawler/tick';
import { closeAbandonedRuns } from './crawler/run-records';
import { createCheckPool, type CheckPool } from './runner/check-pool.node.ts';
import { withCompression } from './http/compression';
import { createNodeCompressor } from './http/compression.node.ts';

/** JSON log lines written straight to stdout/stderr: console.log's formatting costs more than the request it logs. */
export function nodeLogger(level: Config['LOG_LEVEL']) {
  return consoleLogger(level, { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') });
}

/** CHECK_WORKERS, or by default one worker thread per CPU beyond the first (at most 4). */
export function checkWorkerCount(config: Config): number {
  return config.CHECK_WORKERS ?? Math.min(4, Math.max(0, availableParallelism() - 1));
}

/** The self-check pool of the Node entry, or undefined when checks run on the main thread. */
export function startCheckPool(config: Config): CheckPool | undefined {
  const size = checkWorkerCount(config);
  return size > 0 ? createCheckPool({ size }) : undefined;
}

/**
 * Opens, migrates and (first run only) seeds the database named by the config. Two processes
 * starting on one new file at once both succeed: the migrator waits and retries (node-client.ts),
 * and the first-run seeding runs under a lock file, so the second finds it done.
 */
export async function prepareNodeDatabase(config: Config, log = consoleLogger(config.LOG_LEVEL)) {
  const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  await migrateNodeDatabase(database);
  if (config.SEED_DEMO) {
    const file = database.isLocalFile ? config.DATABASE_URL.slice('file:'.length).replace(/\?.*$/, '') : null;
    await (file ? withStartLock(`${file}.start-lock`, () => seedFirstRun(database, config, log)) : seedFirstRun(database, config, log));
  }
  return database;
}

/** The demo data and demo accounts of a first run; each part is skipped when it exists. */
async function seedFirstRun(database: NodeDatabase, config: Config, log: ReturnType<typeof consoleLogger>) {
  const [{ n }] = await database.db.select({ n: count() }).from(providers);
  if (n === 0) {
    const started = Date.now();
    await seedDemoData(database.db, { today: new Date() });
    log('info', 'seeded demo data (fictional providers)', { ms: Date.now() - started });
    // Only together with the demo providers: real providers never get fictional evidence.
    const demoFindings = await seedDemoFindings(database.db, defaultRuleset(), { now: new Date() });
    log('info', 'seeded demo findings for the review workspace (fictional pages, never fetched)', { findings: demoFindings });
  }
  const officer = await ensureDemoOfficer(database.db, { now: new Date() });
  if (officer) {
    // Shown once: only the PBKDF2 hash is stored.
    log('info', 'demo officer account created (shown once)', { signIn: `${config.PUBLIC_BASE_URL}/review/login`, email: officer.email, password: officer.password });
  }
  const demoKey = await ensureDemoApiKey(database.db, { value: config.DEMO_API_KEY, now: new Date() });
  if (demoKey.key) {
    // Shown once: only its hash is stored.
    log('info', 'demo API key created (shown once): send "Authorization: Bearer <key>" to POST /api/v1/check', { key: demoKey.key });
  }
}

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = nodeLogger(config.LOG_LEVEL);
  const database = await prepareNodeDatabase(config, log);
  // Runs left unfinished by a process that died (kill -9, power loss) are closed as aborted at start.
  const aborted = await closeAbandonedRuns(database.db, new Date(Date.now() - DEFAULT_CRAWL_SETTINGS.staleRunSeconds * 1000).toISOString());
  if (aborted.length) log('warn', 'closed crawl runs of stopped processes as aborted', { runs: aborted });
  // The app's outbound fetch (self-check by URL) checks the address it really connects to (DNS
  // rebinding), with the check API's own allow-list (the crawler's is for the crawler only).
  const guardedFetch = createNodeFetch({ allowHosts: config.CHECK_URL_ALLOW_HOSTS });
  const checkPool = startCheckPool(config);
  const compressor = createNodeCompressor();
  const app = createApp({ db: database.db, config, clock: () => new Date(), fetcher: guardedFetch.fetch as typeof fetch, log, checkRunner: checkPool?.run, compressor });
  const pageFetcher = createNodePageFetcher({ ...pageFetcherOptions(config), connectionsPerOrigin: Math.max(2, config.CRAWL_MAX_CONCURRENT_PER_HOST) });
  const crawlFetcher = createCrawlFetcher(pageFetcher, database.db, config);
  const ruleset = defaultRuleset();
  const stopCrawling = startCrawlInterval(
    config.CRAWL_INTERVAL_MINUTES,
    // Pages are analysed in the check pool's worker threads (under CRAWL_ANALYSIS_TIMEOUT_MS), never on the event loop.
    () =>
      runCrawlTick(
        { db: database.db, fetcher: crawlFetcher, ruleset, checkRunner: checkPool?.run, clock: () => new Date(), log },
        { trigger: 'interval', settings: crawlSettings(config) },
      ),
    log,
  );
  // Node's server does not compress (Cloudflare's edge does): gzip/br here, cached pages pre-compressed.
  const server = serve({ fetch: withCompression(app.fetch, compressor), hostname: config.HOST, port: config.PORT }, (info) => {
    log('info', 'listening', { url: `http://${info.address}:${info.port}/`, database: config.DATABASE_URL.replace(/\?.*$/, ''), checkWorkers: checkWorkerCount(config) });
  });
  const shutdown = () => {
    stopCrawling();
    void checkPool?.close();
    void pageFetcher.close();
    void guardedFetch.close();
    server.close();
    database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/node.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
