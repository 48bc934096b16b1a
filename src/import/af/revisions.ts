/**
 * Revision bookkeeping for AF's per-period figures (ratings, results): the latest stored
 * revision per contract and period, and the decision for a value from a new file —
 * new (revision 1), unchanged, revised (revision n+1, never an overwrite) or stale (the
 * stored revision was published after this file, so the older file cannot revise it).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { contractResults, ratings } from '../../db/schema';
import type { Db } from '../../db/types';
import { chunked } from '../../lib/chunked';

type FigureTable = typeof ratings | typeof contractResults;
type Row<T extends FigureTable> = T['$inferSelect'];

/**
 * Latest revision per "KA|period" among `kas`; of one `period` only when given (an importer
 * that writes period by period then holds one period's stored figures, not all of them).
 */
export async function latestRevisions<T extends FigureTable>(db: Db, table: T, kas: string[], period?: string): Promise<Map<string, Row<T>>> {
  const out = new Map<string, Row<T>>();
  for (const group of chunked(kas)) {
    const inGroup = inArray(table.contractKa, group);
    const rows = (await db.select().from(table as never).where(period === undefined ? inGroup : and(inGroup, eq(table.period, period)))) as Row<T>[];
    for (const r of rows) {
      const key = `${r.contractKa}|${r.period}`;
      const had = out.get(key);
      if (!had || r.revision > had.revision) out.set(key, r);
    }
  }
  return out;
}

export type Decision = { kind: 'created'; revision: 1 } | { kind: 'revised'; revision: number } | { kind: 'unchanged' } | { kind: 'stale' };

/** What to do with a value: `same` says whether it equals the latest stored revision. */
export function decide(latest: { revision: number; publishedAt: string } | undefined, same: boolean, dataAsOf: string): Decision {
  if (!latest) return { kind: 'created', revision: 1 };
  if (same) return { kind: 'unchanged' };
  if (dataAsOf < latest.publishedAt) return { kind: 'stale' };
  return { kind: 'revised', revision: latest.revision + 1 };
}
