/**
 * Each provider's nearest office to the job seeker's reference point: the office, its
 * approximate distance, and whether it lies outside the municipality being viewed (then the
 * page names where it is). Pure: the offices come from office-queries, the point from reference-point.
 */
import { distanceKm, hasPoint, roundDistanceKm } from './geo';
import type { OfficeRow } from './office-queries';
import type { ReferencePoint } from './reference-point';

export interface NearestOffice {
  office: OfficeRow;
  /** Rounded as people say it (see roundDistanceKm). */
  distanceKm: number;
  /** Unrounded, for ordering. */
  exactKm: number;
  /** True when the reference point is not the job seeker's own locality (see ReferencePoint). */
  approximate: boolean;
  /** True when the office is not in the municipality being viewed. */
  outsideMunicipality: boolean;
}

/** Offices with coordinates ordered by distance from `from`, nearest first, at most `limit`. */
export function officesByDistance(list: readonly OfficeRow[], from: ReferencePoint, municipalityCode: string, limit = Infinity): NearestOffice[] {
  return list
    .filter(hasPoint)
    .map((office) => {
      const km = distanceKm(from, office);
      return {
        office,
        distanceKm: roundDistanceKm(km),
        exactKm: km,
        approximate: from.approximate,
        outsideMunicipality: office.municipalityCode !== municipalityCode,
      };
    })
    .sort((a, b) => a.exactKm - b.exactKm || a.office.id - b.office.id)
    .slice(0, limit);
}

/** The nearest office with coordinates, or null when none of the offices has coordinates. */
export function nearestOffice(list: readonly OfficeRow[], from: ReferencePoint, municipalityCode: string): NearestOffice | null {
  return officesByDistance(list, from, municipalityCode, 1)[0] ?? null;
}

/** The JSON shape of a nearest office (the API's `nearestOffice`). */
export function nearestOfficeJson(n: NearestOffice | null, providerName: string) {
  if (!n) return null;
  const o = n.office;
  return {
    id: o.id,
    name: `${providerName}, ${o.town}`,
    address: `${o.street}, ${o.postcode.slice(0, 3)} ${o.postcode.slice(3)} ${o.town}`,
    street: o.street,
    postcode: o.postcode,
    locality: o.town,
    municipality: o.municipalityCode ? { code: o.municipalityCode, name: o.municipalityName } : null,
    outsideMunicipality: n.outsideMunicipality,
    distanceKm: n.distanceKm,
    approximate: n.approximate,
    phone: o.phone,
    email: o.email,
  };
}
