/**
 * Places office addresses (AF delivery addresses and our own import format) in a municipality: the postcode table first, then a town
 * name equal to a municipality or to a postal locality that lies in one municipality only;
 * otherwise unknown (never guessed). AF's addresses carry no municipality code.
 */
import { inArray } from 'drizzle-orm';
import { foldForSearch } from '../lib/text-fold';
import { municipalities, postalCodes } from '../db/schema';
import type { Db } from '../db/types';
import { chunked } from '../lib/chunked';

export type Placement = { municipalityCode: string | null; municipalityDerivation: 'postcode' | 'town' | 'unknown' };

/** Loads what is needed for `list` and returns the placement function. */
export async function officePlacer(db: Db, list: { postcode: string; town: string }[]): Promise<(o: { postcode: string; town: string }) => Placement> {
  const byPostcode = new Map<string, string>();
  for (const group of chunked([...new Set(list.map((o) => o.postcode))])) {
    for (const r of await db.select().from(postalCodes).where(inArray(postalCodes.code, group))) byPostcode.set(r.code, r.municipalityCode);
  }
  const towns = new Set(list.filter((o) => !byPostcode.has(o.postcode)).map((o) => foldForSearch(o.town)));
  const byTown = new Map<string, string | null>();
  if (towns.size > 0) {
    for (const m of await db.select({ code: municipalities.code, key: municipalities.searchKey }).from(municipalities)) {
      if (towns.has(m.key)) byTown.set(m.key, m.code);
    }
    const seen = new Map<string, Set<string>>();
    for (const l of await db.selectDistinct({ locality: postalCodes.locality, code: postalCodes.municipalityCode }).from(postalCodes)) {
      const key = foldForSearch(l.locality);
      if (!towns.has(key) || byTown.has(key)) continue;
      seen.set(key, (seen.get(key) ?? new Set()).add(l.code));
    }
    // A locality spread over several municipalities says nothing certain.
    for (const [key, codes] of seen) byTown.set(key, codes.size === 1 ? [...codes][0] : null);
  }
  return (o) => {
    const viaPostcode = byPostcode.get(o.postcode);
    if (viaPostcode) return { municipalityCode: viaPostcode, municipalityDerivation: 'postcode' };
    const viaTown = byTown.get(foldForSearch(o.town));
    if (viaTown) return { municipalityCode: viaTown, municipalityDerivation: 'town' };
    return { municipalityCode: null, municipalityDerivation: 'unknown' };
  };
}
