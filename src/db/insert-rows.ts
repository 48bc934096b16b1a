/**
 * Multi-row INSERT statements for bulk writes (AF imports, demo data): many rows per statement
 * as one JSON literal, so a large write is a short array of statements for one atomic batch.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './types';

/** A value for the JSON rows of insertStatements: null, a finite number, 0/1, or a string (NULs dropped). */
function jsonValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot store the number ${v}`);
    return v;
  }
  if (typeof v === 'string') return v.replace(/\u0000/g, '');
  throw new Error(`cannot store a ${typeof v} in an SQL column`);
}

/**
 * INSERT statements (not executed) for `rows`, many rows each, so a large import stays a short
 * array of statements for one atomic batch or transaction. Each statement carries its rows as
 * ONE JSON text (an array of arrays, at most ~64 KB), unpacked by SQLite:
 * `INSERT INTO t (a, b) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each('[[…],…]')`.
 * Why (issue 17): a bound parameter per value made a 10 MB file cost over a gigabyte in
 * statement objects (and D1 allows only 100 per statement); rows written as SQL literal tuples
 * compile to a program of ~1.5 KB per row that the libsql driver frees only when the JS garbage
 * collector gets to the statement, which it seldom does (82,000 result rows left ~100 MB of such
 * native memory behind); this statement's program is the same few dozen instructions and one
 * string for any number of rows. The JSON is a quoted literal, not a bound parameter, because
 * drizzle's D1 batch cannot take a raw statement with parameters. Rows with different sets of
 * fields go in separate statements, so an absent field still gets its column default.
 */
export function insertStatements(db: Db, table: SQLiteTable, rows: Record<string, unknown>[]): unknown[] {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const name = getTableName(table);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const keys = Object.keys(r).filter((k) => r[k] !== undefined && columns[k]).sort().join(',');
    const group = groups.get(keys);
    if (group) group.push(r);
    else groups.set(keys, [r]);
  }
  const out: unknown[] = [];
  for (const [keyList, group] of groups) {
    const keys = keyList.split(',');
    const head =
      `INSERT INTO "${name}" (${keys.map((k) => `"${columns[k].name}"`).join(', ')}) ` +
      `SELECT ${keys.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(`;
    let tuples: string[] = [];
    let size = 2;
    const flush = () => {
      if (tuples.length) out.push(db.run(sql.raw(`${head}'[${tuples.join(',')}]')`)));
      tuples = [];
      size = 2;
    };
    for (const r of group) {
      const tuple = JSON.stringify(keys.map((k) => jsonValue(r[k]))).replace(/'/g, "''");
      if (size + tuple.length > 64_000) flush();
      tuples.push(tuple);
      size += tuple.length + 1;
    }
    flush();
  }
  return out;
}
