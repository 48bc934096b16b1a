/**
 * Group commit for the crawl tick: each page's writes (snapshot, findings, job outcome) form one
 * atomic group, and the groups of pages that finish at about the same time are committed together
 * in one batch (one transaction, so one disk sync instead of one per page). A page's `write`
 * resolves only once its group is committed. If a combined batch fails, each group is retried on
 * its own, so one bad page cannot fail the others.
 */
import type { Db } from '../db/types';
import { runBatch } from '../db/types';

export interface WriteBatcher {
  /** Commits `statements` atomically, possibly together with other callers' groups. */
  write(statements: unknown[]): Promise<void>;
}

interface Pending {
  statements: unknown[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Creates a batcher that flushes on the next timer turn after the first pending group. */
export function createWriteBatcher(db: Db): WriteBatcher {
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const groups = pending;
    pending = [];
    if (!groups.length) return;
    try {
      await runBatch(db, groups.flatMap((g) => g.statements));
      for (const g of groups) g.resolve();
    } catch (err) {
      if (groups.length === 1) return groups[0].reject(err);
      for (const g of groups) {
        try {
          await runBatch(db, g.statements);
          g.resolve();
        } catch (e) {
          g.reject(e);
        }
      }
    }
  };

  return {
    write(statements) {
      if (!statements.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        pending.push({ statements, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setTimeout(() => void flush(), 0);
        }
      });
    },
  };
}
