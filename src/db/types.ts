/**
 * The database handle every module takes: a drizzle SQLite database over libsql
 * (Node, Turso) or D1 (Workers). Both drivers satisfy this async base type.
 */
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { schema } from './schema';

export type Db = BaseSQLiteDatabase<'async', any, typeof schema>;

/** Runs statements atomically: libsql and D1 both implement `batch` as one transaction. */
export async function runBatch(db: Db, statements: unknown[]): Promise<void> {
  if (statements.length === 0) return;
  const batch = (db as unknown as { batch?: (s: unknown[]) => Promise<unknown> }).batch;
  if (!batch) throw new Error('database driver has no batch(); atomic writes are impossible');
  await batch.call(db, statements as never);
}
