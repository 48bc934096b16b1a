/**
 * Everything the finding page shows: the finding, its provider, the page's latest and previous
 * snapshots (for the evidence and the diff), the crawl job (for "recheck now") and the history.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { crawlJobs, findingEvents, findings, pageSnapshots, providers } from '../../db/schema';
import type { Db } from '../../db/types';

export type FindingRow = typeof findings.$inferSelect;
export type SnapshotRow = typeof pageSnapshots.$inferSelect;
export type EventRow = typeof findingEvents.$inferSelect;

export interface FindingDetail {
  finding: FindingRow;
  provider: { id: number; name: string } | null;
  /** The snapshot the finding was last seen in (or the job's latest): the evidence. */
  snapshot: SnapshotRow | null;
  /** The page's latest snapshot and the one before it: "what changed since the previous crawl". */
  latest: SnapshotRow | null;
  previous: SnapshotRow | null;
  job: { id: number; active: boolean; nextDueAt: string; lastFetchedAt: string | null; lastStatus: string | null } | null;
  events: EventRow[];
}

/** Loads a finding with its evidence and history; null when there is no such finding. */
export async function loadFindingDetail(db: Db, id: number): Promise<FindingDetail | null> {
  const [finding] = await db.select().from(findings).where(eq(findings.id, id));
  if (!finding) return null;
  const [provider, job, events, snapshot] = await Promise.all([
    finding.providerId === null ? Promise.resolve([]) : db.select({ id: providers.id, name: providers.displayName }).from(providers).where(eq(providers.id, finding.providerId)),
    finding.jobId === null
      ? Promise.resolve([])
      : db.select({ id: crawlJobs.id, active: crawlJobs.active, nextDueAt: crawlJobs.nextDueAt, lastFetchedAt: crawlJobs.lastFetchedAt, lastStatus: crawlJobs.lastStatus }).from(crawlJobs).where(eq(crawlJobs.id, finding.jobId)),
    db.select().from(findingEvents).where(eq(findingEvents.findingId, id)).orderBy(asc(findingEvents.at), asc(findingEvents.id)),
    finding.lastSnapshotId !== null
      ? db.select().from(pageSnapshots).where(eq(pageSnapshots.id, finding.lastSnapshotId))
      : finding.jobId !== null
        ? db.select().from(pageSnapshots).where(eq(pageSnapshots.jobId, finding.jobId)).orderBy(desc(pageSnapshots.id)).limit(1)
        : Promise.resolve([]),
  ]);
  const snap = snapshot[0] ?? null;
  // For a resolved finding the latest snapshot is the one without the words: its diff shows the fix.
  let latest: SnapshotRow | null = snap;
  let previous: SnapshotRow | null = null;
  if (snap) {
    const [newest, before] = await db.select().from(pageSnapshots).where(eq(pageSnapshots.jobId, snap.jobId)).orderBy(desc(pageSnapshots.id)).limit(2);
    latest = newest ?? snap;
    previous = latest.id === newest?.id ? (before ?? null) : null;
  }
  return { finding, provider: provider[0] ?? null, snapshot: snap, latest, previous, job: job[0] ?? null, events };
}
