/**
 * Multi-row INSERT statements split so each stays under D1's limit of 100 bound
 * parameters per statement (libsql and Turso accept the same statements).
 */
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../types';

export const MAX_BOUND_PARAMETERS = 100;

/** INSERT statements (not yet executed) for `rows`, chunked by the parameter limit. */
export function insertStatements(db: Db, table: SQLiteTable, rows: Record<string, unknown>[]): unknown[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(getTableColumns(table)).length;
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns));
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    out.push(db.insert(table).values(rows.slice(i, i + perStatement) as never));
  }
  return out;
}
