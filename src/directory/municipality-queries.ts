/**
 * Finding municipalities: by 4-digit code, postcode ("722 11"), slug, or name prefix /
 * substring, all case- and diacritics-insensitive ("Vasteras" finds Västerås).
 */
import { and, asc, eq, gte, isNull, like, lte, or } from 'drizzle-orm';
import type { Db } from '../db/types';
import { counties, deliveryAreaMunicipalities, deliveryAreas, municipalities, postalCodes } from '../db/schema';
import { foldForSearch, parsePostcode } from '../lib/text-fold';

export interface MunicipalityRef {
  code: string;
  name: string;
  slug: string;
  county: { code: string; name: string };
}

/** How a search term matched: decides whether search may jump straight to the page. */
export type MatchKind = 'code' | 'postcode' | 'exact' | 'prefix' | 'contains';

export interface MunicipalityMatch extends MunicipalityRef {
  matchedBy: MatchKind;
  /** For postcode matches: the postal locality of that code. */
  locality?: string;
}

const columns = {
  code: municipalities.code,
  name: municipalities.name,
  slug: municipalities.slug,
  searchKey: municipalities.searchKey,
  countyCode: counties.code,
  countyName: counties.name,
};

type Row = { code: string; name: string; slug: string; searchKey: string; countyCode: string; countyName: string };

const toRef = (r: Row): MunicipalityRef => ({
  code: r.code,
  name: r.name,
  slug: r.slug,
  county: { code: r.countyCode, name: r.countyName },
});

function baseQuery(db: Db) {
  return db.select(columns).from(municipalities).innerJoin(counties, eq(counties.code, municipalities.countyCode));
}

/**
 * Searches municipalities. Order: code and postcode hits, exact names, prefixes, then
 * substrings (alphabetical within each group). At most `limit` results.
 */
export async function searchMunicipalities(db: Db, query: string, limit = 20): Promise<MunicipalityMatch[]> {
  const raw = query.trim();
  if (!raw) return [];
  if (/^\d{4}$/.test(raw)) {
    const rows = await baseQuery(db).where(eq(municipalities.code, raw));
    return rows.map((r) => ({ ...toRef(r), matchedBy: 'code' as const }));
  }
  const postcode = parsePostcode(raw);
  if (postcode) {
    const rows = await db
      .select({ ...columns, locality: postalCodes.locality })
      .from(postalCodes)
      .innerJoin(municipalities, eq(municipalities.code, postalCodes.municipalityCode))
      .innerJoin(counties, eq(counties.code, municipalities.countyCode))
      .where(eq(postalCodes.code, postcode));
    return rows.map((r) => ({ ...toRef(r), matchedBy: 'postcode' as const, locality: r.locality }));
  }
  // Folded keys hold only letters, digits and spaces, so no LIKE wildcard can slip in.
  const key = foldForSearch(raw);
  if (!key) return [];
  const rows = await baseQuery(db)
    .where(
      or(
        like(municipalities.searchKey, `%${key}%`),
        like(municipalities.slug, `${key.replace(/ /g, '-')}%`),
      ),
    )
    .orderBy(asc(municipalities.searchKey))
    .limit(200);
  const rank = (r: Row): MatchKind =>
    r.searchKey === key ? 'exact' : r.searchKey.startsWith(key) ? 'prefix' : 'contains';
  const order: Record<MatchKind, number> = { code: 0, postcode: 0, exact: 1, prefix: 2, contains: 3 };
  return rows
    .map((r) => ({ ...toRef(r), matchedBy: rank(r) }))
    .sort((a, b) => order[a.matchedBy] - order[b.matchedBy] || a.name.localeCompare(b.name, 'sv'))
    .slice(0, limit);
}

/**
 * Resolves a route parameter (code or slug) to municipalities: one for a code or unique
 * slug, several when a folded name is shared (Håbo/Habo → "habo"), none when unknown.
 */
export async function resolveMunicipality(db: Db, codeOrSlug: string): Promise<MunicipalityRef[]> {
  const p = codeOrSlug.trim().toLowerCase();
  if (/^\d{4}$/.test(p)) return (await baseQuery(db).where(eq(municipalities.code, p))).map(toRef);
  const exact = await baseQuery(db).where(eq(municipalities.slug, p));
  if (exact.length) return exact.map(toRef);
  // A bare folded name shared by several municipalities ("habo" for Håbo and Habo).
  const key = foldForSearch(p.replace(/-/g, ' '));
  return (await baseQuery(db).where(eq(municipalities.searchKey, key))).map(toRef);
}

/** All municipalities grouped by county, alphabetical, for the home page index. */
export async function listMunicipalitiesByCounty(db: Db): Promise<{ county: { code: string; name: string }; municipalities: MunicipalityRef[] }[]> {
  const rows = await baseQuery(db).orderBy(asc(counties.code), asc(municipalities.searchKey));
  const groups = new Map<string, { county: { code: string; name: string }; municipalities: MunicipalityRef[] }>();
  for (const r of rows) {
    const g = groups.get(r.countyCode) ?? { county: { code: r.countyCode, name: r.countyName }, municipalities: [] };
    g.municipalities.push(toRef(r));
    groups.set(r.countyCode, g);
  }
  for (const g of groups.values()) g.municipalities.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return [...groups.values()];
}

/** Ids of the delivery areas that cover the municipality on `today` (YYYY-MM-DD). */
export async function currentDeliveryAreaIds(db: Db, municipalityCode: string, today: string): Promise<number[]> {
  const rows = await currentDeliveryAreaIdsQuery(db, municipalityCode, today);
  return rows.map((r) => r.id);
}

/** The query behind currentDeliveryAreaIds, usable as a subquery (`inArray(col, query)`). */
export function currentDeliveryAreaIdsQuery(db: Db, municipalityCode: string, today: string) {
  return db
    .select({ id: deliveryAreas.id })
    .from(deliveryAreaMunicipalities)
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, deliveryAreaMunicipalities.deliveryAreaId))
    .where(
      and(
        eq(deliveryAreaMunicipalities.municipalityCode, municipalityCode),
        lte(deliveryAreaMunicipalities.validFrom, today),
        or(isNull(deliveryAreaMunicipalities.validTo), gte(deliveryAreaMunicipalities.validTo, today)),
        or(isNull(deliveryAreas.validTo), gte(deliveryAreas.validTo, today)),
      ),
    );
}
