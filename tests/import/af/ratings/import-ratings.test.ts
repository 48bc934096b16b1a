import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAfRatings } from '../../../../src/import/af/ratings/import-ratings';
import type { Workbook } from '../../../../src/import/sheet';
import { testDb, type TestDb } from '../../../helpers/db';
import { addTestAreas } from '../../areas';
import { CHOOSER_1, RATINGS_1, RATINGS_2, TODAY, importFixture, rows, tableChecksums } from '../helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
  await addTestAreas(t.client); // Västerås, Stockholm Nord, Göteborg Mitt (rom2) already known
  await importFixture(t.db, 'af-providers', CHOOSER_1);
});
afterEach(() => t.close());

describe('af-ratings: the rating workbook ("Betyg över tid")', () => {
  it('imports contracts and ratings per period; "Betyg saknas" is no rating with a reason', async () => {
    const report = await importFixture(t.db, 'af-ratings', RATINGS_1);
    // AF's file name "betyg-rusta-och-matcha-september-2026.xlsx" gives the publication date.
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-09-01', dataAsOfBasis: 'file_name', rowsRead: 153, rejected: 0, revised: 0 });
    expect(report.breakdown.contracts).toEqual({ created: 153 });
    const [{ n }] = await rows(t.client, 'SELECT count(*) AS n FROM ratings');
    expect(report.breakdown.ratings).toEqual({ created: n });
    expect(await rows(t.client, "SELECT period, stars, null_reason, revision, published_at, source_file FROM ratings WHERE contract_ka = '10079001' AND period IN ('2025-01', '2026-07') ORDER BY period"))
      .toEqual([
        { period: '2025-01', stars: 1, null_reason: null, revision: 1, published_at: '2026-09-01', source_file: RATINGS_1 },
        { period: '2026-07', stars: 2, null_reason: null, revision: 1, published_at: '2026-09-01', source_file: RATINGS_1 },
      ]);
    // Unrated contracts and periods: "Betyg saknas" is stored as no rating with a reason.
    const saknas = await rows(t.client, "SELECT count(*) AS n FROM ratings WHERE stars IS NULL AND null_reason = 'not_published'");
    expect(Number(saknas[0].n)).toBeGreaterThan(100);
    // A blank cell (contract not running yet) stores nothing for that period.
    const [{ blanks }] = await rows(t.client, "SELECT count(*) AS blanks FROM ratings WHERE stars IS NULL AND null_reason IS NULL");
    expect(blanks).toBe(0);
    expect(Number(n)).toBeLessThan(153 * 10);
    // Delivery areas: known ones matched (AF region kept), unknown ones created from the file, without municipalities.
    expect(report.newAreas).not.toContain('Västerås');
    expect(report.newAreas).toContain('Bollnäs-Söderhamn');
    expect(await rows(t.client, "SELECT af_region, service, source FROM delivery_areas WHERE name = 'Bollnäs-Söderhamn'"))
      .toEqual([{ af_region: 'Mitt', service: 'rom2', source: RATINGS_1 }]);
    expect(await rows(t.client, "SELECT count(*) AS n FROM delivery_area_municipalities m JOIN delivery_areas a ON a.id = m.delivery_area_id WHERE a.source = ?", [RATINGS_1]))
      .toEqual([{ n: 0 }]);
    expect(await rows(t.client, "SELECT count(*) AS n FROM delivery_areas WHERE name = 'Västerås' AND service = 'rom2'")).toEqual([{ n: 1 }]);
    // The chooser list had no organisation number for this one; it was created by name, and the rating file finds it by name.
    expect(report.unmatched).toEqual([]);
    expect(await rows(t.client, "SELECT p.display_name, p.orgnr FROM contracts c JOIN providers p ON p.id = c.provider_id WHERE c.ka_number = '10079003'"))
      .toEqual([{ display_name: 'Ödetorpets Jobbstöd HB', orgnr: null }]);
    // A provider under two contracts.
    expect(await rows(t.client, "SELECT c.ka_number, a.name FROM contracts c JOIN delivery_areas a ON a.id = c.delivery_area_id JOIN providers p ON p.id = c.provider_id WHERE p.display_name LIKE 'Åkerö%' ORDER BY 1"))
      .toEqual([{ ka_number: '10079001', name: 'Västerås' }, { ka_number: '10079002', name: 'Bollnäs-Söderhamn' }]);
  });

  it('is idempotent: the same file twice is reported unchanged and changes no row', async () => {
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const before = await tableChecksums(t.client);
    const again = await importFixture(t.db, 'af-ratings', RATINGS_1);
    expect(again).toMatchObject({ status: 'unchanged', created: 0, updated: 0, revised: 0 });
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('a newer file: revised periods become revision 2 (revision 1 kept), leavers end, joiners and renames', async () => {
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const report = await importFixture(t.db, 'af-ratings', RATINGS_2);
    expect(report).toMatchObject({ status: 'ok', revised: 5 });
    const revised = await rows(t.client, "SELECT contract_ka, stars, revision, published_at FROM ratings WHERE period = '2026-07' AND contract_ka = '10070025' ORDER BY revision");
    expect(revised).toHaveLength(2);
    expect(revised.map((r) => [r.revision, r.published_at])).toEqual([[1, '2026-09-01'], [2, '2026-11-01']]);
    expect(revised[0].stars).not.toBe(revised[1].stars);
    expect(report.left).toEqual([expect.stringMatching(/^10070007 /)]);
    expect(await rows(t.client, "SELECT status, last_seen FROM contracts WHERE ka_number = '10070007'")).toEqual([{ status: 'ended', last_seen: '2026-09-01' }]);
    // The new contract's provider is in no chooser list yet: the rating file creates it by name.
    expect(report.unmatched).toEqual([]);
    expect(report.joined).toEqual([expect.stringMatching(/^10079004 \(Nyköpings Nystart AB, Västervik\)/)]);
    expect(await rows(t.client, "SELECT p.orgnr FROM contracts c JOIN providers p ON p.id = c.provider_id WHERE c.ka_number = '10079004'")).toEqual([{ orgnr: null }]);
    // The newer chooser list identifies that provider (AF id = KA number) and attaches its organisation number.
    const chooser = await importFixture(t.db, 'af-providers', 'sokleverantor-2026-11-15.ndjson');
    expect(chooser.merges).toEqual([expect.stringMatching(/^"Nyköpings Nystart AB" \(known by name only, provider \d+\) identified as \d{6}-\d{4}: AF id 10079004 = KA 10079004$/)]);
    expect(await rows(t.client, "SELECT p.orgnr IS NOT NULL AS known FROM contracts c JOIN providers p ON p.id = c.provider_id WHERE c.ka_number = '10079004'")).toEqual([{ known: 1 }]);
    const again = await importFixture(t.db, 'af-ratings', RATINGS_2);
    expect(again).toMatchObject({ status: 'unchanged', revised: 0, joined: [] });
    expect(await rows(t.client, "SELECT v.name, v.seen_to FROM provider_name_variants v JOIN providers p ON p.id = v.provider_id WHERE p.orgnr = (SELECT p2.orgnr FROM contracts c JOIN providers p2 ON p2.id = c.provider_id WHERE c.ka_number = '10079001') ORDER BY v.id"))
      .toEqual([{ name: 'Åkerö Vägledning AB', seen_to: '2026-11-01' }, { name: 'Åkerö & Öhman Vägledning AB', seen_to: null }]);
    // Importing the older file again is not a revision: the stored figures are newer.
    const older = await importFixture(t.db, 'af-ratings', RATINGS_1);
    expect(older).toMatchObject({ revised: 0 });
    expect(older.breakdown.ratings?.stale).toBe(5);
    expect(await rows(t.client, "SELECT max(revision) AS r FROM ratings")).toEqual([{ r: 2 }]);
  });

  it('rejects rows whose identity is broken (named), drops unreadable ratings with a warning, and imports the rest', async () => {
    const report = await importFixture(t.db, 'af-ratings', 'betyg-malformed-2026-09.xlsx', '2026-09-30');
    expect(report).toMatchObject({ status: 'partial', rowsRead: 6, rejected: 2, dataAsOfBasis: 'argument' });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 4, field: 'Ka-Nummer', message: 'is required', where: 'Betyg över tid' }),
      expect.objectContaining({ line: 5, field: 'Ka-Nummer', message: expect.stringMatching(/already appears on row 2/) }),
    ]);
    expect(report.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/row 3 .*mars 2025: "5" is not a rating .*skipped/),
      expect.stringMatching(/row 6 .*maj 2025: "tre" is not a rating .*skipped/),
    ]));
    // The duplicate KA's first row counts; the rows with bad cells keep their other periods.
    expect(await rows(t.client, "SELECT count(*) AS n FROM contracts WHERE first_seen = '2026-09-30'")).toEqual([{ n: 4 }]);
    const [bad] = await rows(t.client, "SELECT count(*) AS n FROM ratings WHERE period = '2025-03' AND contract_ka = (SELECT ka_number FROM contracts ORDER BY ka_number LIMIT 1 OFFSET 1)");
    expect(bad.n).toBe(0);
    expect(await rows(t.client, "SELECT status, rejected FROM import_runs WHERE source = 'af_ratings' ORDER BY id")).toEqual([
      { status: 'partial', rejected: 2 },
    ]);
  });

  it('fails whole, writing nothing, on a file that is not a rating workbook or is cut off', async () => {
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const before = await tableChecksums(t.client);
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { AF_FIXTURES } = await import('../helpers');
    const { importFile } = await import('../../../../src/import/kinds');
    const real = new Uint8Array(readFileSync(join(AF_FIXTURES, RATINGS_1)));
    const results = new Uint8Array(readFileSync(join(AF_FIXTURES, 'resultatuppfoljning-juli-september-2026.xlsx')));
    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated', real.subarray(0, Math.floor(real.length / 2)), /truncated/],
      ['a results workbook', results, /not AF's rating workbook/],
      ['JSON', new TextEncoder().encode('{"leverantorer": []}'), /not an .xlsx file/],
      ['empty', new Uint8Array(0), /not an .xlsx file/],
    ];
    for (const [label, bytes, why] of cases) {
      const r = await importFile({ db: t.db, kind: 'af-ratings', bytes, fileName: 'betyg-rusta-och-matcha-oktober-2026.xlsx', clock: () => TODAY });
      expect(r.status, label).toBe('failed');
      expect(r.errors.map((e) => e.message).join(' '), label).toMatch(why);
    }
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('rolls back a database failure in the middle of the batch', async () => {
    await t.client.execute(`CREATE TRIGGER boom BEFORE INSERT ON ratings WHEN NEW.contract_ka = '10079002'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const before = await tableChecksums(t.client);
    const report = await importFixture(t.db, 'af-ratings', RATINGS_1);
    expect(report.status).toBe('failed');
    expect(report.errors[0].message).toMatch(/nothing was written/);
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('reads Date period headers, rejects a workbook without the sheet, and an unreadable file', async () => {
    const wb: Workbook = { sheets: [{ name: 'Betyg över tid', rows: [
      { row: 1, cells: ['Leverantörsnamn', 'Leveransområde', 'Af Region', 'Ka-Nummer', new Date('2026-05-01T00:00:00Z'), 'juli 2026'] },
      { row: 2, cells: ['Åkerö Vägledning AB', 'Västerås', 'Mitt', '10079001', 3, 'Betyg saknas'] },
    ] }] };
    const bytes = new Uint8Array([1, 2, 3]);
    const ok = await importAfRatings(t.db, { fileName: 'betyg-2026-07.xlsx', bytes, workbook: wb, today: TODAY });
    expect(ok).toMatchObject({ status: 'ok', breakdown: { ratings: { created: 2 } } });
    expect(await rows(t.client, "SELECT period, stars, null_reason FROM ratings ORDER BY period")).toEqual([
      { period: '2026-05', stars: 3, null_reason: null }, { period: '2026-07', stars: null, null_reason: 'not_published' },
    ]);
    const noSheet = await importAfRatings(t.db, { fileName: 'betyg-2026-07.xlsx', bytes, workbook: { sheets: [{ name: 'Blad1', rows: [] }] }, today: TODAY });
    expect(noSheet.errors[0].message).toMatch(/not AF's rating workbook: it has no sheet "Betyg över tid"/);
    const broken = await importAfRatings(t.db, { fileName: 'betyg-2026-07.xlsx', bytes, workbook: { error: 'zip: bad header' }, today: TODAY });
    expect(broken).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ message: expect.stringMatching(/not a readable .xlsx/) })] });
  });
});
