/**
 * Node-only database adapter: opens libsql (embedded `file:`, `:memory:`, or a Turso/sqld
 * URL) and applies the SQL migrations from migrations/ on disk.
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
  const client = createClient({ url, authToken });
  const db = drizzle(client, { schema }) as unknown as Db;
  const isLocalFile = url.startsWith('file:') && !url.includes(':memory:');
  return { db, client, isLocalFile, close: () => client.close() };
}

/** Applies all pending migrations (schema and reference data). */
export async function migrateNodeDatabase(database: NodeDatabase): Promise<void> {
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
