/**
 * The official facts the rule engine needs about a crawled provider: name, current and past
 * ratings per delivery area (for rating claims) and its own domains (for impersonation checks).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contracts, deliveryAreas, providers, ratings } from '../db/schema';
import type { ProviderFacts } from '../compliance/types';

/** Facts about provider `id` for the engine; ratings keep only each period's latest revision. */
export async function providerFacts(db: Db, id: number): Promise<ProviderFacts | undefined> {
  const [p] = await db.select({ name: providers.displayName, website: providers.website }).from(providers).where(eq(providers.id, id));
  if (!p) return undefined;
  const rows = await db
    .select({ area: deliveryAreas.name, stars: ratings.stars, period: ratings.period, revision: ratings.revision, ka: ratings.contractKa })
    .from(ratings)
    .innerJoin(contracts, eq(contracts.kaNumber, ratings.contractKa))
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, contracts.deliveryAreaId))
    .where(eq(contracts.providerId, id));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.ka}|${r.period}`;
    const prev = latest.get(key);
    if (!prev || r.revision > prev.revision) latest.set(key, r);
  }
  let domain: string | undefined;
  try {
    if (p.website) domain = new URL(/^https?:\/\//i.test(p.website) ? p.website : `https://${p.website}`).hostname.replace(/^www\./, '');
  } catch {
    domain = undefined;
  }
  return {
    id,
    name: p.name,
    ratings: [...latest.values()].map((r) => ({ area: r.area, stars: r.stars, period: r.period })),
    domains: domain ? [domain] : [],
  };
}
