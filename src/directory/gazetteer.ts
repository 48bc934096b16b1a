/**
 * Lookup over the bundled GeoNames localities (gazetteer-data.ts, CC BY 4.0): a locality's
 * centre by name within a municipality, and a municipality's main locality (its seat, else its
 * most populous place), used as reference points for distances.
 */
import { PLACES } from './gazetteer-data';
import type { Point } from './geo';
import { foldForSearch } from '../lib/text-fold';

export interface Place extends Point {
  name: string;
  municipalityCode: string;
  population: number;
  seat: boolean;
}

interface Index {
  byNameAndMunicipality: Map<string, Place>;
  mainByMunicipality: Map<string, Place>;
}

let index: Index | null = null;

function build(): Index {
  const byNameAndMunicipality = new Map<string, Place>();
  const mainByMunicipality = new Map<string, Place>();
  for (const [name, municipalityCode, lat, lon, population, seat] of PLACES) {
    const place: Place = { name, municipalityCode, lat, lon, population, seat: seat === 1 };
    const key = `${foldForSearch(name)}|${municipalityCode}`;
    // Two places of one name in one municipality: the larger one is what people mean.
    const had = byNameAndMunicipality.get(key);
    if (!had || had.population < population) byNameAndMunicipality.set(key, place);
    const main = mainByMunicipality.get(municipalityCode);
    if (!main || Number(place.seat) - Number(main.seat) > 0 || (place.seat === main.seat && place.population > main.population)) {
      mainByMunicipality.set(municipalityCode, place);
    }
  }
  return { byNameAndMunicipality, mainByMunicipality };
}

const get = () => (index ??= build());

/** The locality `name` (any case or diacritics) in the municipality, or null when GeoNames lacks it. */
export function findPlace(name: string, municipalityCode: string): Place | null {
  return get().byNameAndMunicipality.get(`${foldForSearch(name)}|${municipalityCode}`) ?? null;
}

/** The municipality's seat (else its largest place), or null when the gazetteer has none. */
export function mainPlace(municipalityCode: string): Place | null {
  return get().mainByMunicipality.get(municipalityCode) ?? null;
}
