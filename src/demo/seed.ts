/**
 * Seeds the fictional demo data set into a migrated database (runtime-neutral: Node,
 * Turso and D1). Reads reference data from the database, generates rows deterministically
 * and inserts them in chunks through runBatch, recorded as an import run with source 'demo'.
 */
import { count, eq, max } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  contracts,
  deliveryAreaMunicipalities,
  deliveryAreas,
  importRuns,
  municipalities,
  offices,
  postalCodes,
  providerClaims,
  providerNameVariants,
  providers,
  ratings,
} from '../db/schema';
import { runBatch, type Db } from '../db/types';
import { generateDemoData } from './generate';
import { insertStatements } from '../db/insert-rows';

export const DEFAULT_DEMO_SEED = 20_260_101;

export interface DemoSeedResult {
  seeded: boolean;
  importRunId?: number;
  counts?: Record<string, number>;
}

/** True when the database already holds providers (demo or real): seeding is skipped then. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(providers);
  return row.n > 0;
}

/**
 * Inserts the demo data set unless providers already exist (then does nothing).
 * Same seed and `today` → identical rows. Statements go in chunks of bounded size
 * (≤ 100 bound parameters each, as D1 requires), several statements per batch.
 */
export async function seedDemoData(db: Db, options: { today: Date; seed?: number }): Promise<DemoSeedResult> {
  if (await isDemoSeeded(db)) return { seeded: false };
  const seed = options.seed ?? DEFAULT_DEMO_SEED;

  const [munis, postcodes, [areaMax], [officeMax], [runMax]] = await Promise.all([
    db.select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode })
      .from(municipalities).orderBy(municipalities.code),
    db.select({ code: postalCodes.code, locality: postalCodes.locality, municipalityCode: postalCodes.municipalityCode })
      .from(postalCodes).orderBy(postalCodes.code),
    db.select({ v: max(deliveryAreas.id) }).from(deliveryAreas),
    db.select({ v: max(offices.id) }).from(offices),
    db.select({ v: max(importRuns.id) }).from(importRuns),
  ]);
  const [providerMax] = await db.select({ v: max(providers.id) }).from(providers);
  const importRunId = (runMax.v ?? 0) + 1;
  const rows = generateDemoData(
    {
      municipalities: munis,
      postalCodes: postcodes,
      maxDeliveryAreaId: areaMax.v ?? 0,
      maxProviderId: providerMax.v ?? 0,
      maxOfficeId: officeMax.v ?? 0,
      importRunId,
    },
    { today: options.today, seed },
  );

  const counts: Record<string, number> = {
    delivery_areas: rows.deliveryAreas.length,
    delivery_area_municipalities: rows.deliveryAreaMunicipalities.length,
    providers: rows.providers.length,
    provider_name_variants: rows.providerNameVariants.length,
    contracts: rows.contracts.length,
    offices: rows.offices.length,
    provider_claims: rows.providerClaims.length,
    ratings: rows.ratings.length,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const stamp = options.today.toISOString();

  // The run row goes first (ratings reference it) and is marked ok by the last batch.
  const tables: [SQLiteTable, Record<string, unknown>[]][] = [
    [importRuns, [{
      id: importRunId, source: 'demo', fileName: `demo data set (seed ${seed})`, sha256: null,
      startedAt: stamp, finishedAt: null, dataAsOf: rows.dataAsOf, status: 'failed', rowsRead: total,
      created: 0, report: JSON.stringify({ note: 'fictional demo data; seeding incomplete', seed }),
    }]],
    [deliveryAreas, rows.deliveryAreas],
    [deliveryAreaMunicipalities, rows.deliveryAreaMunicipalities],
    [providers, rows.providers],
    [providerNameVariants, rows.providerNameVariants],
    [contracts, rows.contracts],
    [offices, rows.offices],
    [providerClaims, rows.providerClaims],
    [ratings, rows.ratings],
  ];
  const statements = tables.flatMap(([table, data]) => insertStatements(db, table, data));
  statements.push(
    db.update(importRuns)
      .set({
        status: 'ok', finishedAt: stamp, created: total,
        report: JSON.stringify({ note: 'fictional demo data', seed, periods: rows.periods, counts }),
      })
      .where(eq(importRuns.id, importRunId)),
  );
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    await runBatch(db, statements.slice(i, i + STATEMENTS_PER_BATCH));
  }
  return { seeded: true, importRunId, counts };
}

const STATEMENTS_PER_BATCH = 150;
