/**
 * Test helpers for the AF importers: fixture paths, a fixed "today", table checksums
 * (to prove a failed import wrote nothing) and a one-call import of a fixture file.
 */
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import type { Db } from '../../../src/db/types';
import type { AfKind } from '../../../src/import/report';
import { importPath } from '../../../src/import/import-path.node';

export const AF_FIXTURES = join(import.meta.dirname, '../../fixtures/af');
export const TODAY = new Date('2026-11-23T12:00:00Z');

/** Every table an AF import may write, except import_runs (a failed run is recorded there). */
export const AF_DATA_TABLES = [
  'providers', 'provider_name_variants', 'provider_merges', 'contracts', 'offices', 'ratings', 'contract_results', 'period_weights',
  'external_ids', 'delivery_areas', 'delivery_area_municipalities', 'provider_claims', 'postal_codes', 'municipalities',
];

/** Row count and SHA-256 of all rows, per table. */
export async function tableChecksums(client: Client, tables = AF_DATA_TABLES): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = (await client.execute(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rows)));
    out[t] = `${rows.length}:${Buffer.from(digest).toString('hex')}`;
  }
  return out;
}

export const rows = async (client: Client, sql: string, args: (string | number | null)[] = []) =>
  (await client.execute({ sql, args })).rows.map((r) => ({ ...r }));

/** Imports a fixture file from tests/fixtures/af. */
export function importFixture(db: Db, kind: AfKind, name: string, published?: string) {
  return importPath(db, kind, join(AF_FIXTURES, name), { today: TODAY, published });
}

export const CHOOSER_1 = 'sokleverantor-2026-09-15.json';
export const CHOOSER_2 = 'sokleverantor-2026-11-15.ndjson';
export const RATINGS_1 = 'betyg-rusta-och-matcha-september-2026.xlsx';
export const RATINGS_2 = 'betyg-rusta-och-matcha-november-2026.xlsx';
/** "Resultat 2026-07" (with RISKERAR HÄVNING) and "Resultat 2026-09" (without), with weights sheets. */
export const RESULTS_1 = 'resultatuppfoljning-juli-september-2026.xlsx';
/** Five periods 2025-03 … 2025-11; RISKERAR HÄVNING only in 2025-03 and 2025-05. */
export const RESULTS_2025 = 'resultatuppfoljning-mars-november-2025.xlsx';
export const AREAS_CSV = 'leveransomraden-rom2-2025-01-01.csv';
export const AREAS_XLSX = 'leveransomraden-rom2-2025-01.xlsx';
