import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDataAsOf } from '../../src/directory/provider-queries';
import { importAfProviders } from '../../src/import/af-providers-import';
import { testDb, type TestDb } from '../helpers/db';
import { AF_FIXTURES, CHOOSER_1, CHOOSER_2, RATINGS_1, TODAY, importFixture, rows, tableChecksums } from './af-helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

describe('af-providers: the chooser list JSON', () => {
  it('imports providers, AF ids and offices from pages plus detail records', async () => {
    const report = await importFixture(t.db, 'af-providers', CHOOSER_1);
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-09-15', rowsRead: 154, rejected: 0, errors: [] });
    expect(report.breakdown.providers).toEqual({ created: 61 });
    expect(report.sha256).toBe(createHash('sha256').update(readFileSync(join(AF_FIXTURES, CHOOSER_1))).digest('hex'));
    // Swedish characters kept; a provider under two contracts is one provider with two AF ids.
    const [akero] = await rows(t.client, "SELECT id, orgnr, display_name, website, first_seen, last_seen FROM providers WHERE display_name LIKE 'Åkerö%'");
    expect(akero).toMatchObject({ display_name: 'Åkerö Vägledning AB', website: 'https://www.akero.example.se', first_seen: '2026-09-15' });
    expect(await rows(t.client, "SELECT external_id FROM external_ids WHERE entity = 'provider' AND entity_id = ? ORDER BY 1", [String(akero.id)]))
      .toEqual([{ external_id: '10079001' }, { external_id: '10079002' }]);
    // Offices: by postcode, by town when the postcode is unknown, else unknown and reported.
    const placed = await rows(t.client, 'SELECT af_address_id, postcode, town, municipality_code, municipality_derivation, lat FROM offices WHERE provider_id = ? ORDER BY af_address_id', [Number(akero.id)]);
    expect(placed).toEqual([
      { af_address_id: '399001', postcode: '99999', town: 'Påhittby', municipality_code: null, municipality_derivation: 'unknown', lat: 59.6 },
      { af_address_id: '399002', postcode: '72299', town: 'Västerås', municipality_code: '1980', municipality_derivation: 'town', lat: 59.62 },
    ]);
    expect(report.unmatched).toContainEqual(expect.objectContaining({ kind: 'office', key: '99999 Påhittby' }));
    expect(await rows(t.client, "SELECT count(*) AS n FROM offices WHERE municipality_derivation = 'postcode'")).toEqual([{ n: 215 }]);
    // An entry without a detail record (no organisation number) is reported, not guessed.
    expect(report.unmatched).toContainEqual(expect.objectContaining({ kind: 'provider', key: '10079003' }));
    expect(await rows(t.client, "SELECT count(*) AS n FROM providers WHERE display_name LIKE 'Ödetorp%'")).toEqual([{ n: 0 }]);
    // Overlapping pages: the repeated entry counts once.
    expect(report.warnings.some((w) => /repeats entry 20/.test(w))).toBe(true);
    expect(await rows(t.client, "SELECT status, sha256, data_as_of, rows_read FROM import_runs WHERE source = 'af_providers'"))
      .toEqual([{ status: 'ok', sha256: report.sha256, data_as_of: '2026-09-15', rows_read: 154 }]);
    expect(await getDataAsOf(t.db)).toMatchObject({ dataAsOf: '2026-09-15', source: 'af_providers', fileName: CHOOSER_1 });
  });

  it('never stores contact persons: no name, phone or e-mail from the detail records lands anywhere', async () => {
    const text = readFileSync(join(AF_FIXTURES, CHOOSER_1), 'utf8');
    expect(text).toContain('kontaktperson_epost');
    await importFixture(t.db, 'af-providers', CHOOSER_1);
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const tables = (await rows(t.client, "SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => String(r.name));
    for (const table of tables) {
      const all = JSON.stringify((await t.client.execute(`SELECT * FROM "${table}"`)).rows);
      expect(all, table).not.toMatch(/Kontakt Personsson|hemlig-kontakt|070-555|kontaktperson/);
    }
  });

  it('is idempotent: the same file twice is reported unchanged and changes no row', async () => {
    await importFixture(t.db, 'af-providers', CHOOSER_1);
    const before = await tableChecksums(t.client);
    const again = await importFixture(t.db, 'af-providers', CHOOSER_1);
    expect(again).toMatchObject({ status: 'unchanged', created: 0, updated: 0, removed: 0 });
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('a newer list: joiners, leavers (last seen kept), renames as name variants, nyval_tillatet on contracts', async () => {
    await importFixture(t.db, 'af-providers', CHOOSER_1);
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const report = await importFixture(t.db, 'af-providers', CHOOSER_2);
    expect(report.status).toBe('ok');
    expect(report.joined).toEqual([expect.stringMatching(/^Nyköpings Nystart AB/)]);
    expect(report.left).toEqual([expect.stringMatching(/^Österkällan Matchning HB .*last seen 2026-09-15/)]);
    expect(await rows(t.client, "SELECT last_seen FROM providers WHERE display_name = 'Österkällan Matchning HB'")).toEqual([{ last_seen: '2026-09-15' }]);
    expect(await rows(t.client, `SELECT v.name, v.seen_from, v.seen_to FROM provider_name_variants v JOIN providers p ON p.id = v.provider_id
      WHERE p.display_name LIKE 'Åkerö%' ORDER BY v.id`)).toEqual([
      { name: 'Åkerö Vägledning AB', seen_from: '2026-09-15', seen_to: '2026-11-15' },
      { name: 'Åkerö & Öhman Vägledning AB', seen_from: '2026-11-15', seen_to: null },
    ]);
    // The AF id equals a KA number the rating file created: nyval_tillatet lands on that contract.
    expect(await rows(t.client, "SELECT accepting_new FROM contracts WHERE ka_number = '10079002'")).toEqual([{ accepting_new: 0 }]);
    expect(await rows(t.client, "SELECT accepting_new FROM contracts WHERE ka_number = '10079001'")).toEqual([{ accepting_new: 1 }]);
  });

  it('accepts one page object and takes the date from --published', async () => {
    const page = { total_count: 1, leverantorer: [{ id: 123, namn: 'Enkel Sida AB', rating: '2', nyval_tillatet: true, orgnr: '556036-0793', hemsida: 'enkel.example.se', adresser: [] }] };
    const bytes = new TextEncoder().encode(JSON.stringify(page));
    const noDate = await importAfProviders(t.db, { fileName: 'lista.json', bytes, today: TODAY });
    expect(noDate.status).toBe('failed');
    expect(noDate.errors[0].message).toMatch(/--published/);
    const report = await importAfProviders(t.db, { fileName: 'lista.json', bytes, today: TODAY, published: '2026-10-01' });
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-10-01', created: 2 });
    expect(await rows(t.client, "SELECT website FROM providers WHERE orgnr = '5560360793'")).toEqual([{ website: 'https://enkel.example.se' }]);
  });

  it('rejects a malformed file with every reason and row, and writes nothing', async () => {
    await importFixture(t.db, 'af-providers', CHOOSER_1);
    const before = await tableChecksums(t.client);
    const report = await importFixture(t.db, 'af-providers', 'sokleverantor-malformed-2026-09-15.json');
    expect(report.status).toBe('failed');
    expect(report.rejected).toBe(4);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'orgnr'], [2, 'namn'], [3, 'nyval_tillatet'], [3, 'adresser[0].koordinater.latitud'], [4, 'adresser[0].postnummer'],
    ]);
    expect(await tableChecksums(t.client)).toEqual(before);
    const runs = await rows(t.client, "SELECT status FROM import_runs WHERE source = 'af_providers' ORDER BY id");
    expect(runs.map((r) => r.status)).toEqual(['ok', 'failed']);
  });
});
