/**
 * Reads one contract (KA number) as AF publishes it: provider, delivery area, the rating
 * history per period with every revision, and the results per period (participants, result
 * payments per level, AF's weighted result measure, "active 22 months", "riskerar hävning"),
 * also with revisions. Plus the provider name search (current names and name variants,
 * case- and diacritics-insensitive).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contractResults, contracts, deliveryAreas, providerNameVariants, providers, ratings } from '../db/schema';
import { foldForSearch } from '../lib/text-fold';

/** One published rating of a contract for a period (a revision when AF corrects it). */
export interface RatingRow {
  period: string;
  stars: number | null;
  nullReason: string | null;
  sourceFile: string;
  publishedAt: string;
  revision: number;
}

/** A results row as stored (every column AF publishes), without our own keys. */
export type ContractResultRow = Omit<typeof contractResults.$inferSelect, 'id' | 'contractKa' | 'importRunId'>;

/** One period: the latest revision's values plus every revision, oldest first. */
export type PerPeriod<T> = T & { revisions: T[] };

export interface ContractRecord {
  kaNumber: string;
  status: string;
  serviceCode: string;
  startDate: string | null;
  acceptingNew: boolean | null;
  firstSeen: string;
  lastSeen: string;
  provider: { id: number; name: string };
  deliveryArea: { id: number; name: string; afRegion: string | null; service: string };
  /** Newest period first. */
  ratings: PerPeriod<RatingRow>[];
  /** Newest period first. */
  results: PerPeriod<ContractResultRow>[];
}

/** Groups revision rows per period: newest period first, each with its revisions oldest first. */
export function groupByPeriod<T extends { period: string; revision: number }>(rows: T[]): PerPeriod<T>[] {
  const byPeriod = new Map<string, T[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([, list]) => {
      const revisions = [...list].sort((a, b) => a.revision - b.revision);
      return { ...revisions[revisions.length - 1], revisions };
    });
}

const resultWithoutKeys = ({ id: _i, contractKa: _c, importRunId: _r, ...rest }: typeof contractResults.$inferSelect): ContractResultRow => rest;

/** Every rating row (all periods and revisions) per KA number. */
export async function ratingRows(db: Db, kas: string[]): Promise<Map<string, RatingRow[]>> {
  const out = new Map<string, RatingRow[]>();
  for (let i = 0; i < kas.length; i += 90) {
    const rows = await db
      .select({
        contractKa: ratings.contractKa,
        period: ratings.period,
        stars: ratings.stars,
        nullReason: ratings.nullReason,
        sourceFile: ratings.sourceFile,
        publishedAt: ratings.publishedAt,
        revision: ratings.revision,
      })
      .from(ratings)
      .where(inArray(ratings.contractKa, kas.slice(i, i + 90)));
    for (const { contractKa, ...r } of rows) out.set(contractKa, [...(out.get(contractKa) ?? []), r]);
  }
  return out;
}

/** The latest revision of the latest results period per KA number. */
export async function latestResults(db: Db, kas: string[]): Promise<Map<string, ContractResultRow>> {
  const out = new Map<string, ContractResultRow>();
  for (let i = 0; i < kas.length; i += 90) {
    const rows = await db.select().from(contractResults).where(inArray(contractResults.contractKa, kas.slice(i, i + 90)));
    for (const row of rows) {
      const had = out.get(row.contractKa);
      if (!had || row.period > had.period || (row.period === had.period && row.revision > had.revision)) out.set(row.contractKa, resultWithoutKeys(row));
    }
  }
  return out;
}

/** KA number as AF prints it (upper-case letters, digits, "-" or "/"), or null when malformed. */
export function parseKaParam(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9\-/]{2,39}$/.test(s) ? s : null;
}

/** One contract's full record, or null when the KA number is unknown. */
export async function getContractRecord(db: Db, ka: string): Promise<ContractRecord | null> {
  const [c] = await db
    .select({
      kaNumber: contracts.kaNumber,
      status: contracts.status,
      serviceCode: contracts.serviceCode,
      startDate: contracts.startDate,
      acceptingNew: contracts.acceptingNew,
      firstSeen: contracts.firstSeen,
      lastSeen: contracts.lastSeen,
      providerId: providers.id,
      providerName: providers.displayName,
      areaId: deliveryAreas.id,
      areaName: deliveryAreas.name,
      afRegion: deliveryAreas.afRegion,
      service: deliveryAreas.service,
    })
    .from(contracts)
    .innerJoin(providers, eq(providers.id, contracts.providerId))
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, contracts.deliveryAreaId))
    .where(eq(contracts.kaNumber, ka));
  if (!c) return null;
  const [ratingMap, resultRows] = await Promise.all([
    ratingRows(db, [ka]),
    db.select().from(contractResults).where(eq(contractResults.contractKa, ka)).orderBy(asc(contractResults.period), asc(contractResults.revision)),
  ]);
  return {
    kaNumber: c.kaNumber,
    status: c.status,
    serviceCode: c.serviceCode,
    startDate: c.startDate,
    acceptingNew: c.acceptingNew,
    firstSeen: c.firstSeen,
    lastSeen: c.lastSeen,
    provider: { id: c.providerId, name: c.providerName },
    deliveryArea: { id: c.areaId, name: c.areaName, afRegion: c.afRegion, service: c.service },
    ratings: groupByPeriod(ratingMap.get(ka) ?? []),
    results: groupByPeriod(resultRows.map(resultWithoutKeys)),
  };
}

export interface ProviderSearchHit {
  id: number;
  name: string;
  /** The name (current or earlier) that matched, when it is not the current name. */
  matchedName: string | null;
  matchedBy: 'exact' | 'prefix' | 'word' | 'contains';
}

const RANK = { exact: 0, prefix: 1, word: 2, contains: 3 } as const;

/**
 * Providers whose current name or any recorded name variant contains `q`, case- and
 * diacritics-insensitive ("ostergotland" finds "Östergötland"). Exact names first, then
 * names starting with `q`, then a word starting with it, then anywhere; alphabetical within.
 */
export async function searchProviders(db: Db, q: string, limit = 50): Promise<ProviderSearchHit[]> {
  const key = foldForSearch(q);
  if (!key) return [];
  const [current, variants] = await Promise.all([
    db.select({ id: providers.id, name: providers.displayName }).from(providers),
    db.select({ id: providerNameVariants.providerId, name: providerNameVariants.name }).from(providerNameVariants),
  ]);
  const names = new Map(current.map((p) => [p.id, p.name]));
  const best = new Map<number, ProviderSearchHit>();
  const consider = (id: number, name: string) => {
    const folded = foldForSearch(name);
    const at = folded.indexOf(key);
    if (at < 0 || !names.has(id)) return;
    const matchedBy = folded === key ? 'exact' : at === 0 ? 'prefix' : folded.includes(` ${key}`) ? 'word' : 'contains';
    const current = names.get(id)!;
    const hit: ProviderSearchHit = { id, name: current, matchedName: name === current ? null : name, matchedBy };
    const had = best.get(id);
    if (!had || RANK[matchedBy] < RANK[had.matchedBy] || (RANK[matchedBy] === RANK[had.matchedBy] && had.matchedName !== null && hit.matchedName === null)) best.set(id, hit);
  };
  for (const p of current) consider(p.id, p.name);
  for (const v of variants) consider(v.id, v.name);
  return [...best.values()]
    .sort((a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || a.name.localeCompare(b.name, 'sv') || a.id - b.id)
    .slice(0, limit);
}
