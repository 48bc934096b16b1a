/**
 * The municipality listing used by the HTML page and the JSON API alike: resolve the
 * municipality, load its providers, validate and apply filters, order and page.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/types';
import { languages } from '../db/schema';
import { badRequest } from '../http/errors';
import { applyListOptions, type ListPage, type ListQuery } from './list-options';
import { resolveMunicipality, type MunicipalityRef } from './municipality-queries';
import type { ListingCache } from './listing-cache';
import { hasPoint } from './geo';
import { nearestOffice, type NearestOffice } from './nearest-office';
import { municipalityCentre, resolveReferencePoint, type ReferencePoint } from './reference-point';

export interface MunicipalityListing {
  list: ListPage;
  totalUnfiltered: number;
  /** Languages spoken by at least one provider here, with counts, for the filter. */
  languageOptions: { code: string; nameSv: string; nameEn: string; nameNative: string; count: number }[];
  /** The job seeker's point (from postnummer/ort, else the municipality's main town, approximate), or null. */
  reference: ReferencePoint | null;
  /** Nearest office per provider id, when there is a reference point. */
  nearest: Map<number, NearestOffice | null>;
}

/** Loads (through the app's listing cache), filters, orders (daily seed `day`) and pages providers for one municipality. */
export async function loadMunicipalityListing(
  cache: ListingCache,
  db: Db,
  municipality: MunicipalityRef,
  query: ListQuery,
  opts: { today: string; day: string; salt: string },
): Promise<MunicipalityListing> {
  if (query.lang) {
    const known = await db.select({ code: languages.code }).from(languages).where(inArray(languages.code, [query.lang]));
    if (!known.length) throw badRequest('lang', `Unknown language code "${query.lang}". Use an ISO 639 code such as ar, so, ti or prs.`);
  }
  const all = await cache.providers(db, municipality.code, opts.today);
  const counts = new Map<string, { code: string; nameSv: string; nameEn: string; nameNative: string; count: number }>();
  for (const p of all) {
    for (const l of p.languages) {
      const e = counts.get(l.code) ?? { code: l.code, nameSv: l.nameSv, nameEn: l.nameEn, nameNative: l.nameNative, count: 0 };
      e.count++;
      counts.set(l.code, e);
    }
  }
  const languageOptions = [...counts.values()].sort((a, b) => b.count - a.count || a.nameSv.localeCompare(b.nameSv, 'sv'));
  const officePoints = () => all.flatMap((p) => p.officesHere).filter(hasPoint);
  const reference =
    (await resolveReferencePoint(db, { postnummer: query.postnummer, ort: query.ort }, municipality, {
      officePoints,
      municipalityByCode: async (code) => (await resolveMunicipality(db, code))[0] ?? null,
    })) ?? municipalityCentre(municipality, officePoints);
  const nearest = new Map<number, NearestOffice | null>();
  if (reference) for (const p of all) nearest.set(p.id, nearestOffice(p.areaOffices, reference, municipality.code));
  const list = applyListOptions(all, query, opts.day, opts.salt, (p) => nearest.get(p.id)?.exactKm ?? null);
  return { list, totalUnfiltered: all.length, languageOptions, reference, nearest };
}
