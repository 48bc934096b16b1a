/**
 * Test helper: a few current RoM2 delivery areas the import fixtures refer to.
 */
import type { Client } from '@libsql/client';

const AREAS: [string, string, string[]][] = [
  ['Västerås', 'Mitt', ['1980']],
  ['Stockholm Nord', 'Stockholm-Gotland', ['0160', '0163']],
  ['Göteborg Mitt', 'Väst', ['1480']],
];

/** Inserts the areas "Västerås", "Stockholm Nord" and "Göteborg Mitt" (service rom2). */
export async function addTestAreas(client: Client): Promise<void> {
  for (const [name, region, codes] of AREAS) {
    const r = await client.execute({
      sql: "INSERT INTO delivery_areas (name, af_region, service, valid_from, source) VALUES (?, ?, 'rom2', '2023-01-01', 'test') RETURNING id",
      args: [name, region],
    });
    for (const code of codes) {
      await client.execute({
        sql: "INSERT INTO delivery_area_municipalities (delivery_area_id, municipality_code, valid_from, basis) VALUES (?, ?, '2023-01-01', 'inferred: test')",
        args: [r.rows[0].id, code],
      });
    }
  }
}
