/** Explicit id allocation, so one atomic batch can insert rows and refer to them. */
import { max } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/types';

/** Next free id of a table with an integer id (explicit ids let one batch refer to new rows). */
export async function nextId(db: Db, table: SQLiteTable & { id: any }): Promise<number> {
  const [row] = await db.select({ id: max(table.id) }).from(table as SQLiteTable);
  return Number(row?.id ?? 0) + 1;
}
