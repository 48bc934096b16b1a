/**
 * Cloudflare Workers entry: `fetch` serves the same app as Node; `scheduled` (cron triggers in
 * wrangler.toml) runs one crawl tick. Database: D1 when the `DB` binding exists, else
 * Turso/libsql over HTTP (LIBSQL_URL + LIBSQL_AUTH_TOKEN).
 */
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import { createClient } from '@libsql/client/web';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { schema } from './db/schema';
import type { Db } from './db/types';
import { defaultRuleset } from './compliance';
import { createPageFetcher, type FetchFn } from './web/fetcher';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from './crawler/crawler-setup';
import { runCrawlTick, type RunCounts, type TickOptions } from './crawler/tick';
import { planFanOut, type CrawlSiteMessage } from './crawler/fan-out';
import { consoleLogger } from './http/logging';

export interface Env {
  DB?: D1Database;
  /** Optional Cloudflare Queue for crawl fan-out (see wrangler.toml). */
  CRAWL_QUEUE?: Queue<CrawlSiteMessage>;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  [key: string]: unknown;
}

/** The database for this invocation: D1 if bound, else libsql over HTTP. */
export function workerDb(env: Env): Db {
  if (env.DB) return drizzleD1(env.DB, { schema }) as unknown as Db;
  if (!env.LIBSQL_URL) throw new Error('No database: bind D1 as DB or set LIBSQL_URL (+ LIBSQL_AUTH_TOKEN).');
  return drizzleLibsql(createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }), { schema }) as unknown as Db;
}

/** Settings from Worker variables; the database comes from bindings, not DATABASE_URL. */
export function workerConfig(env: Env): Config {
  return loadConfig({ ...env, DATABASE_URL: env.LIBSQL_URL ?? 'd1:DB' });
}

let built: { env: Env; app: ReturnType<typeof createApp> } | undefined;

/**
 * The app for these bindings, built once per isolate: settings are validated once and the
 * rendered-page cache lives as long as the isolate does.
 */
function appFor(env: Env) {
  if (built?.env !== env) built = { env, app: createApp({ db: workerDb(env), config: workerConfig(env), clock: () => new Date(), fetcher: fetch }) };
  return built.app;
}

/**
 * One crawl tick as the cron trigger (or a queue consumer, with `siteId`) runs it. `fetchFn` is
 * the outbound fetch (the global one in production; tests pass a fixture fetcher). Cloudflare
 * refuses private and loopback targets from Workers itself, and the crawler's URL checks refuse
 * them before any request.
 */
export async function runScheduledTick(
  env: Env,
  fetchFn: FetchFn = (url, init) => fetch(url, init),
  opts: Pick<TickOptions, 'trigger' | 'siteId'> = { trigger: 'cron' },
): Promise<RunCounts> {
  const config = workerConfig(env);
  const db = workerDb(env);
  // The Workers runtime negotiates and decodes compression itself.
  const page = createPageFetcher({ ...pageFetcherOptions(config), acceptEncoding: null, fetch: fetchFn });
  return runCrawlTick(
    { db, fetcher: createCrawlFetcher(page, db, config), ruleset: defaultRuleset(), clock: () => new Date(), log: consoleLogger(config.LOG_LEVEL) },
    { ...opts, syncDirectory: opts.siteId === undefined, settings: crawlSettings(config) },
  );
}

/**
 * The cron trigger: with a CRAWL_QUEUE binding, enqueue one message per site with due pages
 * (consumers crawl them); without, crawl inline within the tick's budget.
 */
export async function handleCron(env: Env): Promise<{ enqueued: number } | RunCounts> {
  if (!env.CRAWL_QUEUE) return runScheduledTick(env);
  const work = await planFanOut(workerDb(env), new Date().toISOString());
  // sendBatch takes at most 100 messages per call.
  for (let i = 0; i < work.length; i += 100) await env.CRAWL_QUEUE.sendBatch(work.slice(i, i + 100).map((body) => ({ body })));
  return { enqueued: work.length };
}

/** Queue consumer: crawl each message's site; a failed message is retried by the queue. */
export async function handleCrawlBatch(batch: MessageBatch<CrawlSiteMessage>, env: Env, fetchFn?: FetchFn): Promise<void> {
  for (const msg of batch.messages) {
    try {
      await runScheduledTick(env, fetchFn, { trigger: 'queue', siteId: msg.body.siteId });
      msg.ack();
    } catch (err) {
      consoleLogger('error')('error', 'crawl queue message failed', { siteId: msg.body.siteId, error: String(err) });
      msg.retry();
    }
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    return appFor(env).fetch(request, env, ctx);
  },
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(handleCron(env));
  },
  async queue(batch: MessageBatch<CrawlSiteMessage>, env: Env, _ctx: ExecutionContext): Promise<void> {
    await handleCrawlBatch(batch, env);
  },
} satisfies ExportedHandler<Env, CrawlSiteMessage>;
