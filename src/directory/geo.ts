/**
 * Plain geometry for the directory: great-circle distance between WGS84 points, the centre of
 * a set of points, and how a distance is rounded for people ("about 12 km").
 */

export interface Point {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in kilometres; accurate to well under 1 % at Swedish scales. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Mean position of the points (fine for points within one municipality), or null for none. */
export function centreOf(points: readonly Point[]): Point | null {
  if (!points.length) return null;
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}

/**
 * A distance rounded as people say it: tenths below 10 km, whole kilometres up to 100, then
 * to the nearest 5. The reference point is a locality's centre, so more digits would be false precision.
 */
export function roundDistanceKm(km: number): number {
  if (km < 10) return Math.round(km * 10) / 10;
  if (km < 100) return Math.round(km);
  return Math.round(km / 5) * 5;
}

/** True when both coordinates are finite numbers (offices without coordinates are skipped). */
export function hasPoint<T extends { lat: number | null; lon: number | null }>(o: T): o is T & Point {
  return typeof o.lat === 'number' && typeof o.lon === 'number' && Number.isFinite(o.lat) && Number.isFinite(o.lon);
}
