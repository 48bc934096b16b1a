import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { importProviderFile } from '../../../src/import/valkollen/import-provider-file';
import { testDb, type TestDb } from '../../helpers/db';
import { addTestAreas } from '../areas';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const TODAY = new Date('2026-11-23T12:00:00Z');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const DATA_TABLES = ['providers', 'provider_name_variants', 'contracts', 'offices', 'provider_claims', 'ratings', 'delivery_areas'];

/** Row counts and a checksum of every row of the data tables. */
async function snapshot(client: Client) {
  const out: Record<string, string> = {};
  for (const t of DATA_TABLES) {
    const rows = (await client.execute(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rows)));
    out[t] = `${rows.length}:${Buffer.from(digest).toString('hex')}`;
  }
  return out;
}
const rows = async (client: Client, sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
  await addTestAreas(t.client);
});
afterEach(() => t.close());

const run = (fileName: string, text = fixture(fileName)) => importProviderFile(t.db, { fileName, text, today: TODAY });

describe('importProviderFile: valid files', () => {
  it('imports the CSV fixture: providers, contracts, offices, claims, name variants', async () => {
    const report = await run('valid.csv');
    expect(report).toMatchObject({ status: 'ok', format: 'csv', dataAsOf: '2026-11-01', rowsRead: 12, created: 12, updated: 0, rejected: 0, errors: [] });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    const providers = await rows(t.client, 'SELECT orgnr, display_name, website, legal_form, is_sole_trader, first_seen FROM providers ORDER BY orgnr');
    expect(providers).toEqual([
      { orgnr: '4520123458', display_name: 'Exempelbron Kompetens AB', website: 'https://www.exempelbron.example.se', legal_form: null, is_sole_trader: 0, first_seen: '2026-11-01' },
      { orgnr: '4521043218', display_name: 'Provstegen Vägledning HB', website: 'https://provstegen.example.se', legal_form: null, is_sole_trader: 0, first_seen: '2026-11-01' },
      { orgnr: '8502309811', display_name: 'Exempelkompassen Coachning', website: null, legal_form: 'EF', is_sole_trader: 1, first_seen: '2026-11-01' },
    ]);
    const contracts = await rows(t.client, `SELECT c.ka_number, a.name AS area, c.start_date, c.accepting_new, p.orgnr FROM contracts c
      JOIN delivery_areas a ON a.id = c.delivery_area_id JOIN providers p ON p.id = c.provider_id ORDER BY 1`);
    expect(contracts).toEqual([
      { ka_number: 'KA-2026-0001', area: 'Västerås', start_date: '2024-03-01', accepting_new: 1, orgnr: '4520123458' },
      { ka_number: 'KA-2026-0002', area: 'Stockholm Nord', start_date: '2024-05-15', accepting_new: 0, orgnr: '4520123458' },
      { ka_number: 'KA-2026-0003', area: 'Västerås', start_date: '2023-09-01', accepting_new: null, orgnr: '4521043218' },
      { ka_number: 'KA-2026-0004', area: 'Göteborg Mitt', start_date: '2025-01-10', accepting_new: 1, orgnr: '8502309811' },
    ]);
    const offices = await rows(t.client, 'SELECT street, postcode, town, municipality_code, municipality_derivation FROM offices ORDER BY id');
    expect(offices).toEqual([
      { street: 'Exempelgatan 4', postcode: '72211', town: 'Västerås', municipality_code: '1980', municipality_derivation: 'postcode' },
      { street: 'Provgatan 12', postcode: '18330', town: 'Täby', municipality_code: '0160', municipality_derivation: 'postcode' },
      { street: 'Testvägen 1', postcode: '72299', town: 'Västerås', municipality_code: '1980', municipality_derivation: 'town' },
      { street: 'Fiktivgatan 7', postcode: '41103', town: 'Göteborg', municipality_code: '1480', municipality_derivation: 'postcode' },
      { street: 'Påhittade gränd 2', postcode: '99999', town: 'Ingenstans', municipality_code: null, municipality_derivation: 'unknown' },
    ]);
    expect(report.unmatched).toEqual([expect.objectContaining({ line: 15, postcode: '99999', town: 'Ingenstans' })]);
    const claims = await rows(t.client, `SELECT p.orgnr, c.kind, c.value, c.origin FROM provider_claims c JOIN providers p ON p.id = c.provider_id ORDER BY 1, 2, 3`);
    expect(claims.filter((c) => c.origin !== 'provider_declared')).toEqual([]);
    expect(claims.filter((c) => c.orgnr === '4520123458').map((c) => `${c.kind}:${c.value}`))
      .toEqual(['language:ar', 'language:en', 'language:so', 'language:sv', 'remote_meetings:partly']);
    expect(claims.filter((c) => c.orgnr === '4521043218').map((c) => c.value)).toEqual(['prs', 'sv', 'ti']);
    expect(await rows(t.client, 'SELECT name, seen_to FROM provider_name_variants ORDER BY name')).toHaveLength(3);
    const [runRow] = await rows(t.client, "SELECT * FROM import_runs WHERE source = 'valkollen_csv'");
    expect(runRow).toMatchObject({ status: 'ok', file_name: 'valid.csv', sha256: report.sha256, data_as_of: '2026-11-01', rows_read: 12, created: 12 });
    expect(JSON.parse(String(runRow.report)).unmatched).toHaveLength(1);
  });

  it('imports the JSON fixture, with a semicolon CSV of the same data equal in effect', async () => {
    const report = await run('valid.json');
    expect(report).toMatchObject({ status: 'ok', format: 'json', rowsRead: 8, created: 8, errors: [] });
    expect(await rows(t.client, "SELECT count(*) AS n FROM import_runs WHERE source = 'valkollen_json' AND status = 'ok'")).toEqual([{ n: 1 }]);
    expect(await rows(t.client, "SELECT legal_form FROM providers WHERE orgnr = '4824001236'")).toEqual([{ legal_form: null }]);
    const semicolon = fixture('valid.csv').replace(/,/g, ';').replace('"Vi erbjuder individuell planering; praktik', '"Vi erbjuder individuell planering, praktik');
    const t2 = await importProviderFile(t.db, { fileName: 'semikolon.csv', text: semicolon, today: TODAY });
    expect(t2).toMatchObject({ status: 'ok', created: 12 });
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    await run('valid.csv');
    const before = await snapshot(t.client);
    const again = await run('valid.csv');
    expect(again).toMatchObject({ status: 'unchanged', created: 0, updated: 0, unchanged: 12, removed: 0 });
    expect(await snapshot(t.client)).toEqual(before);
    const runs = await rows(t.client, "SELECT status FROM import_runs WHERE source = 'valkollen_csv' ORDER BY id");
    expect(runs.map((r) => r.status)).toEqual(['ok', 'unchanged']);
  });

  it('updates changed fields, renames, claims and offices by organisation and KA number', async () => {
    await run('valid.csv');
    const changed = fixture('valid.csv')
      .replace('www.exempelbron.example.se', 'https://ny.exempelbron.example.se')
      .replace('Provstegen Vägledning HB', 'Nya Provstegen HB')
      .replace('sv|ti|prs', 'sv|ti')
      .replace('KA-2026-0002,Stockholm Nord,2024-05-15,no', 'KA-2026-0002,Stockholm Nord,2024-05-15,yes')
      .replace('office,452012-3458,,,,,,,,,,Provgatan 12,183 30,Täby\n', '');
    const report = await run('changed.csv', changed);
    expect(report).toMatchObject({ status: 'ok', created: 0, updated: 3, removed: 1, errors: [] });
    expect(await rows(t.client, "SELECT website FROM providers WHERE orgnr = '4520123458'")).toEqual([{ website: 'https://ny.exempelbron.example.se' }]);
    expect(await rows(t.client, "SELECT accepting_new FROM contracts WHERE ka_number = 'KA-2026-0002'")).toEqual([{ accepting_new: 1 }]);
    expect(await rows(t.client, "SELECT count(*) AS n FROM offices WHERE street = 'Provgatan 12'")).toEqual([{ n: 0 }]);
    expect(await rows(t.client, `SELECT v.name, v.seen_to FROM provider_name_variants v JOIN providers p ON p.id = v.provider_id
      WHERE p.orgnr = '4521043218' ORDER BY v.id`)).toEqual([
      { name: 'Provstegen Vägledning HB', seen_to: '2026-11-01' },
      { name: 'Nya Provstegen HB', seen_to: null },
    ]);
    expect(await rows(t.client, `SELECT c.value FROM provider_claims c JOIN providers p ON p.id = c.provider_id
      WHERE p.orgnr = '4521043218' ORDER BY 1`)).toEqual([{ value: 'sv' }, { value: 'ti' }]);
  });

  it('rejects a KA number that belongs to another organisation', async () => {
    await run('valid.csv');
    const moved = [
      'record,orgnr,name,ka_number,delivery_area',
      'provider,452104-3218,Provstegen Vägledning HB,,',
      'contract,452104-3218,,KA-2026-0001,Västerås',
    ].join('\n');
    const report = await run('moved.csv', moved);
    expect(report.status).toBe('failed');
    expect(report.errors).toContainEqual({ line: 3, field: 'ka_number', message: 'KA number KA-2026-0001 belongs to another organisation' });
  });
});

describe('importProviderFile: bad files', () => {
  const cases: [string, number, string, RegExp][] = [
    ['bad-orgnr.csv', 2, 'orgnr', /check digit/],
    ['unknown-area.csv', 3, 'delivery_area', /unknown delivery area "Atlantis Syd"/],
    ['bad-postcode.csv', 3, 'postcode', /five digits/],
    ['missing-name.csv', 2, 'name', /is required/],
    ['bad-date.csv', 3, 'start_date', /YYYY-MM-DD/],
    ['duplicate-ka.csv', 4, 'ka_number', /KA-2026-0204 already appears on line 3/],
  ];
  for (const [file, line, field, message] of cases) {
    it(`${file}: reports line ${line}, field ${field}, and writes nothing`, async () => {
      const before = await snapshot(t.client);
      const report = await run(file);
      expect(report.status).toBe('failed');
      expect(report.errors).toContainEqual({ line, field, message: expect.stringMatching(message) });
      expect(report.rejected).toBeGreaterThan(0);
      expect(await snapshot(t.client)).toEqual(before);
      const [runRow] = await rows(t.client, "SELECT status, rejected, report FROM import_runs WHERE source = 'valkollen_csv'");
      expect(runRow).toMatchObject({ status: 'failed' });
      expect(JSON.parse(String(runRow.report)).errors).toContainEqual({ line, field, message: expect.stringMatching(message) });
    });
  }

  it('the contract of a provider with a bad orgnr is reported too (every error listed)', async () => {
    const report = await run('bad-orgnr.csv');
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([[2, 'orgnr'], [3, 'orgnr']]);
  });

  it('JSON: reports each bad field with the line of its value', async () => {
    const report = await run('bad-rows.json');
    expect(report.status).toBe('failed');
    expect(report.errors).toEqual([
      { line: 8, field: 'languages', message: expect.stringMatching(/unknown language code "xx"/) },
      { line: 10, field: 'start_date', message: expect.stringMatching(/YYYY-MM-DD/) },
      { line: 13, field: 'postcode', message: 'is required' },
    ]);
  });

  it('reports syntax errors, unknown columns and bad data_as_of with their lines', async () => {
    expect((await run('broken.json', '{\n  "format": "valkollen-providers",\n  "providers": [\n}')).errors[0]).toMatchObject({ line: 4, message: expect.stringMatching(/JSON syntax/) });
    expect((await run('cols.csv', 'record,orgnr,colour\n')).errors).toEqual([{ line: 1, field: 'colour', message: expect.stringMatching(/unknown column/) }]);
    const future = fixture('valid.csv').replace('# data_as_of: 2026-11-01', '# data_as_of: 2027-01-01');
    expect((await run('future.csv', future)).errors).toEqual([{ line: 2, field: 'data_as_of', message: 'data_as_of lies in the future' }]);
    expect((await run('empty.csv', '')).status).toBe('failed');
  });

  it('rolls back: a bad file after a good one leaves the data exactly as it was', async () => {
    await run('valid.csv');
    const before = await snapshot(t.client);
    // Valid rows that would change data, plus one bad row at the end.
    const mixed = fixture('valid.csv').replace('Exempelbron Kompetens AB', 'Omdöpt AB') + 'contract,452012-3458,,,,,,KA-2026-0009,Atlantis,2024-01-01,yes,,,\n';
    const report = await run('mixed.csv', mixed);
    expect(report).toMatchObject({ status: 'failed', created: 0, updated: 0 });
    expect(await snapshot(t.client)).toEqual(before);
  });

  it('rolls back a database failure in the middle of the batch and records the failed run', async () => {
    await t.client.execute(`CREATE TRIGGER boom BEFORE INSERT ON offices WHEN NEW.street = 'Fiktivgatan 7'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const before = await snapshot(t.client);
    const report = await run('valid.csv');
    expect(report.status).toBe('failed');
    expect(report.errors[0].message).toMatch(/database error, nothing was written/);
    expect(await snapshot(t.client)).toEqual(before);
    expect(await rows(t.client, "SELECT status FROM import_runs WHERE source = 'valkollen_csv'")).toEqual([{ status: 'failed' }]);
  });
});
