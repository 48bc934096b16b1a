/**
 * Node-only database adapter: opens libsql (embedded `file:`, `:memory:`, or a Turso/sqld
 * URL) and applies the SQL migrations from migrations/ on disk.
 *
 * Several processes may open one file at once (the server and a CLI, or two first starts of a
 * new database). A file database therefore waits up to BUSY_TIMEOUT_MS for another connection's
 * lock instead of failing at once with SQLITE_BUSY, and the migrator is retried with backoff:
 * drizzle reads the journal of applied migrations before it takes the write lock, so two first
 * starts can both read "nothing applied"; the loser's batch then fails (busy, or "table … already
 * exists") and rolls back whole, and its retry reads the winner's journal and has nothing to do.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { schema } from './schema';
import type { Db } from './types';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** How long an operation on a file database waits for another connection's lock. */
export const BUSY_TIMEOUT_MS = 15_000;
/** Attempts of the migrator before its error is passed on, and the first pause between them. */
const MIGRATE_ATTEMPTS = 8;
const MIGRATE_BACKOFF_MS = 50;

export interface NodeDatabase {
  db: Db;
  client: Client;
  /** True for an embedded `file:` database (not :memory:, not a remote URL). */
  isLocalFile: boolean;
  close(): void;
}

/** Opens the database at `url`, creating the folder of a `file:` database when needed. */
export function openNodeDatabase(url: string, authToken?: string): NodeDatabase {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // `timeout` is SQLite's busy timeout for local files (remote clients ignore it).
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  const db = drizzle(client, { schema }) as unknown as Db;
  const isLocalFile = url.startsWith('file:') && !url.includes(':memory:');
  return { db, client, isLocalFile, close: () => client.close() };
}

/** True for the errors a concurrent migration of the same database causes (worth a retry). */
export function isConcurrentMigrationError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED' || /database is locked|already exists/i.test(e?.message ?? '');
}

/** Applies all pending migrations (schema and reference data), waiting for a concurrent first start. */
export async function migrateNodeDatabase(database: NodeDatabase, opts: { attempts?: number; backoffMs?: number } = {}): Promise<void> {
  const attempts = opts.attempts ?? MIGRATE_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateOnce(database);
      return;
    } catch (err) {
      if (attempt >= attempts || !isConcurrentMigrationError(err)) throw err;
      // Exponential backoff with jitter, so two losers do not collide again in step.
      const pause = (opts.backoffMs ?? MIGRATE_BACKOFF_MS) * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

async function migrateOnce(database: NodeDatabase): Promise<void> {
  // Foreign keys are declared for documentation and D1; libsql enforces them only when on.
  await database.client.execute('PRAGMA foreign_keys = ON');
  if (database.isLocalFile) {
    // WAL: readers never wait for the writer and a commit needs no fsync of the whole journal
    // (a rate-limit counter write drops from ~11 ms to ~1 ms); NORMAL is durable in WAL mode.
    await database.client.execute('PRAGMA journal_mode = WAL');
    await database.client.execute('PRAGMA synchronous = NORMAL');
  }
  await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
}
