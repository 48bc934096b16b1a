/**
 * Places a job seeker may type: every postal locality (`postort`) of the postcode table with
 * the municipalities it lies in, and every municipality name, held in memory per database
 * (reference data changes only with migrations). Finds a locality by name, and suggests the
 * closest names for a misspelt search ("vsteras" → Västerås, "Skultna" → Skultuna).
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { counties, municipalities, postalCodes } from '../db/schema';
import type { MunicipalityRef } from './municipality-queries';
import { foldForSearch } from '../lib/text-fold';

/** A postal locality as it lies in one municipality. */
export interface LocalityPart {
  municipality: MunicipalityRef;
  /** Postcodes of the locality in this municipality: the biggest share is where it "is". */
  postcodes: number;
}

export interface Locality {
  /** The name as the postcode table writes it ("Skultuna"). */
  name: string;
  key: string;
  /** Municipalities holding its postcodes, most postcodes first. */
  parts: LocalityPart[];
}

/** A "did you mean" entry: a municipality, or a locality within one. */
export interface Suggestion {
  municipality: MunicipalityRef;
  /** Set when the suggestion is a locality (the page then opens with `?ort=`). */
  locality?: string;
  distance: number;
}

export interface PlaceIndex {
  localities: Map<string, Locality>;
  municipalities: MunicipalityRef[];
}

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; index: Promise<PlaceIndex> }>();

async function build(db: Db): Promise<PlaceIndex> {
  const [munis, rows] = await Promise.all([
    db
      .select({ code: municipalities.code, name: municipalities.name, slug: municipalities.slug, countyCode: counties.code, countyName: counties.name })
      .from(municipalities)
      .innerJoin(counties, eq(counties.code, municipalities.countyCode))
      .orderBy(asc(municipalities.code)),
    db
      .select({ locality: postalCodes.locality, municipalityCode: postalCodes.municipalityCode, n: count() })
      .from(postalCodes)
      .groupBy(postalCodes.locality, postalCodes.municipalityCode),
  ]);
  const refs = munis.map((m) => ({ code: m.code, name: m.name, slug: m.slug, county: { code: m.countyCode, name: m.countyName } }));
  const byCode = new Map(refs.map((m) => [m.code, m]));
  const localities = new Map<string, Locality>();
  for (const r of rows) {
    const municipality = byCode.get(r.municipalityCode);
    const key = foldForSearch(r.locality);
    if (!municipality || !key) continue;
    const loc = localities.get(key) ?? { name: r.locality, key, parts: [] };
    loc.parts.push({ municipality, postcodes: r.n });
    localities.set(key, loc);
  }
  for (const loc of localities.values()) loc.parts.sort((a, b) => b.postcodes - a.postcodes || a.municipality.name.localeCompare(b.municipality.name, 'sv'));
  return { localities, municipalities: refs };
}

/** The place index of this database, built on first use and kept for ten minutes. */
export function placeIndex(db: Db, now = Date.now()): Promise<PlaceIndex> {
  const had = cache.get(db);
  if (had && now - had.at < TTL_MS) return had.index;
  const index = build(db);
  cache.set(db, { at: now, index });
  index.catch(() => cache.delete(db));
  return index;
}

/** The locality with this name (case- and diacritics-insensitive), or null. */
export async function findLocality(db: Db, name: string): Promise<Locality | null> {
  const key = foldForSearch(name);
  if (!key) return null;
  return (await placeIndex(db)).localities.get(key) ?? null;
}

/** Localities whose name starts with the search text, alphabetical, at most `limit`. */
export async function localitiesStartingWith(db: Db, text: string, limit = 10): Promise<Locality[]> {
  const key = foldForSearch(text);
  if (key.length < 2) return [];
  const out: Locality[] = [];
  for (const loc of (await placeIndex(db)).localities.values()) if (loc.key.startsWith(key) && loc.key !== key) out.push(loc);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'sv')).slice(0, limit);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), stopping early
 * once every alignment exceeds `max`. Returns max + 1 for "too far".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Typos allowed for a search text of this many letters: none for 1–3, one for 4–5, two for 6–9, then three. */
export const allowedTypos = (length: number) => (length < 4 ? 0 : length < 6 ? 1 : length < 10 ? 2 : 3);

/**
 * The closest municipality and locality names to a misspelt search, nearest first (a
 * municipality before a locality of the same name), at most `limit`. Empty when nothing is close.
 */
export async function suggestPlaces(db: Db, text: string, limit = 5): Promise<Suggestion[]> {
  const key = foldForSearch(text);
  const max = allowedTypos(key.length);
  if (!max) return [];
  const index = await placeIndex(db);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const m of index.municipalities) {
    const d = editDistance(key, foldForSearch(m.name), max);
    if (d <= max) {
      out.push({ municipality: m, distance: d });
      seen.add(foldForSearch(m.name));
    }
  }
  for (const loc of index.localities.values()) {
    if (seen.has(loc.key)) continue; // "Västerås" the locality is "Västerås" the municipality.
    const d = editDistance(key, loc.key, max);
    if (d <= max) out.push({ municipality: loc.parts[0].municipality, locality: loc.name, distance: d + 0.5 });
  }
  return out
    .sort((a, b) => a.distance - b.distance || (a.locality ?? a.municipality.name).localeCompare(b.locality ?? b.municipality.name, 'sv'))
    .slice(0, limit)
    .map((s) => ({ ...s, distance: Math.floor(s.distance) }));
}
