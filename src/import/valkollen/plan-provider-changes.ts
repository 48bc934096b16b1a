/**
 * Turns validated provider records into the write statements for one atomic batch:
 * creates and updates keyed by organisation number and KA number, offices placed in a
 * municipality by postcode (fallback: town name), provider-declared claims replaced.
 * Nothing is written here; unchanged records produce no statements.
 */
import { officePlacer } from '../office-placement';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { foldForSearch } from '../../lib/text-fold';
import { contracts, offices, providerClaims, providerNameVariants, providers } from '../../db/schema';
import type { Db } from '../../db/types';
import { chunked } from '../../lib/chunked';
import type { OfficeUnmatched } from '../report';
import type { ValidatedFile } from './validate-provider-file';

export interface ChangePlan {
  statements: unknown[];
  created: number;
  updated: number;
  unchanged: number;
  /** Offices of listed providers that the file no longer has (deleted). */
  removed: number;
  unmatched: OfficeUnmatched[];
}

/** Computes the statements that bring the database in line with the file. */
export async function planProviderChanges(db: Db, file: ValidatedFile, options: { dataAsOf: string; source: string }): Promise<ChangePlan> {
  const { dataAsOf, source } = options;
  const plan: ChangePlan = { statements: [], created: 0, updated: 0, unchanged: 0, removed: 0, unmatched: [] };
  const s = plan.statements;

  const existing = new Map<string, typeof providers.$inferSelect>();
  for (const group of chunked(file.providers.map((p) => p.orgnr.digits))) {
    for (const p of await db.select().from(providers).where(inArray(providers.orgnr, group))) existing.set(p.orgnr!, p);
  }
  const ids = [...existing.values()].map((p) => p.id);
  const existingOffices = new Map<number, (typeof offices.$inferSelect)[]>();
  const existingClaims = new Map<number, (typeof providerClaims.$inferSelect)[]>();
  const openVariants = new Map<number, (typeof providerNameVariants.$inferSelect)[]>();
  for (const group of chunked(ids)) {
    for (const o of await db.select().from(offices).where(and(inArray(offices.providerId, group), isNull(offices.afAddressId)))) {
      existingOffices.set(o.providerId, [...(existingOffices.get(o.providerId) ?? []), o]);
    }
    for (const c of await db.select().from(providerClaims).where(and(inArray(providerClaims.providerId, group), eq(providerClaims.origin, 'provider_declared')))) {
      existingClaims.set(c.providerId, [...(existingClaims.get(c.providerId) ?? []), c]);
    }
    for (const v of await db.select().from(providerNameVariants).where(inArray(providerNameVariants.providerId, group))) {
      openVariants.set(v.providerId, [...(openVariants.get(v.providerId) ?? []), v]);
    }
  }
  const existingContracts = new Map<string, typeof contracts.$inferSelect>();
  for (const group of chunked(file.contracts.map((c) => c.ka_number))) {
    for (const c of await db.select().from(contracts).where(inArray(contracts.kaNumber, group))) existingContracts.set(c.kaNumber, c);
  }
  const place = await officePlacer(db, file.offices);
  // New providers get their id in the same batch: refer to them by organisation number.
  const idOf = (orgnr: string) => existing.get(orgnr)?.id ?? sql`(SELECT id FROM providers WHERE orgnr = ${orgnr})`;
  const later = (a: string, b: string) => (a > b ? a : b);

  for (const p of file.providers) {
    const row = {
      displayName: p.name,
      website: p.website ?? null,
      description: p.description ?? null,
      legalForm: p.orgnr.legalForm,
      isSoleTrader: p.orgnr.isSoleTrader,
    };
    const claims = [
      ...(p.languages ?? []).map((value) => ({ kind: 'language', value })),
      ...(p.remote_meetings ? [{ kind: 'remote_meetings', value: p.remote_meetings }] : []),
    ];
    const old = existing.get(p.orgnr.digits);
    if (!old) {
      plan.created++;
      s.push(db.insert(providers).values({ orgnr: p.orgnr.digits, ...row, firstSeen: dataAsOf, lastSeen: dataAsOf }));
      s.push(db.insert(providerNameVariants).values({ providerId: idOf(p.orgnr.digits) as never, name: p.name, seenFrom: dataAsOf, source }));
      for (const c of claims) {
        s.push(db.insert(providerClaims).values({ providerId: idOf(p.orgnr.digits) as never, ...c, origin: 'provider_declared', checkedAt: dataAsOf }));
      }
      continue;
    }
    let changed = old.displayName !== row.displayName || old.website !== row.website || old.description !== row.description
      || old.legalForm !== row.legalForm || old.isSoleTrader !== row.isSoleTrader;
    if (changed || old.lastSeen < dataAsOf) {
      s.push(db.update(providers).set({ ...row, lastSeen: later(old.lastSeen, dataAsOf) }).where(eq(providers.id, old.id)));
    }
    if (old.displayName !== row.displayName) {
      const variants = openVariants.get(old.id) ?? [];
      s.push(db.update(providerNameVariants).set({ seenTo: dataAsOf })
        .where(and(eq(providerNameVariants.providerId, old.id), isNull(providerNameVariants.seenTo))));
      if (variants.some((v) => v.name === row.displayName)) {
        s.push(db.update(providerNameVariants).set({ seenTo: null })
          .where(and(eq(providerNameVariants.providerId, old.id), eq(providerNameVariants.name, row.displayName))));
      } else {
        s.push(db.insert(providerNameVariants).values({ providerId: old.id, name: row.displayName, seenFrom: dataAsOf, source }));
      }
    }
    const have = existingClaims.get(old.id) ?? [];
    const key = (c: { kind: string; value: string }) => `${c.kind}|${c.value}`;
    const want = new Set(claims.map(key));
    for (const c of have) {
      if ((c.kind === 'language' || c.kind === 'remote_meetings') && !want.has(key(c))) {
        s.push(db.delete(providerClaims).where(eq(providerClaims.id, c.id)));
        changed = true;
      }
    }
    const haveKeys = new Set(have.map(key));
    for (const c of claims) {
      if (!haveKeys.has(key(c))) {
        s.push(db.insert(providerClaims).values({ providerId: old.id, ...c, origin: 'provider_declared', checkedAt: dataAsOf }));
        changed = true;
      }
    }
    if (changed) plan.updated++;
    else plan.unchanged++;
  }

  for (const c of file.contracts) {
    const row = { deliveryAreaId: c.deliveryAreaId, startDate: c.start_date ?? null, acceptingNew: c.accepting_new ?? null };
    const old = existingContracts.get(c.ka_number);
    if (!old) {
      plan.created++;
      s.push(db.insert(contracts).values({
        kaNumber: c.ka_number, providerId: idOf(c.orgnr.digits) as never, serviceCode: 'A015', ...row,
        status: 'active', firstSeen: dataAsOf, lastSeen: dataAsOf,
      }));
      continue;
    }
    const changed = old.deliveryAreaId !== row.deliveryAreaId || old.startDate !== row.startDate || old.acceptingNew !== row.acceptingNew;
    if (changed || old.lastSeen < dataAsOf) {
      s.push(db.update(contracts).set({ ...row, lastSeen: later(old.lastSeen, dataAsOf) }).where(eq(contracts.kaNumber, old.kaNumber)));
    }
    if (changed) plan.updated++;
    else plan.unchanged++;
  }

  const officeKey = (o: { postcode: string; street: string }) => `${o.postcode}|${foldForSearch(o.street)}`;
  const listed = new Map<string, Set<string>>();
  for (const o of file.offices) {
    const placement = place(o);
    if (placement.municipalityDerivation === 'unknown') {
      plan.unmatched.push({ line: o.line, kind: 'office', postcode: o.postcode, town: o.town,
        message: 'no municipality found for this postcode or town; stored as unknown' });
    }
    const providerOld = existing.get(o.orgnr.digits);
    listed.set(o.orgnr.digits, (listed.get(o.orgnr.digits) ?? new Set()).add(officeKey(o)));
    const old = providerOld && (existingOffices.get(providerOld.id) ?? []).find((x) => officeKey(x) === officeKey(o));
    if (!old) {
      plan.created++;
      s.push(db.insert(offices).values({
        providerId: idOf(o.orgnr.digits) as never, street: o.street, postcode: o.postcode, town: o.town,
        ...placement, firstSeen: dataAsOf, lastSeen: dataAsOf,
      }));
      continue;
    }
    // A manual placement is a person's correction: keep it.
    const keepPlacement = old.municipalityDerivation === 'manual';
    const next = { street: o.street, town: o.town, ...(keepPlacement ? {} : placement) };
    const changed = old.street !== next.street || old.town !== next.town
      || (!keepPlacement && (old.municipalityCode !== placement.municipalityCode || old.municipalityDerivation !== placement.municipalityDerivation));
    if (changed || old.lastSeen < dataAsOf) {
      s.push(db.update(offices).set({ ...next, lastSeen: later(old.lastSeen, dataAsOf) }).where(eq(offices.id, old.id)));
    }
    if (changed) plan.updated++;
    else plan.unchanged++;
  }
  // The file states each listed provider's full set of offices (AF-sourced offices aside).
  for (const p of file.providers) {
    const old = existing.get(p.orgnr.digits);
    if (!old) continue;
    const keep = listed.get(p.orgnr.digits) ?? new Set();
    for (const o of existingOffices.get(old.id) ?? []) {
      if (!keep.has(officeKey(o))) {
        s.push(db.delete(offices).where(eq(offices.id, o.id)));
        plan.removed++;
      }
    }
  }
  return plan;
}
