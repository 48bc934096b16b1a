/**
 * Crawl fan-out for large deployments: the cron tick only finds the sites with due pages and
 * hands each to a queue consumer, so no single invocation exceeds the Workers CPU or
 * subrequest limits. Consumers run the same crawl tick, restricted to one site.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlJobs, crawlSites } from '../db/schema';
import { syncSitesFromDirectory } from './crawl-sites';
import { dueJob } from './frontier';

/** A queue message: crawl the due pages of one site. */
export interface CrawlSiteMessage {
  siteId: number;
  /** When the producer saw the work as due (ISO); for logs and ordering. */
  dueAt: string;
}

/** Sites with due, unleased pages, most overdue first, at most `limit`. */
export async function dueSites(db: Db, now: string, limit: number): Promise<CrawlSiteMessage[]> {
  const rows = await db
    .select({ siteId: crawlJobs.siteId, dueAt: sql<string>`min(${crawlJobs.nextDueAt})` })
    .from(crawlJobs)
    .innerJoin(crawlSites, eq(crawlSites.id, crawlJobs.siteId))
    .where(
and(dueJob(now), eq(crawlSites.enabled, true)),
    )
    .groupBy(crawlJobs.siteId)
    .orderBy(asc(sql`min(${crawlJobs.nextDueAt})`))
    .limit(limit);
  return rows.map((r) => ({ siteId: r.siteId, dueAt: r.dueAt }));
}

/** Producer side of the cron tick: sync sites from the directory and list the work to enqueue. */
export async function planFanOut(db: Db, now: string, limit = 100): Promise<CrawlSiteMessage[]> {
  await syncSitesFromDirectory(db, now);
  return dueSites(db, now, limit);
}
