/**
 * What `/sok?q=` does with a search text: a municipality code, name or postcode, or a postal
 * locality, leads straight to the municipality's page (a postcode or locality stays on as
 * `?postnummer=` / `?ort=` so distances can be shown); several matches give a list; a misspelt
 * name gives the closest names ("Menade du …?").
 */
import type { Db } from '../db/types';
import { findLocality, localitiesStartingWith, suggestPlaces, type Locality, type Suggestion } from './locality-search';
import { searchMunicipalities, type MunicipalityMatch } from './municipality-queries';
import { foldForSearch } from '../lib/text-fold';

export type SearchOutcome =
  | { kind: 'go'; href: string }
  | { kind: 'list'; results: MunicipalityMatch[]; localities: Locality[]; suggestions: Suggestion[] };

/** Link to a municipality's page with the job seeker's postcode or locality kept. */
export function municipalityHref(slug: string, keep: { postnummer?: string; ort?: string } = {}): string {
  const params = new URLSearchParams();
  if (keep.postnummer) params.set('postnummer', keep.postnummer);
  else if (keep.ort) params.set('ort', keep.ort);
  const qs = params.toString();
  return `/kommun/${slug}${qs ? `?${qs}` : ''}`;
}

/** Decides where a search goes (paths without the language prefix). */
export async function searchPlaces(db: Db, q: string): Promise<SearchOutcome> {
  const results = await searchMunicipalities(db, q);
  const postcodeHit = results.find((m) => m.matchedBy === 'postcode');
  if (postcodeHit) {
    const code = q.replace(/\D/g, '').slice(-5);
    return { kind: 'go', href: municipalityHref(postcodeHit.slug, { postnummer: code }) };
  }
  const direct = results.filter((m) => m.matchedBy === 'code' || m.matchedBy === 'exact');
  if (direct.length === 1) return { kind: 'go', href: municipalityHref(direct[0].slug) };
  const locality = direct.length ? null : await findLocality(db, q);
  if (locality) {
    // A locality named like no municipality ("Skultuna"): its biggest part's municipality, the place kept.
    return { kind: 'go', href: municipalityHref(locality.parts[0].municipality.slug, { ort: locality.name }) };
  }
  if (results.length === 1 && results[0].matchedBy === 'prefix') return { kind: 'go', href: municipalityHref(results[0].slug) };
  const localities = direct.length ? [] : await localitiesStartingWith(db, q);
  const suggestions = results.length || localities.length || /^\d/.test(foldForSearch(q)) ? [] : await suggestPlaces(db, q);
  return { kind: 'list', results, localities, suggestions };
}
