/**
 * Contracts named in AF's workbooks (rating and results files), matched by KA number.
 * An unknown KA number becomes a contract of the provider whose name (current or earlier,
 * compared by providerNameKey) matches the row; when no provider has that name, the file
 * stands alone and creates one, known by name only (no organisation number) until a chooser
 * list identifies it (providers/import-providers.ts). Only a name shared by several providers
 * leaves a row unmatched.
 * Keeps first/last seen, status (a contract absent from a newer full list has left:
 * status 'ended', last_seen kept), delivery area, start date and the provider's name over time.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { contracts, importRuns, providerNameVariants, providers } from '../../db/schema';
import type { Db } from '../../db/types';
import { planAreas } from './area-planner';
import { chunked } from '../../lib/chunked';
import { count, type ImportReport } from '../report';
import { earlier, later } from './iso-dates';
import { nextId } from '../next-id';
import { previousRunDate } from './import-runs';
import { insertStatements } from '../../db/insert-rows';
import { planProviderUpdates } from './plan-provider-updates';
import { providerNameKey } from './provider-name-key';

export interface WorkbookContractRow {
  line: number;
  where: string;
  ka: string;
  providerName: string;
  areaName: string;
  afRegion: string | null;
  /** From the results file (STARTDATUM AVTAL of the latest period); undefined/null when unknown. */
  startDate?: string | null;
}

export interface ContractPlan {
  /** KA numbers that exist or will exist after the batch. */
  known: Set<string>;
  statements: unknown[];
}

/**
 * Plans contract creates/updates for `rows` (one per KA number). `table` is the figure table
 * of this kind: contracts it has figures for from an earlier import of `source`, absent now,
 * have left when the file is newer than that import.
 */
export async function planContracts(
  db: Db,
  report: ImportReport,
  rows: WorkbookContractRow[],
  options: { dataAsOf: string; source: 'af_ratings' | 'af_results'; figureTable: 'ratings' | 'contract_results' },
): Promise<ContractPlan> {
  const { dataAsOf, source } = options;
  const existing = new Map<string, typeof contracts.$inferSelect>();
  for (const group of chunked(rows.map((r) => r.ka))) {
    for (const c of await db.select().from(contracts).where(inArray(contracts.kaNumber, group))) existing.set(c.kaNumber, c);
  }
  const areas = await planAreas(db, report, dataAsOf);
  const prevDate = await previousRunDate(db, source);
  const newer = prevDate !== null && dataAsOf > prevDate;
  const notOlder = prevDate === null || dataAsOf >= prevDate;

  // Name index for contracts we do not know yet: every current and earlier provider name.
  const byName = new Map<string, Set<number>>();
  if (rows.some((r) => !existing.has(r.ka))) {
    const add = (name: string, id: number) => {
      const key = providerNameKey(name);
      if (key) byName.set(key, (byName.get(key) ?? new Set()).add(id));
    };
    for (const p of await db.select({ id: providers.id, name: providers.displayName }).from(providers)) add(p.name, p.id);
    for (const v of await db.select({ id: providerNameVariants.providerId, name: providerNameVariants.name }).from(providerNameVariants)) add(v.name, v.id);
  }

  const known = new Set<string>();
  const plannedProvider = new Map<string, number>();
  // Providers this file introduces (by name key), created with explicit ids.
  const newProviders = new Map<string, { id: number; name: string }>();
  let nextProviderId = await nextId(db, providers);
  for (const r of rows) {
    const old = existing.get(r.ka);
    if (old) {
      plannedProvider.set(r.ka, old.providerId);
      continue;
    }
    const key = providerNameKey(r.providerName);
    const ids = byName.get(key);
    if (ids && ids.size > 1) {
      report.unmatched.push({
        line: r.line, where: r.where, kind: 'contract', key: r.ka,
        message: `"${r.providerName}" matches ${ids.size} providers; the contract and its figures were skipped`,
      });
      continue;
    }
    if (ids) {
      plannedProvider.set(r.ka, [...ids][0]);
      continue;
    }
    let created = newProviders.get(key);
    if (!created) {
      created = { id: nextProviderId++, name: r.providerName };
      newProviders.set(key, created);
    }
    plannedProvider.set(r.ka, created.id);
  }
  const newIds = new Set([...newProviders.values()].map((p) => p.id));
  const updates = await planProviderUpdates(db, report, [...plannedProvider.values()].filter((id) => !newIds.has(id)), dataAsOf, report.fileName);

  const statements: unknown[] = [];
  const providerRows: Record<string, unknown>[] = [];
  const variantRows: Record<string, unknown>[] = [];
  for (const p of newProviders.values()) {
    count(report, 'providers', 'created');
    providerRows.push({ id: p.id, orgnr: null, displayName: p.name, firstSeen: dataAsOf, lastSeen: dataAsOf });
    variantRows.push({ providerId: p.id, name: p.name, seenFrom: dataAsOf, source: report.fileName });
  }
  const providerStatements = [...insertStatements(db, providers, providerRows), ...insertStatements(db, providerNameVariants, variantRows)];
  const contractRows: Record<string, unknown>[] = [];
  const contractStatements: unknown[] = [];
  for (const r of rows) {
    const providerId = plannedProvider.get(r.ka);
    if (providerId === undefined) continue;
    known.add(r.ka);
    updates.seen(providerId, r.providerName);
    const areaId = areas.idFor(r.areaName, r.afRegion);
    const old = existing.get(r.ka);
    if (!old) {
      count(report, 'contracts', 'created');
      if (prevDate !== null) report.joined.push(`${r.ka} (${r.providerName}, ${r.areaName})`);
      contractRows.push({
        kaNumber: r.ka, providerId, deliveryAreaId: areaId, serviceCode: 'A015', startDate: r.startDate ?? null,
        status: 'active', firstSeen: dataAsOf, lastSeen: dataAsOf,
      });
      continue;
    }
    const patch: Partial<typeof contracts.$inferSelect> = {};
    if (old.deliveryAreaId !== areaId && notOlder) {
      patch.deliveryAreaId = areaId;
      report.warnings.push(`contract ${r.ka} moved to delivery area "${r.areaName}" as the file says`);
    }
    if (r.startDate !== undefined && r.startDate !== null && r.startDate !== old.startDate && notOlder) patch.startDate = r.startDate;
    if (old.lastSeen < dataAsOf) patch.lastSeen = later(old.lastSeen, dataAsOf);
    if (old.firstSeen > dataAsOf) patch.firstSeen = earlier(old.firstSeen, dataAsOf);
    if (old.status !== 'active' && newer) {
      patch.status = 'active';
      report.joined.push(`${r.ka} (${r.providerName}, ${r.areaName}; back after ${old.lastSeen})`);
    }
    if (Object.keys(patch).length > 0) {
      count(report, 'contracts', 'updated');
      contractStatements.push(db.update(contracts).set(patch).where(eq(contracts.kaNumber, r.ka)));
    } else count(report, 'contracts', 'unchanged');
  }

  // Leavers: contracts this kind of file listed before that a newer file no longer lists.
  if (newer) {
    const table = sql.raw(options.figureTable);
    const listed = await db
      .select({ ka: contracts.kaNumber, lastSeen: contracts.lastSeen, name: providers.displayName })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(and(
        eq(contracts.status, 'active'),
        sql`${contracts.kaNumber} IN (SELECT f.contract_ka FROM ${table} f JOIN ${importRuns} i ON i.id = f.import_run_id WHERE i.source = ${source})`,
      ));
    const inFile = new Set(rows.map((r) => r.ka));
    for (const c of listed) {
      if (inFile.has(c.ka)) continue;
      report.left.push(`${c.ka} (${c.name}; last seen ${c.lastSeen})`);
      count(report, 'contracts', 'updated');
      contractStatements.push(db.update(contracts).set({ status: 'ended' }).where(eq(contracts.kaNumber, c.ka)));
    }
  }
  statements.push(...areas.statements(), ...providerStatements, ...updates.statements(), ...insertStatements(db, contracts, contractRows), ...contractStatements);
  return { known, statements };
}
