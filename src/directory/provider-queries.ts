/**
 * Reads providers for the directory: the providers delivering in a municipality (through a
 * current contract whose delivery area covers it) and one provider's full record.
 */
import { and, asc, desc, eq, gt, inArray, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { currentDeliveryAreaIdsQuery } from './municipality-queries';
import { latestResults, type ContractResultRow, type RatingRow } from './contract-queries';
import { officeColumns, serviceOfficesFor, type OfficeRow } from './office-queries';
import type { Db } from '../db/types';
import {
  contracts,
  deliveryAreas,
  importRuns,
  languages,
  municipalities,
  offices,
  providerClaims,
  providerNameVariants,
  providers,
  ratings,
} from '../db/schema';

export interface ContractSummary {
  kaNumber: string;
  deliveryArea: { id: number; name: string; afRegion: string | null };
  startDate: string | null;
  acceptingNew: boolean | null;
  status: string;
  /** Latest revision of the latest period, or null when AF has published nothing for it. */
  rating: RatingRow | null;
}

export interface LanguageClaim {
  code: string;
  nameSv: string;
  nameEn: string;
  nameNative: string;
  origin: string;
  sourceUrl: string | null;
}

export interface ProviderListItem {
  id: number;
  name: string;
  website: string | null;
  isSoleTrader: boolean;
  languages: LanguageClaim[];
  remoteMeetings: { value: string; origin: string } | null;
  /** Contracts whose delivery area covers the municipality. */
  contracts: ContractSummary[];
  /** Offices inside the municipality. */
  officesHere: OfficeRow[];
  officeCount: number;
  /**
   * Offices that may serve the job seeker: those in the municipalities of the provider's delivery
   * areas covering this municipality (all its offices when it has none there). For "nearest office".
   */
  areaOffices: OfficeRow[];
}

/** The freshest non-reference import: the "data as of" stamp shown with official figures. */
export interface DataAsOf {
  dataAsOf: string | null;
  source: string;
  fileName: string | null;
  importedAt: string | null;
}

/** Latest revision of the latest period per contract. */
export function currentRating(rows: RatingRow[]): RatingRow | null {
  let best: RatingRow | null = null;
  for (const r of rows) {
    if (!best || r.period > best.period || (r.period === best.period && r.revision > best.revision)) best = r;
  }
  return best;
}

const ratingColumns = {
  contractKa: ratings.contractKa,
  period: ratings.period,
  stars: ratings.stars,
  nullReason: ratings.nullReason,
  sourceFile: ratings.sourceFile,
  publishedAt: ratings.publishedAt,
  revision: ratings.revision,
};

async function ratingsFor(db: Db, kas: string[]) {
  const out = new Map<string, RatingRow[]>();
  if (!kas.length) return out;
  const rows = await db.select(ratingColumns).from(ratings).where(inArray(ratings.contractKa, kas));
  for (const { contractKa, ...r } of rows) out.set(contractKa, [...(out.get(contractKa) ?? []), r]);
  return out;
}

/**
 * The ratings table aliased as `latest` and the join condition that keeps only a contract's
 * current rating (latest revision of the latest period: no newer row exists). Cheaper than
 * fetching every period's rows and picking in JavaScript.
 */
function currentRatingJoin(db: Db) {
  const latest = alias(ratings, 'latest');
  const newer = alias(ratings, 'newer');
  const on = and(
    eq(latest.contractKa, contracts.kaNumber),
    notExists(
      db
        .select({ one: sql`1` })
        .from(newer)
        .where(
          and(
            eq(newer.contractKa, latest.contractKa),
            or(gt(newer.period, latest.period), and(eq(newer.period, latest.period), gt(newer.revision, latest.revision))),
          ),
        ),
    ),
  );
  return { latest, on };
}

async function claimsFor(db: Db, providerIds: number[]) {
  const langs = new Map<number, LanguageClaim[]>();
  const remote = new Map<number, { value: string; origin: string }>();
  if (!providerIds.length) return { langs, remote };
  const rows = await db
    .select({
      providerId: providerClaims.providerId,
      kind: providerClaims.kind,
      value: providerClaims.value,
      origin: providerClaims.origin,
      sourceUrl: providerClaims.sourceUrl,
      nameSv: languages.nameSv,
      nameEn: languages.nameEn,
      nameNative: languages.nameNative,
    })
    .from(providerClaims)
    .leftJoin(languages, and(eq(providerClaims.kind, 'language'), eq(languages.code, providerClaims.value)))
    .where(inArray(providerClaims.providerId, providerIds));
  const originRank: Record<string, number> = { official: 0, provider_site: 1, provider_declared: 2 };
  for (const r of rows) {
    if (r.kind === 'language' && r.nameSv) {
      const list = langs.get(r.providerId) ?? [];
      const existing = list.find((l) => l.code === r.value);
      // One entry per language; the strongest origin wins (official > seen on site > declared).
      if (!existing) {
        list.push({ code: r.value, nameSv: r.nameSv, nameEn: r.nameEn!, nameNative: r.nameNative!, origin: r.origin, sourceUrl: r.sourceUrl });
      } else if ((originRank[r.origin] ?? 9) < (originRank[existing.origin] ?? 9)) {
        Object.assign(existing, { origin: r.origin, sourceUrl: r.sourceUrl });
      }
      langs.set(r.providerId, list);
    } else if (r.kind === 'remote_meetings') {
      remote.set(r.providerId, { value: r.value, origin: r.origin });
    }
  }
  // Swedish first, then alphabetical by Swedish name: a stable, neutral order.
  for (const list of langs.values()) {
    list.sort((a, b) => (a.code === 'sv' ? -1 : b.code === 'sv' ? 1 : a.nameSv.localeCompare(b.nameSv, 'sv')));
  }
  return { langs, remote };
}

/**
 * Every provider with an active contract whose delivery area covers `municipalityCode` on
 * `today`, unfiltered and unordered (ordering is the caller's explicit choice).
 */
export async function listProvidersForMunicipality(db: Db, municipalityCode: string, today: string): Promise<ProviderListItem[]> {
  // One query for contracts with their provider, area, current rating and office count;
  // few queries and few rows matter more than anything else on this hot path.
  const { latest, on: isCurrentRating } = currentRatingJoin(db);
  const rows = await db
    .select({
      kaNumber: contracts.kaNumber,
      providerId: providers.id,
      name: providers.displayName,
      website: providers.website,
      isSoleTrader: providers.isSoleTrader,
      startDate: contracts.startDate,
      acceptingNew: contracts.acceptingNew,
      status: contracts.status,
      areaId: deliveryAreas.id,
      areaName: deliveryAreas.name,
      afRegion: deliveryAreas.afRegion,
      rating: {
        period: latest.period,
        stars: latest.stars,
        nullReason: latest.nullReason,
        sourceFile: latest.sourceFile,
        publishedAt: latest.publishedAt,
        revision: latest.revision,
      },
      officeCount: sql<number>`(select count(*) from ${offices} where ${offices.providerId} = ${providers.id})`.mapWith(Number),
    })
    .from(contracts)
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, contracts.deliveryAreaId))
    .innerJoin(providers, eq(providers.id, contracts.providerId))
    .leftJoin(latest, isCurrentRating)
    .where(and(inArray(contracts.deliveryAreaId, currentDeliveryAreaIdsQuery(db, municipalityCode, today)), eq(contracts.status, 'active')));
  if (!rows.length) return [];
  const providerIds = [...new Set(rows.map((r) => r.providerId))];
  // Offices: only those inside the municipality (national chains have hundreds elsewhere).
  const [claims, officeRows, areaOffices] = await Promise.all([
    claimsFor(db, providerIds),
    db
      .select(officeColumns)
      .from(offices)
      .leftJoin(municipalities, eq(municipalities.code, offices.municipalityCode))
      .where(and(inArray(offices.providerId, providerIds), eq(offices.municipalityCode, municipalityCode)))
      .orderBy(asc(offices.id)),
    serviceOfficesFor(db, providerIds, municipalityCode, today),
  ]);
  const items = new Map<number, ProviderListItem>();
  for (const r of rows) {
    const item =
      items.get(r.providerId) ??
      ({
        id: r.providerId,
        name: r.name,
        website: r.website,
        isSoleTrader: r.isSoleTrader,
        languages: claims.langs.get(r.providerId) ?? [],
        remoteMeetings: claims.remote.get(r.providerId) ?? null,
        contracts: [],
        officesHere: [],
        officeCount: r.officeCount,
        areaOffices: areaOffices.get(r.providerId) ?? [],
      } satisfies ProviderListItem);
    item.contracts.push({
      kaNumber: r.kaNumber,
      deliveryArea: { id: r.areaId, name: r.areaName, afRegion: r.afRegion },
      startDate: r.startDate,
      acceptingNew: r.acceptingNew,
      status: r.status,
      // A left-joined rating is all-null when AF has published nothing for the contract.
      rating: r.rating?.period ? r.rating : null,
    });
    items.set(r.providerId, item);
  }
  for (const { providerId, ...o } of officeRows) items.get(providerId)!.officesHere.push(o);
  return [...items.values()];
}

export interface ProviderDetail {
  id: number;
  /** Null while the provider is known only by name from AF's rating/results files. */
  orgnr: string | null;
  legalForm: string | null;
  isSoleTrader: boolean;
  name: string;
  formerNames: { name: string; seenFrom: string; seenTo: string | null }[];
  website: string | null;
  description: string | null;
  firstSeen: string;
  lastSeen: string;
  languages: LanguageClaim[];
  remoteMeetings: { value: string; origin: string } | null;
  contracts: (ContractSummary & { ratingHistory: RatingRow[]; result: ResultRow | null })[];
  offices: OfficeRow[];
  /**
   * True when AF's newest published list (chooser list or rating file) no longer has the
   * provider: it "left" on `lastSeen`. False when it is listed, or no AF list was imported.
   */
  leftAfList: boolean;
}

/** AF's published result figures of one contract (every column): the latest revision of the latest period. */
export type ResultRow = ContractResultRow;

/** Publication date of AF's newest full list (chooser JSON or rating workbook), or null. */
export async function latestAfListDate(db: Db): Promise<string | null> {
  const [r] = await db
    .select({ d: importRuns.dataAsOf })
    .from(importRuns)
    .where(and(inArray(importRuns.source, ['af_providers', 'af_ratings']), inArray(importRuns.status, ['ok', 'unchanged'])))
    .orderBy(desc(importRuns.dataAsOf))
    .limit(1);
  return r?.d ?? null;
}

/** One provider with all contracts (active first), rating history and offices; null when unknown. */
export async function getProviderDetail(db: Db, id: number): Promise<ProviderDetail | null> {
  const [p] = await db.select().from(providers).where(eq(providers.id, id));
  if (!p) return null;
  const [contractRows, variants, claims, officeRows] = await Promise.all([
    db
      .select({
        kaNumber: contracts.kaNumber,
        startDate: contracts.startDate,
        acceptingNew: contracts.acceptingNew,
        status: contracts.status,
        areaId: deliveryAreas.id,
        areaName: deliveryAreas.name,
        afRegion: deliveryAreas.afRegion,
      })
      .from(contracts)
      .innerJoin(deliveryAreas, eq(deliveryAreas.id, contracts.deliveryAreaId))
      .where(eq(contracts.providerId, id))
      .orderBy(asc(contracts.status), asc(deliveryAreas.name)),
    db
      .select()
      .from(providerNameVariants)
      .where(and(eq(providerNameVariants.providerId, id), ne(providerNameVariants.name, p.displayName)))
      .orderBy(desc(providerNameVariants.seenFrom)),
    claimsFor(db, [id]),
    db
      .select(officeColumns)
      .from(offices)
      .leftJoin(municipalities, eq(municipalities.code, offices.municipalityCode))
      .where(eq(offices.providerId, id))
      .orderBy(asc(offices.town), asc(offices.street)),
  ]);
  const kas = contractRows.map((c) => c.kaNumber);
  const [ratingMap, resultMap, afListDate] = await Promise.all([ratingsFor(db, kas), latestResults(db, kas), latestAfListDate(db)]);
  return {
    id: p.id,
    orgnr: p.orgnr,
    legalForm: p.legalForm,
    isSoleTrader: p.isSoleTrader,
    name: p.displayName,
    formerNames: variants.map((v) => ({ name: v.name, seenFrom: v.seenFrom, seenTo: v.seenTo })),
    website: p.website,
    description: p.description,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    languages: claims.langs.get(id) ?? [],
    remoteMeetings: claims.remote.get(id) ?? null,
    contracts: contractRows.map((c) => {
      const history = (ratingMap.get(c.kaNumber) ?? []).sort(
        (a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : b.revision - a.revision),
      );
      return {
        kaNumber: c.kaNumber,
        deliveryArea: { id: c.areaId, name: c.areaName, afRegion: c.afRegion },
        startDate: c.startDate,
        acceptingNew: c.acceptingNew,
        status: c.status,
        rating: currentRating(history),
        ratingHistory: history,
        result: resultMap.get(c.kaNumber) ?? null,
      };
    }),
    offices: officeRows.map(({ providerId: _p, ...o }) => o),
    leftAfList: afListDate !== null && p.lastSeen < afListDate,
  };
}

/** Several providers for the comparison page, in the order of `ids`; unknown ids are skipped. */
export async function getProviderDetails(db: Db, ids: number[]): Promise<ProviderDetail[]> {
  const out = await Promise.all(ids.map((id) => getProviderDetail(db, id)));
  return out.filter((p): p is ProviderDetail => p !== null);
}

/** The freshest successful provider-data import ("data as of"). */
export async function getDataAsOf(db: Db): Promise<DataAsOf | null> {
  const [r] = await db
    .select({ dataAsOf: importRuns.dataAsOf, source: importRuns.source, fileName: importRuns.fileName, importedAt: importRuns.finishedAt })
    .from(importRuns)
    .where(and(ne(importRuns.source, 'reference'), inArray(importRuns.status, ['ok', 'unchanged'])))
    .orderBy(desc(importRuns.dataAsOf), desc(importRuns.id))
    .limit(1);
  return r ?? null;
}
