/**
 * Cloudflare Workers entry: builds the same app per request from the bindings. Database:
 * D1 when the `DB` binding exists, else Turso/libsql over HTTP (LIBSQL_URL + LIBSQL_AUTH_TOKEN).
 */
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import { createClient } from '@libsql/client/web';
import { createApp } from './app';
import { loadConfig } from './config';
import { schema } from './db/schema';
import type { Db } from './db/types';

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

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const config = loadConfig({ ...env, DATABASE_URL: env.LIBSQL_URL ?? 'd1:DB' });
    const app = createApp({ db: workerDb(env), config, clock: () => new Date(), fetcher: fetch });
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
