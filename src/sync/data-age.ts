/**
 * How old the directory's data is, for /healthz and the officers' dashboard: per source kind the
 * newest successful import (the date the data describes, when it was imported, from which file),
 * its age in days, and whether it is older than AF_DATA_MAX_AGE_DAYS; plus, when the scheduled sync
 * is configured, when it last checked and which sources failed. Runtime-neutral.
 */
import { and, desc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { afSyncSources, importRuns } from '../db/schema';

/** The import sources whose age matters to job seekers, in the order they are shown. */
export const DATA_SOURCES = ['af_providers', 'af_ratings', 'af_results', 'af_areas', 'valkollen_csv', 'valkollen_json', 'demo'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export interface SourceAge {
  source: DataSource;
  /** The date the data describes (YYYY-MM-DD), or null when the import did not know it. */
  dataAsOf: string | null;
  importedAt: string | null;
  fileName: string | null;
  /** Whole days from dataAsOf (else the import) to now. */
  ageDays: number | null;
  stale: boolean;
}

export interface SyncStatus {
  /** AF_CHOOSER_URL or AF_FILES_URL is set. */
  configured: boolean;
  lastCheckedAt: string | null;
  sources: number;
  /** Sources whose last check failed (fetch or import), for officers. */
  failing: { url: string; kind: string; status: string; lastError: string | null; lastCheckedAt: string }[];
}

export interface DataAge {
  maxAgeDays: number;
  sources: SourceAge[];
  /** True when any source shown is older than maxAgeDays, or nothing was ever imported. */
  stale: boolean;
  sync: SyncStatus;
}

const DAY_MS = 86_400_000;

/** Whole days between `from` (an ISO date or time) and `now`, never negative. */
export function daysSince(from: string, now: Date): number {
  const t = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/**
 * Reads the newest successful import per source and the sync's state.
 * @param maxAgeDays AF_DATA_MAX_AGE_DAYS: data older than this is `stale`.
 * @param syncConfigured whether the scheduled sync has a source to fetch.
 */
export async function loadDataAge(db: Db, now: Date, maxAgeDays: number, syncConfigured: boolean): Promise<DataAge> {
  const rows = await db
    .select({ source: importRuns.source, dataAsOf: importRuns.dataAsOf, importedAt: importRuns.finishedAt, fileName: importRuns.fileName, id: importRuns.id })
    .from(importRuns)
    .where(and(inArray(importRuns.source, [...DATA_SOURCES]), inArray(importRuns.status, ['ok', 'unchanged', 'partial'])))
    .orderBy(desc(importRuns.dataAsOf), desc(importRuns.id));
  const sources: SourceAge[] = [];
  for (const source of DATA_SOURCES) {
    const r = rows.find((x) => x.source === source);
    if (!r) continue;
    const from = r.dataAsOf ?? r.importedAt;
    const ageDays = from ? daysSince(from, now) : null;
    sources.push({ source, dataAsOf: r.dataAsOf, importedAt: r.importedAt, fileName: r.fileName, ageDays, stale: ageDays !== null && ageDays > maxAgeDays });
  }
  const [agg] = await db.select({ n: sql<number>`count(*)`, last: sql<string | null>`max(${afSyncSources.lastCheckedAt})` }).from(afSyncSources);
  const failing = await db
    .select({ url: afSyncSources.url, kind: afSyncSources.kind, status: afSyncSources.status, lastError: afSyncSources.lastError, lastCheckedAt: afSyncSources.lastCheckedAt })
    .from(afSyncSources)
    .where(inArray(afSyncSources.status, ['import_failed', 'fetch_failed']))
    .orderBy(desc(afSyncSources.lastCheckedAt))
    .limit(20);
  return {
    maxAgeDays,
    sources,
    stale: sources.length === 0 || sources.some((s) => s.stale),
    sync: { configured: syncConfigured, lastCheckedAt: agg?.last ?? null, sources: Number(agg?.n ?? 0), failing },
  };
}
