/**
 * The crawl frontier in the database: enqueueing URLs, claiming due jobs under a lease
 * (safe when several ticks run at once: a claim is one atomic UPDATE … RETURNING), and
 * completing or releasing them. A tick that dies leaves leases that simply expire.
 */
import { and, asc, eq, inArray, isNull, lte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlJobs, crawlSites } from '../db/schema';

export interface ClaimedJob {
  id: number;
  siteId: number;
  url: string;
  depth: number;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  attempts: number;
}

export interface NewJob {
  url: string;
  depth: number;
  via: 'start' | 'sitemap' | 'link' | 'canonical' | 'manual';
}

/** Adds URLs to a site's frontier, due at `dueAt`; URLs already known are left alone. Returns how many were new. */
export async function enqueueJobs(db: Db, siteId: number, jobs: NewJob[], dueAt: string): Promise<number> {
  if (!jobs.length) return 0;
  // Chunked to stay within SQL variable limits (D1 allows 100 bound parameters per statement);
  // the chunks go in one batch (one transaction).
  const queries = [];
  for (let i = 0; i < jobs.length; i += 10) {
    const chunk = jobs.slice(i, i + 10);
    queries.push(
      db
        .insert(crawlJobs)
        .values(chunk.map((j) => ({ siteId, url: j.url, depth: j.depth, discoveredVia: j.via, nextDueAt: dueAt })))
        .onConflictDoNothing()
        .returning({ id: crawlJobs.id }),
    );
  }
  if (queries.length === 1) return (await queries[0]).length;
  const results = await (db as unknown as { batch(q: unknown[]): Promise<unknown[][]> }).batch(queries);
  return results.reduce((n, rows) => n + rows.length, 0);
}

/** Which of `urls` (normalised keys) are already in the site's frontier. One indexed read per 90 URLs. */
export async function knownJobUrls(db: Db, siteId: number, urls: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < urls.length; i += 90) {
    const rows = await db
      .select({ url: crawlJobs.url })
      .from(crawlJobs)
      .where(and(eq(crawlJobs.siteId, siteId), inArray(crawlJobs.url, urls.slice(i, i + 90))));
    for (const r of rows) known.add(r.url);
  }
  return known;
}

/** SQL condition: the job is active, due at `now` and not leased (or its lease has expired). */
export const dueJob = (now: string) =>
  and(
    eq(crawlJobs.active, true),
    lte(crawlJobs.nextDueAt, now),
    or(isNull(crawlJobs.leaseExpiresAt), lt(crawlJobs.leaseExpiresAt, now)),
  );

/**
 * Claims up to `limit` due jobs for `owner` until `leaseUntil`, oldest due first.
 * Jobs of disabled sites are never claimed. Two concurrent callers never get the same job.
 */
export async function claimDueJobs(
  db: Db,
  opts: { owner: string; now: string; leaseUntil: string; limit: number; siteId?: number },
): Promise<ClaimedJob[]> {
  const candidates = db
    .select({ id: crawlJobs.id })
    .from(crawlJobs)
    .innerJoin(crawlSites, eq(crawlSites.id, crawlJobs.siteId))
    .where(and(dueJob(opts.now), eq(crawlSites.enabled, true), opts.siteId === undefined ? undefined : eq(crawlJobs.siteId, opts.siteId)))
    .orderBy(asc(crawlJobs.nextDueAt), asc(crawlJobs.depth), asc(crawlJobs.id))
    .limit(opts.limit);
  const rows = await db
    .update(crawlJobs)
    .set({ leaseOwner: opts.owner, leaseExpiresAt: opts.leaseUntil, attempts: sql`${crawlJobs.attempts} + 1` })
    // The due condition is repeated so a job claimed between sub-select and update is skipped.
    .where(and(inArray(crawlJobs.id, candidates), dueJob(opts.now)))
    .returning({
      id: crawlJobs.id,
      siteId: crawlJobs.siteId,
      url: crawlJobs.url,
      depth: crawlJobs.depth,
      etag: crawlJobs.etag,
      lastModified: crawlJobs.lastModified,
      contentHash: crawlJobs.contentHash,
      attempts: crawlJobs.attempts,
    });
  return rows.sort((a, b) => a.depth - b.depth || a.id - b.id);
}

export interface JobOutcome {
  status: string;
  httpStatus?: number | null;
  error?: string | null;
  fetchedAt?: string;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  nextDueAt: string;
  /** false when the page is gone (404/410) or refused for good. */
  active?: boolean;
  /** Reset the attempt counter (a successful fetch). */
  resetAttempts?: boolean;
}

/**
 * Records a job's outcome and frees its lease — only if `owner` still holds it (a tick
 * whose lease expired must not overwrite the newer holder's work). Returns false then.
 */
export async function completeJob(db: Db, jobId: number, owner: string, o: JobOutcome): Promise<boolean> {
  const rows = await completeJobQuery(db, jobId, owner, o);
  return rows.length === 1;
}

/** The statement of `completeJob`, unexecuted, to run in a batch with a page's other writes. */
export function completeJobQuery(db: Db, jobId: number, owner: string, o: JobOutcome) {
  return db
    .update(crawlJobs)
    .set({
      lastStatus: o.status,
      lastHttpStatus: o.httpStatus ?? null,
      lastError: o.error ? o.error.slice(0, 500) : null,
      ...(o.fetchedAt ? { lastFetchedAt: o.fetchedAt } : {}),
      ...(o.etag !== undefined ? { etag: o.etag } : {}),
      ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
      ...(o.contentHash !== undefined ? { contentHash: o.contentHash } : {}),
      ...(o.resetAttempts ? { attempts: 0 } : {}),
      ...(o.active !== undefined ? { active: o.active } : {}),
      nextDueAt: o.nextDueAt,
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(and(eq(crawlJobs.id, jobId), eq(crawlJobs.leaseOwner, owner)))
    .returning({ id: crawlJobs.id });
}

/** Gives a claimed job back untouched (e.g. its host is busy), due again at `nextDueAt`; the attempt is not counted. */
export async function releaseJob(db: Db, jobId: number, owner: string, nextDueAt: string): Promise<void> {
  await db
    .update(crawlJobs)
    .set({ leaseOwner: null, leaseExpiresAt: null, nextDueAt, attempts: sql`max(${crawlJobs.attempts} - 1, 0)` })
    .where(and(eq(crawlJobs.id, jobId), eq(crawlJobs.leaseOwner, owner)));
}

/** Makes every active job of a site due now (a "recheck now" or a new crawl round). */
export async function makeSiteDue(db: Db, siteId: number, now: string): Promise<void> {
  await db.update(crawlJobs).set({ nextDueAt: now }).where(and(eq(crawlJobs.siteId, siteId), eq(crawlJobs.active, true)));
}

/** Makes one job due now (officer's "recheck this page"). */
export async function makeJobDue(db: Db, jobId: number, now: string): Promise<void> {
  await db.update(crawlJobs).set({ nextDueAt: now }).where(eq(crawlJobs.id, jobId));
}

/** Number of jobs of a site (for the per-site page cap). */
export async function countSiteJobs(db: Db, siteId: number): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(crawlJobs).where(eq(crawlJobs.siteId, siteId));
  return Number(r?.n ?? 0);
}
