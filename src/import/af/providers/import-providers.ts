/**
 * Imports AF's chooser list (JSON, see read-chooser.ts): providers, name variants,
 * websites, AF ids (external_ids), delivery addresses as offices placed in a municipality,
 * and nyval_tillatet on the contract whose KA number equals the AF id (if any).
 *
 * Who an entry is (identify-providers.ts): its organisation number; else its AF id from an
 * earlier list; else the contract whose KA number is its AF id; else its normalised name.
 * Providers that AF's rating or results files created by name only are thereby identified:
 * the organisation number is attached to them, or, when another provider already has it,
 * they are merged into that one — every such step is recorded (provider_merges) and
 * reported. One batch; all or nothing; idempotent. Providers that a newer list no longer
 * has are reported as having left (last_seen kept).
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { maskOrgnr } from '../../../lib/orgnr';
import { contracts, externalIds, importRuns, offices, providerNameVariants, providers } from '../../../db/schema';
import type { Db } from '../../../db/types';
import { applyPublicationDate } from '../publication-date';
import { chunked } from '../../../lib/chunked';
import { commit, previousRunDate, recordFailedRun } from '../import-runs';
import { count, emptyReport, type ImportReport } from '../../report';
import { earlier, later } from '../iso-dates';
import { nextId } from '../../next-id';
import { sha256Hex } from '../../../lib/sha256';
import { insertStatements } from '../../../db/insert-rows';
import { mustFail, rejectedRows } from '../must-fail';
import { officePlacer } from '../../office-placement';
import { planProviderUpdates } from '../plan-provider-updates';
import { readChooserJson, type ChooserEntry } from './read-chooser';
import { resolveChooserProviders } from './identify-providers';
import type { FileInput } from '../../import-input';

/** Imports a chooser JSON file (the kind table's importer); see docs/af-import.md. */
export async function importAfProviders(db: Db, input: FileInput): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const report = emptyReport('af-providers', input.fileName, await sha256Hex(input.bytes), '');
  applyPublicationDate(report, input.fileName, input.published, input.today);
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch {
    report.errors.push({ line: 0, field: '', message: 'the file is not UTF-8 text' });
  }
  const read = readChooserJson(text);
  report.rowsRead = read.rowsRead;
  report.warnings.push(...read.warnings);
  if (text) report.errors.push(...read.errors);
  report.rejected = rejectedRows(read.errors);
  if (mustFail(report, read.entries.length)) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;
  const source = input.fileName;
  const statements: unknown[] = [];
  const runId = await nextId(db, importRuns);

  // Who is who (see identify-providers.ts): creates, attaches org numbers, merges.
  const entries = read.entries;
  const ident = await resolveChooserProviders(db, report, entries, { dataAsOf, source, runId });
  const { providerOf, created, knownIds } = ident;
  statements.push(...ident.statements);
  const prevDate = await previousRunDate(db, 'af_providers');
  for (const c of created.values()) if (prevDate !== null) report.joined.push(`${c.name}${c.orgnr ? ` (${maskOrgnr(c.orgnr)})` : ''}`);

  // Existing providers: name over time, website, seen dates.
  const createdIds = new Set([...created.values()].map((c) => c.id));
  const existingIds = [...new Set([...providerOf.values()].filter((id) => !createdIds.has(id)))];
  const updates = await planProviderUpdates(db, report, existingIds, dataAsOf, source);
  const newerOrSame = prevDate === null || dataAsOf >= prevDate;
  for (const e of entries) {
    const id = providerOf.get(e);
    if (id === undefined || !existingIds.includes(id)) continue;
    updates.seen(id, e.name);
    if (e.orgnr && newerOrSame) {
      updates.set(id, { legalForm: e.orgnr.legalForm, isSoleTrader: e.orgnr.isSoleTrader, ...(e.website !== undefined && e.website !== null ? { website: e.website } : {}) });
    } else if (!updates.provider(id)?.website && e.website) updates.set(id, { website: e.website });
  }
  statements.push(...updates.statements());

  // Joiners and leavers against the previous list (by AF id last seen on that list's date).
  const previouslyListed = new Map<number, string>();
  if (prevDate !== null) {
    const rows = await db.select({ entityId: externalIds.entityId, lastSeen: externalIds.lastSeen }).from(externalIds)
      .where(and(eq(externalIds.system, 'af_search'), eq(externalIds.entity, 'provider')));
    for (const r of rows) {
      const pid = ident.finalProvider(Number(r.entityId));
      previouslyListed.set(pid, later(previouslyListed.get(pid) ?? '', r.lastSeen));
    }
    const inFile = new Set(providerOf.values());
    for (const id of existingIds) {
      const last = previouslyListed.get(id);
      if (dataAsOf > prevDate && (last === undefined || last < prevDate)) {
        const p = updates.provider(id)!;
        report.joined.push(`${p.displayName} (${(p.orgnr ? maskOrgnr(p.orgnr) : 'no org. number')}${last ? `; back after ${last}` : ''})`);
      }
    }
    if (dataAsOf > prevDate) {
      const leavers = [...previouslyListed].filter(([id, last]) => last >= prevDate && !inFile.has(id)).map(([id]) => id);
      for (const group of chunked(leavers)) {
        for (const p of await db.select().from(providers).where(inArray(providers.id, group))) {
          report.left.push(`${p.displayName} (${(p.orgnr ? maskOrgnr(p.orgnr) : 'no org. number')}; last seen ${p.lastSeen})`);
        }
      }
    }
  }

  // AF ids.
  const idRows: Record<string, unknown>[] = [];
  for (const e of entries) {
    const id = providerOf.get(e);
    if (id === undefined) continue;
    const old = knownIds.get(e.id);
    if (!old) {
      count(report, 'externalIds', 'created');
      idRows.push({ entity: 'provider', entityId: String(id), system: 'af_search', externalId: e.id, firstSeen: dataAsOf, lastSeen: dataAsOf });
      continue;
    }
    const patch: Partial<typeof externalIds.$inferSelect> = {};
    if (old.entityId !== String(id)) {
      patch.entityId = String(id);
      report.warnings.push(`AF id ${e.id} moved from provider ${old.entityId} to provider ${id}`);
    }
    if (old.lastSeen < dataAsOf) patch.lastSeen = dataAsOf;
    if (old.firstSeen > dataAsOf) patch.firstSeen = earlier(old.firstSeen, dataAsOf);
    if (Object.keys(patch).length) {
      count(report, 'externalIds', 'updated');
      statements.push(db.update(externalIds).set(patch)
        .where(and(eq(externalIds.system, 'af_search'), eq(externalIds.entity, 'provider'), eq(externalIds.externalId, e.id))));
    }
  }

  // nyval_tillatet: only where the AF id is a KA number we know (see docs/af-import.md).
  const byKa = ident.byKa;
  let notApplied = 0;
  for (const e of entries) {
    const c = byKa.get(e.id.toUpperCase());
    const pid = providerOf.get(e);
    if (!c || pid === undefined || ident.finalProvider(c.providerId) !== pid) {
      if (e.acceptingNew !== null) notApplied++;
      continue;
    }
    if (e.acceptingNew !== null && c.acceptingNew !== e.acceptingNew && newerOrSame) {
      count(report, 'contracts', 'updated');
      statements.push(db.update(contracts).set({ acceptingNew: e.acceptingNew }).where(eq(contracts.kaNumber, c.kaNumber)));
    } else count(report, 'contracts', 'unchanged');
  }
  if (notApplied > 0) {
    report.warnings.push(`${notApplied} entr${notApplied === 1 ? 'y' : 'ies'}: "nyval_tillatet" not stored, because no contract of that provider has the AF id as KA number`);
  }

  // Offices: the provider's full set of AF delivery addresses.
  const perProvider = new Map<number, Map<string, ChooserEntry['addresses'][number] & { line: number; where: string }>>();
  for (const e of entries) {
    const pid = providerOf.get(e);
    if (pid === undefined) continue;
    const m = perProvider.get(pid) ?? new Map();
    for (const a of e.addresses) if (!m.has(a.afAddressId)) m.set(a.afAddressId, { ...a, line: e.line, where: e.where });
    perProvider.set(pid, m);
  }
  const place = await officePlacer(db, [...perProvider.values()].flatMap((m) => [...m.values()]));
  const oldOffices = new Map<string, typeof offices.$inferSelect>();
  for (const group of chunked(existingIds)) {
    for (const o of await db.select().from(offices).where(and(inArray(offices.providerId, group), isNotNull(offices.afAddressId)))) {
      oldOffices.set(`${o.providerId}|${o.afAddressId}`, o);
    }
  }
  const officeRows: (typeof offices.$inferInsert)[] = [];
  for (const [pid, list] of perProvider) {
    for (const a of list.values()) {
      const placement = place(a);
      if (placement.municipalityDerivation === 'unknown') {
        report.warnings.push(`entry ${a.line} (${a.where}): office ${a.street}, ${a.postcode} ${a.town} stored with municipality unknown (postcode and town not in the reference table)`);
      }
      const old = oldOffices.get(`${pid}|${a.afAddressId}`);
      oldOffices.delete(`${pid}|${a.afAddressId}`);
      const fields = { street: a.street, postcode: a.postcode, town: a.town, lat: a.lat, lon: a.lon };
      if (!old) {
        count(report, 'offices', 'created');
        officeRows.push({ providerId: pid, afAddressId: a.afAddressId, ...fields, ...placement, firstSeen: dataAsOf, lastSeen: dataAsOf });
        continue;
      }
      // A manual placement is a person's correction: keep it.
      const next = { ...fields, ...(old.municipalityDerivation === 'manual' ? {} : placement) };
      const patch: Partial<typeof offices.$inferSelect> = {};
      if (newerOrSame) for (const [k, v] of Object.entries(next)) if ((old as Record<string, unknown>)[k] !== v) (patch as Record<string, unknown>)[k] = v;
      if (old.lastSeen < dataAsOf) patch.lastSeen = dataAsOf;
      if (old.firstSeen > dataAsOf) patch.firstSeen = dataAsOf;
      if (Object.keys(patch).length) {
        count(report, 'offices', 'updated');
        statements.push(db.update(offices).set(patch).where(eq(offices.id, old.id)));
      } else count(report, 'offices', 'unchanged');
    }
  }
  // Addresses AF no longer lists for a listed provider are removed (a newer list only).
  if (newerOrSame) {
    for (const o of oldOffices.values()) {
      if (!perProvider.has(o.providerId)) continue;
      count(report, 'offices', 'removed');
      statements.push(db.delete(offices).where(eq(offices.id, o.id)));
    }
  }
  statements.push(...insertStatements(db, externalIds, idRows), ...insertStatements(db, offices, officeRows));

  return commit(db, report, startedAt, runId, statements);
}
