/**
 * Which offices can serve a job seeker in a municipality: a provider's offices in the
 * municipalities of its delivery areas that cover it (a contract is delivered within its area),
 * or, when it has none there, all its offices. The nearest-office logic picks among these.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contracts, deliveryAreaMunicipalities, municipalities, offices } from '../db/schema';
import { currentDeliveryAreaIdsQuery } from './municipality-queries';

export interface OfficeRow {
  id: number;
  street: string;
  postcode: string;
  town: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  municipalityDerivation: string;
  lat: number | null;
  lon: number | null;
  stepFreeAccess: boolean | null;
  /** Contact details AF publishes for the office (never a person's name). */
  phone: string | null;
  email: string | null;
}

/** The columns of an office row (with its municipality's name joined in). */
export const officeColumns = {
  id: offices.id,
  providerId: offices.providerId,
  street: offices.street,
  postcode: offices.postcode,
  town: offices.town,
  municipalityCode: offices.municipalityCode,
  municipalityName: municipalities.name,
  municipalityDerivation: offices.municipalityDerivation,
  lat: offices.lat,
  lon: offices.lon,
  stepFreeAccess: offices.stepFreeAccess,
  phone: offices.phone,
  email: offices.email,
};

/** Offices per provider id that may serve `municipalityCode` on `today` (YYYY-MM-DD). */
export async function serviceOfficesFor(db: Db, providerIds: number[], municipalityCode: string, today: string): Promise<Map<number, OfficeRow[]>> {
  const out = new Map<number, OfficeRow[]>();
  if (!providerIds.length) return out;
  const add = (rows: (OfficeRow & { providerId: number })[]) => {
    for (const { providerId, ...o } of rows) {
      const list = out.get(providerId) ?? [];
      if (!list.some((x) => x.id === o.id)) list.push(o);
      out.set(providerId, list);
    }
  };
  const inArea = await db
    .select(officeColumns)
    .from(offices)
    .innerJoin(deliveryAreaMunicipalities, eq(deliveryAreaMunicipalities.municipalityCode, offices.municipalityCode))
    .innerJoin(
      contracts,
      and(eq(contracts.deliveryAreaId, deliveryAreaMunicipalities.deliveryAreaId), eq(contracts.providerId, offices.providerId), eq(contracts.status, 'active')),
    )
    .leftJoin(municipalities, eq(municipalities.code, offices.municipalityCode))
    .where(
      and(
        inArray(offices.providerId, providerIds),
        inArray(deliveryAreaMunicipalities.deliveryAreaId, currentDeliveryAreaIdsQuery(db, municipalityCode, today)),
        lte(deliveryAreaMunicipalities.validFrom, today),
        or(isNull(deliveryAreaMunicipalities.validTo), gte(deliveryAreaMunicipalities.validTo, today)),
      ),
    )
    .orderBy(asc(offices.id));
  add(inArea);
  const without = providerIds.filter((id) => !out.has(id));
  if (without.length) {
    add(
      await db
        .select(officeColumns)
        .from(offices)
        .leftJoin(municipalities, eq(municipalities.code, offices.municipalityCode))
        .where(inArray(offices.providerId, without))
        .orderBy(asc(offices.id)),
    );
  }
  return out;
}
