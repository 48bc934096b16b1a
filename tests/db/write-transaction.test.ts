// inWriteTransaction: statements sent in chunks are committed together or not at all, on libsql
// (an interactive transaction) and on a driver without one (D1: queued for one batch).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/types';
import { inWriteTransaction } from '../../src/db/write-transaction';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
  await t.client.execute('CREATE TABLE scratch (n INTEGER NOT NULL)');
});
afterEach(() => t.close());

const insert = (db: Db, n: number) => db.run(sql.raw(`INSERT INTO scratch (n) VALUES (${n})`));
const stored = async () => (await t.client.execute('SELECT n FROM scratch ORDER BY n')).rows.map((r) => Number(r.n));

/** The same database as D1 presents it to this module: no interactive transactions. */
const withoutTransactions = (db: Db) => Object.create(db, { $client: { value: {} } }) as Db;

describe('inWriteTransaction', () => {
  it('libsql: each write runs inside the open transaction, seen by its reads, committed at the end', async () => {
    const seen = await inWriteTransaction(t.db, async (tx) => {
      await tx.write([insert(tx.db, 1), insert(tx.db, 2)]);
      await tx.write([insert(t.db, 3)]); // built on the outer handle, still run inside
      return (await tx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM scratch`))[0].n;
    });
    expect(seen).toBe(3);
    expect(await stored()).toEqual([1, 2, 3]);
  });

  it('libsql: a failure after some chunks were written leaves nothing', async () => {
    await expect(inWriteTransaction(t.db, async (tx) => {
      await tx.write([insert(tx.db, 1)]);
      await tx.write([insert(tx.db, 2), tx.db.run(sql.raw('INSERT INTO no_such_table VALUES (1)'))]);
    })).rejects.toThrow(/no_such_table/);
    await expect(inWriteTransaction(t.db, async (tx) => {
      await tx.write([insert(tx.db, 1)]);
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await stored()).toEqual([]);
    // The connection is free again.
    await inWriteTransaction(t.db, (tx) => tx.write([insert(tx.db, 4)]));
    expect(await stored()).toEqual([4]);
  });

  it('without interactive transactions (D1): writes are queued and sent as one batch at the end', async () => {
    const db = withoutTransactions(t.db);
    const seen = await inWriteTransaction(db, async (tx) => {
      expect(tx.db).toBe(db);
      await tx.write([insert(db, 1)]);
      await tx.write([insert(db, 2)]);
      return (await stored()).length;
    });
    expect(seen).toBe(0);
    expect(await stored()).toEqual([1, 2]);
    await expect(inWriteTransaction(db, async (tx) => {
      await tx.write([insert(db, 3)]);
      await tx.write([db.run(sql.raw('INSERT INTO no_such_table VALUES (1)'))]);
    })).rejects.toThrow(/no_such_table/);
    await expect(inWriteTransaction(db, async (tx) => {
      await tx.write([insert(db, 3)]);
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await stored()).toEqual([1, 2]);
  });
});
