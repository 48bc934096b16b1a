// The importers' write path on D1 inside workerd: insertStatements' JSON-bound multi-row inserts
// (json_each, one parameter per statement) store every value as it was, and inWriteTransaction,
// which has no interactive transaction on D1, sends its chunks as one all-or-nothing batch.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { sql } from 'drizzle-orm';
import { periodWeights, providers, schema } from '../../src/db/schema';
import { runBatch, type Db } from '../../src/db/types';
import { inWriteTransaction } from '../../src/db/write-transaction';
import { insertStatements } from '../../src/db/insert-rows';

const db = drizzle(env.DB, { schema }) as unknown as Db;

describe('Worker: import writes over D1', () => {
  it('insertStatements stores text, nulls, booleans, reals and column defaults exactly, in chunks of one parameter', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `Åkerö "Väg'ledning" ${i} AB`);
    const rows = names.map((displayName, i) => ({
      id: 90_000 + i, orgnr: null, isSoleTrader: i % 2 === 0, displayName, firstSeen: '2026-11-01', lastSeen: '2026-11-01',
    }));
    const statements = insertStatements(db, providers, rows);
    expect(statements.length).toBeGreaterThan(1); // over 64 KB of rows: several statements
    await runBatch(db, statements);
    const stored = await env.DB.prepare('SELECT id, orgnr, is_sole_trader AS s, display_name AS n, legal_form AS f FROM providers WHERE id >= 90000 ORDER BY id').all();
    expect(stored.results).toEqual(rows.map((r) => ({ id: r.id, orgnr: null, s: r.isSoleTrader ? 1 : 0, n: r.displayName, f: null })));

    await runBatch(db, insertStatements(db, periodWeights, [{ period: '2030-01', weightA: 0.701797, weightB: 1, weightC: 1.33, sourceFile: 'x.xlsx', publishedAt: '2030-02-01' }]));
    const w = await env.DB.prepare("SELECT weight_a AS a, weight_b AS b, typeof(weight_b) AS tb, weight_c AS c, revision FROM period_weights WHERE period = '2030-01'").first();
    expect(w).toEqual({ a: 0.701797, b: 1, tb: 'real', c: 1.33, revision: 1 });
  });

  it('inWriteTransaction queues its chunks for one batch: all written, or nothing when a chunk fails', async () => {
    const row = (id: number) => ({ id, displayName: `P${id}`, firstSeen: '2026-11-01', lastSeen: '2026-11-01' });
    await inWriteTransaction(db, async (tx) => {
      await tx.write(insertStatements(tx.db, providers, [row(95_001)]));
      await tx.write(insertStatements(tx.db, providers, [row(95_002)]));
    });
    await expect(inWriteTransaction(db, async (tx) => {
      await tx.write(insertStatements(tx.db, providers, [row(95_003)]));
      await tx.write([tx.db.run(sql.raw('INSERT INTO no_such_table VALUES (1)'))]);
    })).rejects.toThrow();
    const ids = await env.DB.prepare('SELECT id FROM providers WHERE id >= 95000 ORDER BY id').all();
    expect(ids.results).toEqual([{ id: 95_001 }, { id: 95_002 }]);
  });
});
