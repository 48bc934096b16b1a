/**
 * Loads what a provider page needs to start from the job seeker's municipality (`?kommun=`,
 * plus `postnummer`/`ort`): the delivery areas covering it, the reference point, and the
 * provider's offices that may serve it, nearest first.
 */
import type { Db } from '../db/types';
import { hasPoint } from './geo';
import { parseListQuery } from './list-options';
import { currentDeliveryAreaIds, resolveMunicipality } from './municipality-queries';
import { officesByDistance } from './nearest-office';
import { serviceOfficesFor } from './office-queries';
import type { ProviderFocus } from './pages/provider-page';
import type { ProviderDetail } from './provider-queries';
import { municipalityCentre, resolveReferencePoint } from './reference-point';

/** Offices listed first on the page; the rest are in "All offices". */
const NEAREST_SHOWN = 3;

/**
 * The focus for `kommun` (code or slug), or null when it is absent or names no single
 * municipality. Bad `postnummer`/`ort` values throw 400 naming the field, as on the list.
 */
export async function loadProviderFocus(
  db: Db,
  p: ProviderDetail,
  query: Record<string, string | undefined>,
  today: string,
): Promise<ProviderFocus | null> {
  const kommun = query.kommun?.trim();
  if (!kommun || kommun.length > 60) return null;
  const found = await resolveMunicipality(db, kommun);
  if (found.length !== 1) return null;
  const municipality = found[0];
  const place = parseListQuery({ postnummer: query.postnummer, ort: query.ort });
  const [areaIds, serving] = await Promise.all([currentDeliveryAreaIds(db, municipality.code, today), serviceOfficesFor(db, [p.id], municipality.code, today)]);
  const offices = serving.get(p.id) ?? p.offices;
  const officePoints = () => p.offices.filter((o) => o.municipalityCode === municipality.code).filter(hasPoint);
  const reference =
    (await resolveReferencePoint(db, { postnummer: place.postnummer, ort: place.ort }, municipality, {
      officePoints,
      municipalityByCode: async (code) => (await resolveMunicipality(db, code))[0] ?? null,
    })) ?? municipalityCentre(municipality, officePoints);
  const nearestOffices = reference ? officesByDistance(offices, reference, municipality.code, NEAREST_SHOWN) : [];
  const backQuery = place.postnummer ? `?postnummer=${encodeURIComponent(place.postnummer.replace(/\D/g, ''))}` : place.ort ? `?ort=${encodeURIComponent(place.ort)}` : '';
  return { municipality, areaIds: new Set(areaIds), reference, nearestOffices, backQuery };
}
