import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDataAsOf } from '../../../../src/directory/provider-queries';
import { importAfProviders } from '../../../../src/import/af/providers/import-providers';
import { testDb, type TestDb } from '../../../helpers/db';
import { AF_FIXTURES, CHOOSER_1, CHOOSER_2, RATINGS_1, TODAY, importFixture, rows, tableChecksums } from '../helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

describe('af-providers: the chooser list JSON', () => {
  it('imports providers, AF ids and offices from pages plus detail records', async () => {
    const report = await importFixture(t.db, 'af-providers', CHOOSER_1);
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-09-15', rowsRead: 154, rejected: 0, errors: [] });
    // 61 with organisation numbers, and one entry without a detail record, created by name only.
    expect(report.breakdown.providers).toEqual({ created: 62 });
    expect(report.unmatched).toEqual([]);
    expect(report.sha256).toBe(createHash('sha256').update(readFileSync(join(AF_FIXTURES, CHOOSER_1))).digest('hex'));
    // Swedish characters kept; a provider under two contracts is one provider with two AF ids.
    const [akero] = await rows(t.client, "SELECT id, orgnr, display_name, website, first_seen, last_seen FROM providers WHERE display_name LIKE 'Åkerö%'");
    expect(akero).toMatchObject({ display_name: 'Åkerö Vägledning AB', website: 'https://www.akero.example.se', first_seen: '2026-09-15' });
    expect(await rows(t.client, "SELECT external_id FROM external_ids WHERE entity = 'provider' AND entity_id = ? ORDER BY 1", [String(akero.id)]))
      .toEqual([{ external_id: '10079001' }, { external_id: '10079002' }]);
    // Offices: by postcode, by town when the postcode is unknown, else unknown and reported.
    const placed = await rows(t.client, 'SELECT af_address_id, postcode, town, municipality_code, municipality_derivation, lat, lon FROM offices WHERE provider_id = ? ORDER BY af_address_id', [Number(akero.id)]);
    expect(placed).toEqual([
      { af_address_id: '399001', postcode: '99999', town: 'Påhittby', municipality_code: null, municipality_derivation: 'unknown', lat: 59.6, lon: 16.5 },
      { af_address_id: '399002', postcode: '72299', town: 'Västerås', municipality_code: '1980', municipality_derivation: 'town', lat: 59.62, lon: 16.55 },
      // "0"/"0" (not geocoded): the office is kept, without coordinates, and the report says so.
      { af_address_id: '399005', postcode: '72211', town: 'Västerås', municipality_code: '1980', municipality_derivation: 'postcode', lat: null, lon: null },
    ]);
    expect(report.warnings).toContainEqual(expect.stringMatching(/Nollgatan 1, Västerås\): coordinates "0", "0" are not a place in Sweden; stored without coordinates/));
    expect(report.warnings).toContainEqual(expect.stringMatching(/Östra Ringvägen 5, 99999 Påhittby stored with municipality unknown/));
    expect(await rows(t.client, "SELECT count(*) AS n FROM offices WHERE municipality_derivation = 'postcode'")).toEqual([{ n: 217 }]);
    // An entry without a detail record (no organisation number) is created by name only, with a warning.
    expect(await rows(t.client, "SELECT orgnr FROM providers WHERE display_name LIKE 'Ödetorp%'")).toEqual([{ orgnr: null }]);
    expect(report.warnings).toContainEqual(expect.stringMatching(/"Ödetorpets Jobbstöd HB" has no organisation number .*created by name only/));
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
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-10-01', dataAsOfBasis: 'argument', created: 2 });
    expect(await rows(t.client, "SELECT website FROM providers WHERE orgnr = '5560360793'")).toEqual([{ website: 'https://enkel.example.se' }]);
  });

  it('degrades on details and rejects only rows whose identity is broken: named, never "unchanged"', async () => {
    const report = await importFixture(t.db, 'af-providers', 'sokleverantor-malformed-2026-09-15.json');
    expect(report.status).toBe('partial');
    // Entry 2 has no name: rejected and named. The other three are imported.
    expect(report.rejected).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, field: 'namn', message: 'is required' })]);
    expect(report.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/entry 1 .*organisation number dropped/),
      expect.stringMatching(/entry 3 .*nyval_tillatet "kanske" is not true or false; stored as unknown/),
      expect.stringMatching(/entry 3 .*coordinates "abc", "16.5" are not a place in Sweden; stored without coordinates/),
      expect.stringMatching(/entry 4 .*address 1 dropped: "7221" is not a five-digit postcode/),
    ]));
    expect(await rows(t.client, 'SELECT display_name, orgnr FROM providers ORDER BY display_name')).toEqual([
      { display_name: 'Felaktig AB', orgnr: null }, { display_name: 'Koordinat AB', orgnr: null }, { display_name: 'Postnummer AB', orgnr: null },
    ]);
    expect(await rows(t.client, 'SELECT street, lat, lon FROM offices')).toEqual([{ street: 'Gatan 1', lat: null, lon: null }]);
    // The same file again changes nothing, but still says rows were left out.
    const again = await importFixture(t.db, 'af-providers', 'sokleverantor-malformed-2026-09-15.json');
    expect(again).toMatchObject({ status: 'partial', created: 0, updated: 0, rejected: 1 });
  });

  it('fails whole on a file that is not a chooser list, and on one whose rows are mostly broken, writing nothing', async () => {
    await importFixture(t.db, 'af-providers', CHOOSER_1);
    const before = await tableChecksums(t.client);
    const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
    const cases: [string, Uint8Array][] = [
      ['not JSON', enc('PK\u0003\u0004 this is a zip, not JSON')],
      ['wrong shape', enc({ hello: 'world' })],
      ['no entries', enc({ total_count: 0, leverantorer: [] })],
      ['mostly broken', enc({ total_count: 3, leverantorer: [{ id: 1, namn: '' }, { namn: 'Utan id AB' }, { id: 3, namn: 'Hel AB', adresser: [] }] })],
      ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00, 0x41])],
    ];
    for (const [label, bytes] of cases) {
      const r = await importAfProviders(t.db, { fileName: 'lista-2026-10-01.json', bytes, today: TODAY });
      expect(r.status, label).toBe('failed');
      expect(r.errors.some((e) => e.line === 0), label).toBe(true);
    }
    expect(await tableChecksums(t.client)).toEqual(before);
  });
});
