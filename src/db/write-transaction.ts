/**
 * One write transaction whose statements are sent in chunks as they are planned, so a large
 * import never holds all of its statements at once (issue 17) and is still all or nothing.
 *
 * libsql (embedded files, :memory:, Turso/sqld over HTTP or WebSockets): an interactive
 * transaction (`client.transaction('write')`, i.e. BEGIN IMMEDIATE). Each `write` runs its
 * statements inside it in one round trip; reads through the transaction's `db` see the writes
 * so far; it commits when the work returns and rolls back when it throws. A process killed
 * before the commit writes nothing: SQLite ignores an uncommitted transaction on the next open,
 * and a remote stream that closes without a commit is rolled back by the server. The write
 * lock is held from the start, so other writers wait (busy timeout) for the whole work.
 *
 * D1 has no interactive transactions: `write` queues the statements and they are sent in one
 * atomic batch when the work returns (memory then holds them all, as before issue 17's fix),
 * and reads do not see them. Runtime-neutral: no Node APIs.
 */
import type { Client } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import { schema } from './schema';
import { runBatch, type Db } from './types';

export interface WriteTransaction {
  /**
   * The database for reads and for building statements during the work. On libsql it is the
   * open transaction (reads see its writes; the outer handle must not be used meanwhile: an
   * in-memory database has one connection, and a file database would wait for its own lock).
   */
  db: Db;
  /** Sends statements in order: run now inside the transaction (libsql) or queued for the final batch (D1). */
  write(statements: unknown[]): Promise<void>;
}

/** The part of a libsql client this module uses (duck-typed, so D1 falls back cleanly). */
interface TransactionalClient {
  transaction(mode: 'write'): Promise<{ commit(): Promise<void>; rollback(): Promise<void>; close(): void }>;
}

/**
 * Runs `work` in one write transaction: committed when it returns, rolled back (nothing
 * written) when it throws; the error is passed on.
 */
export async function inWriteTransaction<T>(db: Db, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  const client = (db as unknown as { $client?: Partial<TransactionalClient> }).$client;
  if (typeof client?.transaction !== 'function') {
    const queued: unknown[] = [];
    const result = await work({
      db,
      write: async (statements) => {
        for (const s of statements) queued.push(s);
      },
    });
    await runBatch(db, queued);
    return result;
  }
  const tx = await (client as TransactionalClient).transaction('write');
  try {
    // A drizzle database over the transaction (it has the client's execute and batch):
    // queries and batches go through it. (The web entry only adds an HTTP client for URLs.)
    const txDb = drizzle({ client: tx as unknown as Client, schema }) as unknown as Db;
    const result = await work({ db: txDb, write: (statements) => runBatch(txDb, statements) });
    await tx.commit();
    return result;
  } catch (e) {
    // A failed batch may already have ended the transaction; rolling back again is harmless.
    await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    tx.close();
  }
}
