/**
 * Writes migrations/0001_reference_data.sql from the reference CSVs in data/reference/
 * (SCB municipality and county codes, postcode → municipality, the 2020 pilot delivery
 * areas) and the language list. Reference data ships as a migration so that every
 * database (local libsql file, Turso, D1) gets the same rows by applying migrations.
 * Run: npx tsx scripts/build-reference-migration.ts   (tests check the file is in sync)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildReferenceSql } from '../src/db/reference-sql';

const dir = new URL('../data/reference/', import.meta.url);
const sqlText = buildReferenceSql({
  kommunerCsv: readFileSync(new URL('kommuner.csv', dir), 'utf8'),
  postcodesCsv: readFileSync(new URL('postnummer-kommun.csv', dir), 'utf8'),
  pilotAreasCsv: readFileSync(new URL('pilot-2020-delivery-areas.csv', dir), 'utf8'),
});
writeFileSync(new URL('../migrations/0001_reference_data.sql', import.meta.url), sqlText);
console.log(`wrote migrations/0001_reference_data.sql (${sqlText.length} bytes)`);
