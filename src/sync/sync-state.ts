/** Reads and writes the AF sync's per-source state (table af_sync_sources). */
import { eq } from 'drizzle-orm';
import { afSyncSources } from '../db/schema';
import type { Db } from '../db/types';

export type SyncSourceRow = typeof afSyncSources.$inferSelect;
export type SyncSourcePatch = Partial<Omit<SyncSourceRow, 'id' | 'url'>> & Pick<SyncSourceRow, 'kind' | 'status' | 'lastCheckedAt'>;

/** The stored state of `url`, or null the first time it is seen. */
export async function loadSource(db: Db, url: string): Promise<SyncSourceRow | null> {
  const [row] = await db.select().from(afSyncSources).where(eq(afSyncSources.url, url));
  return row ?? null;
}

/** Inserts or updates the state of `url`. */
export async function saveSource(db: Db, url: string, patch: SyncSourcePatch): Promise<void> {
  await db
    .insert(afSyncSources)
    .values({ url, ...patch })
    .onConflictDoUpdate({ target: afSyncSources.url, set: patch });
}

/** Every source, for the dashboard and /healthz. */
export async function allSources(db: Db): Promise<SyncSourceRow[]> {
  return db.select().from(afSyncSources);
}
