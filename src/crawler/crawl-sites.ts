/**
 * Crawl targets: one site per provider website in the directory (kept in sync), plus
 * ad-hoc sites for URLs that belong to no provider. Each site starts with its start URL
 * in the frontier; sitemaps and links add the rest.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlSites, providers } from '../db/schema';
import { enqueueJobs } from './frontier';
import { urlKey } from '../web/url-normalise';

export interface SiteRef {
  id: number;
  providerId: number | null;
  origin: string;
  startUrl: string;
}

/** Top-level names reserved for examples and tests (RFC 2606, RFC 6761): never crawled, never looked up. */
const RESERVED_TLDS = new Set(['example', 'invalid', 'test', 'localhost']);

/** True for hosts under a reserved top-level name (the fictional demo providers use ".example"). */
export function isReservedHost(host: string): boolean {
  const tld = host.toLowerCase().replace(/\.$/, '').split('.').pop() ?? '';
  return RESERVED_TLDS.has(tld);
}

/**
 * A provider website as stored ("www.x.se", "https://x.se/om") → its start URL, or null when it
 * is unusable or on a reserved name.
 */
export function startUrlOf(website: string): string | null {
  const trimmed = website.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const key = urlKey(withScheme);
  return key && !isReservedHost(new URL(key).hostname) ? key : null;
}

/** The origin (scheme://host[:port]) of a normalised URL. */
export const originOf = (url: string) => new URL(url).origin;

/** Creates or returns the site for `startUrl` (owned by `providerId`, or ad hoc when null), with its start job. */
export async function ensureSite(db: Db, startUrl: string, providerId: number | null, now: string): Promise<SiteRef> {
  const origin = originOf(startUrl);
  const match = and(eq(crawlSites.origin, origin), providerId === null ? isNull(crawlSites.providerId) : eq(crawlSites.providerId, providerId));
  let [site] = await db.select().from(crawlSites).where(match);
  if (!site) {
    await db.insert(crawlSites).values({ origin, startUrl, providerId }).onConflictDoNothing();
    [site] = await db.select().from(crawlSites).where(match);
  }
  await enqueueJobs(db, site.id, [{ url: startUrl, depth: 0, via: 'start' }], now);
  return { id: site.id, providerId: site.providerId, origin: site.origin, startUrl: site.startUrl };
}

/**
 * Makes sure every provider with a usable website has a site and a start job. Returns the
 * number of sites created. Providers whose website is invalid are skipped (and counted).
 */
export async function syncSitesFromDirectory(db: Db, now: string): Promise<{ created: number; skipped: number }> {
  const rows = await db
    .select({ id: providers.id, website: providers.website, siteId: crawlSites.id })
    .from(providers)
    .leftJoin(crawlSites, eq(crawlSites.providerId, providers.id))
    .where(isNotNull(providers.website));
  let created = 0;
  let skipped = 0;
  for (const r of rows) {
    if (r.siteId !== null) continue;
    const start = startUrlOf(r.website!);
    if (!start) {
      skipped++;
      continue;
    }
    await ensureSite(db, start, r.id, now);
    created++;
  }
  return { created, skipped };
}

/** The site of a provider (first one), or null. */
export async function siteOfProvider(db: Db, providerId: number): Promise<SiteRef | null> {
  const [s] = await db.select().from(crawlSites).where(eq(crawlSites.providerId, providerId)).limit(1);
  return s ? { id: s.id, providerId: s.providerId, origin: s.origin, startUrl: s.startUrl } : null;
}
