/**
 * The job seeker's reference point for distances, from a postcode (`?postnummer=`) or a postal
 * locality (`?ort=`): the centre of that locality from GeoNames (CC BY 4.0). When GeoNames lacks
 * the locality, the nearest-numbered postcode of the same municipality whose locality it has
 * (Swedish postcodes follow geography), then the municipality's main town, then the centre of
 * the municipality's offices, each labelled approximate.
 */
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/types';
import { postalCodes } from '../db/schema';
import { badRequest } from '../http/errors';
import { findPlace, mainPlace } from './gazetteer';
import { centreOf, type Point } from './geo';
import { findLocality, suggestPlaces } from './locality-search';
import type { MunicipalityRef } from './municipality-queries';

/** How the point was found, from best to worst. */
export type ReferenceBasis = 'locality' | 'nearby_postcode' | 'municipality' | 'offices';

export interface ReferencePoint extends Point {
  /** What the job seeker gave: "72620" or "Skultuna". */
  input: { postnummer?: string; ort?: string };
  /** The locality the point stands for ("Skultuna"). */
  locality: string;
  municipality: MunicipalityRef;
  basis: ReferenceBasis;
  /** True unless the point is the job seeker's own locality centre. */
  approximate: boolean;
}

/** Where a postcode or locality lies, before coordinates. */
interface Located {
  locality: string;
  municipalityCode: string;
  /** The postcode used, when one was given (or the nearest known one). */
  postcode?: string;
  /** True when the postcode itself is missing from the table and a neighbour stood in. */
  neighbour?: boolean;
}

/** Finds the postcode in the table, else the nearest-numbered known postcode with the same first three digits. */
async function locatePostcode(db: Db, postcode: string): Promise<Located | null> {
  const [exact] = await db.select().from(postalCodes).where(eq(postalCodes.code, postcode));
  if (exact) return { locality: exact.locality, municipalityCode: exact.municipalityCode, postcode };
  const area = await db.select().from(postalCodes).where(like(postalCodes.code, `${postcode.slice(0, 3)}%`));
  if (!area.length) return null;
  const n = Number(postcode);
  const best = area.reduce((a, b) => (Math.abs(Number(b.code) - n) < Math.abs(Number(a.code) - n) ? b : a));
  return { locality: best.locality, municipalityCode: best.municipalityCode, postcode: best.code, neighbour: true };
}

/** Coordinates for a located postcode or locality, with how they were found. */
async function pointFor(db: Db, at: Located, officePoints: () => Point[]): Promise<(Point & { basis: ReferenceBasis }) | null> {
  const own = findPlace(at.locality, at.municipalityCode);
  if (own) return { lat: own.lat, lon: own.lon, basis: at.neighbour ? 'nearby_postcode' : 'locality' };
  if (at.postcode) {
    // The municipality's postcodes whose locality GeoNames knows, nearest number first.
    const rows = await db.select().from(postalCodes).where(and(eq(postalCodes.municipalityCode, at.municipalityCode)));
    const n = Number(at.postcode);
    rows.sort((a, b) => Math.abs(Number(a.code) - n) - Math.abs(Number(b.code) - n));
    for (const r of rows) {
      const p = findPlace(r.locality, at.municipalityCode);
      if (p) return { lat: p.lat, lon: p.lon, basis: 'nearby_postcode' };
    }
  }
  const main = mainPlace(at.municipalityCode);
  if (main) return { lat: main.lat, lon: main.lon, basis: 'municipality' };
  const centre = centreOf(officePoints());
  return centre ? { ...centre, basis: 'offices' } : null;
}

/** Five digits from "72620", "726 20" or "SE-726 20"; null when it is not a postcode. */
export function normalisePostcode(raw: string): string | null {
  const m = /^\s*(?:se[-\s]?)?(\d{3})\s?(\d{2})\s*$/i.exec(raw);
  return m ? m[1] + m[2] : null;
}

/**
 * Resolves `postnummer` / `ort` (postcode wins when both are given) to a reference point.
 * `page` is the municipality being viewed: a locality lying in several municipalities is taken
 * in that one when it is among them. Unknown values throw 400 naming the field (with the
 * closest names for a misspelt locality). Returns null when neither is given.
 */
export async function resolveReferencePoint(
  db: Db,
  input: { postnummer?: string; ort?: string },
  page: MunicipalityRef,
  opts: { officePoints: () => Point[]; municipalityByCode: (code: string) => Promise<MunicipalityRef | null> },
): Promise<ReferencePoint | null> {
  let at: Located | null = null;
  let given: ReferencePoint['input'];
  if (input.postnummer) {
    const postcode = normalisePostcode(input.postnummer);
    if (!postcode) throw badRequest('postnummer', `"postnummer" must be a Swedish postcode of five digits, such as 72620 or 726 20.`);
    at = await locatePostcode(db, postcode);
    if (!at) throw badRequest('postnummer', `We do not know the postcode ${postcode.slice(0, 3)} ${postcode.slice(3)}. Check it, or search by locality instead.`);
    given = { postnummer: postcode };
  } else if (input.ort) {
    const loc = await findLocality(db, input.ort);
    if (!loc) {
      const close = (await suggestPlaces(db, input.ort, 3)).map((s) => s.locality ?? s.municipality.name);
      throw badRequest('ort', `We do not know a locality called "${input.ort.slice(0, 60)}".${close.length ? ` Did you mean ${close.join(', ')}?` : ''}`);
    }
    const part = loc.parts.find((p) => p.municipality.code === page.code) ?? loc.parts[0];
    at = { locality: loc.name, municipalityCode: part.municipality.code };
    given = { ort: loc.name };
  } else {
    return null;
  }
  const municipality = at.municipalityCode === page.code ? page : await opts.municipalityByCode(at.municipalityCode);
  if (!municipality) return null;
  const point = await pointFor(db, at, at.municipalityCode === page.code ? opts.officePoints : () => []);
  if (!point) return null;
  return {
    lat: point.lat,
    lon: point.lon,
    input: given,
    locality: at.locality,
    municipality,
    basis: point.basis,
    approximate: point.basis !== 'locality',
  };
}

/**
 * The municipality's own centre (its main town, else the centre of its offices) as a reference
 * point, for "nearest first" without a postcode. Always approximate.
 */
export function municipalityCentre(m: MunicipalityRef, officePoints: () => Point[]): ReferencePoint | null {
  const main = mainPlace(m.code);
  const p = main ?? centreOf(officePoints());
  if (!p) return null;
  return { lat: p.lat, lon: p.lon, input: {}, locality: main?.name ?? m.name, municipality: m, basis: main ? 'municipality' : 'offices', approximate: true };
}
