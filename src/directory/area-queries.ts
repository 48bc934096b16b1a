/**
 * Reads delivery areas (leveransområden) for the public area list and area pages: each area's
 * stable URL slug, the municipalities it covers where known (with the basis of each
 * membership), and its contracts with provider, current rating and latest AF results.
 * Nothing is inferred here: an area without membership rows simply has none.
 */
import { and, asc, count, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contracts, deliveryAreaMunicipalities, deliveryAreas, municipalities, offices, providers } from '../db/schema';
import { currentRating } from './provider-queries';
import type { RatingRow } from './contract-queries';
import { latestResults, ratingRows, type ContractResultRow } from './contract-queries';
import { slugify } from '../lib/text-fold';

export interface AreaRef {
  id: number;
  slug: string;
  name: string;
  afRegion: string | null;
  /** 'rom2' | 'rom1' | 'pilot2020' */
  service: string;
  validFrom: string | null;
  validTo: string | null;
  /** Where the area comes from (an AF file name, 'af_document', 'seed_documents', 'demo'). */
  source: string;
}

export interface AreaListItem extends AreaRef {
  /** False when the area had ended by today. */
  current: boolean;
  /** Municipalities with a current membership row; 0 = unknown, never "none". */
  municipalityCount: number;
  activeContracts: number;
}

export interface AreaMunicipality {
  code: string;
  name: string;
  slug: string;
  /** 'af_document' | 'inferred' | 'demo' …, optionally with free text after a colon. */
  basis: string;
  validFrom: string;
  validTo: string | null;
}

export interface AreaContract {
  kaNumber: string;
  provider: { id: number; name: string };
  status: string;
  startDate: string | null;
  acceptingNew: boolean | null;
  rating: RatingRow | null;
  result: ContractResultRow | null;
}

export interface AreaDetail extends AreaRef {
  current: boolean;
  municipalities: AreaMunicipality[];
  contracts: AreaContract[];
}

const SERVICE_RANK: Record<string, number> = { rom2: 0, rom1: 1, pilot2020: 2 };
const SERVICE_SUFFIX: Record<string, string> = { rom1: 'rom1', pilot2020: '2020' };

/**
 * Gives every area a unique slug from its name: current RoM2 areas get the bare name
 * ("goteborg-syd-ost"); an older area of the same name gets its generation appended
 * ("vasteras-2020"), and any remaining clash the id. Deterministic for a given set of areas.
 */
export function assignAreaSlugs<T extends { id: number; name: string; service: string }>(areas: T[]): (T & { slug: string })[] {
  const sorted = [...areas].sort((a, b) => (SERVICE_RANK[a.service] ?? 9) - (SERVICE_RANK[b.service] ?? 9) || a.id - b.id);
  const taken = new Set<string>();
  const out = new Map<number, string>();
  for (const a of sorted) {
    const base = slugify(a.name) || `omrade-${a.id}`;
    let slug = base;
    if (taken.has(slug)) slug = `${base}-${SERVICE_SUFFIX[a.service] ?? a.service}`;
    if (taken.has(slug)) slug = `${base}-${a.id}`;
    taken.add(slug);
    out.set(a.id, slug);
  }
  return areas.map((a) => ({ ...a, slug: out.get(a.id)! }));
}

const isCurrent = (a: { validTo: string | null }, today: string) => a.validTo === null || a.validTo >= today;

/** Every delivery area with its slug (all generations). */
export async function allAreaRefs(db: Db): Promise<AreaRef[]> {
  const rows = await db
    .select({
      id: deliveryAreas.id,
      name: deliveryAreas.name,
      afRegion: deliveryAreas.afRegion,
      service: deliveryAreas.service,
      validFrom: deliveryAreas.validFrom,
      validTo: deliveryAreas.validTo,
      source: deliveryAreas.source,
    })
    .from(deliveryAreas);
  return assignAreaSlugs(rows);
}

/**
 * The delivery-area list: current areas first (by AF region, then name), then ended ones,
 * with how many municipalities are known to belong and how many contracts are active.
 */
export async function listDeliveryAreas(db: Db, today: string): Promise<AreaListItem[]> {
  const [refs, munis, active] = await Promise.all([
    allAreaRefs(db),
    db
      .select({ id: deliveryAreaMunicipalities.deliveryAreaId, n: sql<number>`count(distinct ${deliveryAreaMunicipalities.municipalityCode})` })
      .from(deliveryAreaMunicipalities)
      .where(and(lte(deliveryAreaMunicipalities.validFrom, today), or(isNull(deliveryAreaMunicipalities.validTo), gte(deliveryAreaMunicipalities.validTo, today))))
      .groupBy(deliveryAreaMunicipalities.deliveryAreaId),
    db.select({ id: contracts.deliveryAreaId, n: count() }).from(contracts).where(eq(contracts.status, 'active')).groupBy(contracts.deliveryAreaId),
  ]);
  const muniCount = new Map(munis.map((r) => [r.id, Number(r.n)]));
  const activeCount = new Map(active.map((r) => [r.id, Number(r.n)]));
  return refs
    .map((a) => ({ ...a, current: isCurrent(a, today), municipalityCount: muniCount.get(a.id) ?? 0, activeContracts: activeCount.get(a.id) ?? 0 }))
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        (a.afRegion ?? '\uffff').localeCompare(b.afRegion ?? '\uffff', 'sv') ||
        a.name.localeCompare(b.name, 'sv') ||
        (SERVICE_RANK[a.service] ?? 9) - (SERVICE_RANK[b.service] ?? 9),
    );
}

/** Resolves an area slug (case-insensitive) to its reference, or null. */
export async function resolveAreaSlug(db: Db, slug: string): Promise<AreaRef | null> {
  const s = slug.trim().toLowerCase();
  return (await allAreaRefs(db)).find((a) => a.slug === s) ?? null;
}

/** Current delivery areas covering a municipality on `today`, with each membership's basis. */
export async function areasForMunicipality(db: Db, municipalityCode: string, today: string): Promise<(AreaRef & { basis: string })[]> {
  const rows = await db
    .select({ id: deliveryAreaMunicipalities.deliveryAreaId, basis: deliveryAreaMunicipalities.basis, validTo: deliveryAreas.validTo })
    .from(deliveryAreaMunicipalities)
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, deliveryAreaMunicipalities.deliveryAreaId))
    .where(
      and(
        eq(deliveryAreaMunicipalities.municipalityCode, municipalityCode),
        lte(deliveryAreaMunicipalities.validFrom, today),
        or(isNull(deliveryAreaMunicipalities.validTo), gte(deliveryAreaMunicipalities.validTo, today)),
      ),
    );
  const current = rows.filter((r) => isCurrent(r, today));
  if (!current.length) return [];
  const refs = new Map((await allAreaRefs(db)).map((a) => [a.id, a]));
  return current.map((r) => ({ ...refs.get(r.id)!, basis: r.basis }));
}

/**
 * One area with its current municipalities (with basis) and every contract (active first,
 * then by provider name), each with the current rating and the latest published results.
 */
export async function getDeliveryArea(db: Db, ref: AreaRef, today: string): Promise<AreaDetail> {
  const [munis, contractRows] = await Promise.all([
    db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        slug: municipalities.slug,
        basis: deliveryAreaMunicipalities.basis,
        validFrom: deliveryAreaMunicipalities.validFrom,
        validTo: deliveryAreaMunicipalities.validTo,
      })
      .from(deliveryAreaMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, deliveryAreaMunicipalities.municipalityCode))
      .where(
        and(
          eq(deliveryAreaMunicipalities.deliveryAreaId, ref.id),
          lte(deliveryAreaMunicipalities.validFrom, today),
          or(isNull(deliveryAreaMunicipalities.validTo), gte(deliveryAreaMunicipalities.validTo, today)),
        ),
      )
      .orderBy(asc(municipalities.searchKey)),
    db
      .select({
        kaNumber: contracts.kaNumber,
        providerId: providers.id,
        providerName: providers.displayName,
        status: contracts.status,
        startDate: contracts.startDate,
        acceptingNew: contracts.acceptingNew,
      })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(eq(contracts.deliveryAreaId, ref.id)),
  ]);
  const kas = contractRows.map((c) => c.kaNumber);
  const [ratingMap, resultMap] = await Promise.all([ratingRows(db, kas), latestResults(db, kas)]);
  const list = contractRows
    .map((c) => ({
      kaNumber: c.kaNumber,
      provider: { id: c.providerId, name: c.providerName },
      status: c.status,
      startDate: c.startDate,
      acceptingNew: c.acceptingNew,
      rating: currentRating(ratingMap.get(c.kaNumber) ?? []),
      result: resultMap.get(c.kaNumber) ?? null,
    }))
    .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || a.provider.name.localeCompare(b.provider.name, 'sv'));
  return { ...ref, current: isCurrent(ref, today), municipalities: munis, contracts: list };
}

/** Ids of areas by id → ref, for callers holding area ids (provider and contract records). */
export async function areaRefsById(db: Db, ids: number[]): Promise<Map<number, AreaRef>> {
  if (!ids.length) return new Map();
  const wanted = new Set(ids);
  return new Map((await allAreaRefs(db)).filter((a) => wanted.has(a.id)).map((a) => [a.id, a]));
}

/** What the municipality page says about delivery areas: the covering areas, or (when none is known) providers with an office there. */
export interface MunicipalityAreaInfo {
  areas: (AreaRef & { basis: string })[];
  /** Filled only when no area is known: providers with an office in the municipality, by name. */
  officeProviders: { id: number; name: string; offices: { street: string; postcode: string; town: string }[] }[];
}

/** Loads the delivery-area information of a municipality page (see MunicipalityAreaInfo). */
export async function loadMunicipalityAreaInfo(db: Db, municipalityCode: string, today: string): Promise<MunicipalityAreaInfo> {
  const areas = await areasForMunicipality(db, municipalityCode, today);
  if (areas.length) return { areas, officeProviders: [] };
  const rows = await db
    .select({ id: providers.id, name: providers.displayName, street: offices.street, postcode: offices.postcode, town: offices.town })
    .from(offices)
    .innerJoin(providers, eq(providers.id, offices.providerId))
    .where(eq(offices.municipalityCode, municipalityCode))
    .orderBy(asc(offices.street));
  const byProvider = new Map<number, MunicipalityAreaInfo['officeProviders'][number]>();
  for (const r of rows) {
    const p = byProvider.get(r.id) ?? { id: r.id, name: r.name, offices: [] };
    p.offices.push({ street: r.street, postcode: r.postcode, town: r.town });
    byProvider.set(r.id, p);
  }
  return { areas, officeProviders: [...byProvider.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
}
