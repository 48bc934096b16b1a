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
import { createPageFetcher, type FetchFn } from './crawler/fetcher';
import { crawlSettings, createCrawlFetcher, pageFetcherOptions } from './crawler/crawler-setup';
import { runCrawlTick, type RunCounts } from './crawler/tick';
import { consoleLogger } from './http/logging';

export interface Env {
  DB?: D1Database;
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

/**
 * One crawl tick as the cron trigger runs it. `fetchFn` is the outbound fetch (the global one in
 * production; tests pass a fixture fetcher). Cloudflare refuses private and loopback targets from
 * Workers itself, and the crawler's URL checks refuse them before any request.
 */
export async function runScheduledTick(env: Env, fetchFn: FetchFn = (url, init) => fetch(url, init)): Promise<RunCounts> {
  const config = workerConfig(env);
  const db = workerDb(env);
  // The Workers runtime negotiates and decodes compression itself.
  const page = createPageFetcher({ ...pageFetcherOptions(config), acceptEncoding: null, fetch: fetchFn });
  return runCrawlTick(
    { db, fetcher: createCrawlFetcher(page, db, config), ruleset: defaultRuleset(), clock: () => new Date(), log: consoleLogger(config.LOG_LEVEL) },
    { trigger: 'cron', settings: crawlSettings(config) },
  );
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const config = workerConfig(env);
    const app = createApp({ db: workerDb(env), config, clock: () => new Date(), fetcher: fetch });
    return app.fetch(request, env, ctx);
  },
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(runScheduledTick(env));
  },
} satisfies ExportedHandler<Env>;
