/** `--kind af-areas`: RoM 2's delivery areas and the municipalities they cover, each membership with its basis. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/import/kinds';
import { testDb, type TestDb } from '../../../helpers/db';
import { AREAS_CSV, AREAS_XLSX, TODAY, importFixture, rows, tableChecksums } from '../helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

const members = (client: TestDb['client']) => rows(client, `SELECT a.name AS area, a.af_region AS region, m.municipality_code AS code, m.valid_from, m.valid_to, m.basis
  FROM delivery_area_municipalities m JOIN delivery_areas a ON a.id = m.delivery_area_id WHERE a.service = 'rom2' ORDER BY a.name, m.municipality_code, m.valid_from`);
const csv = (text: string) => new TextEncoder().encode(text);

describe('af-areas: delivery areas and their municipalities', () => {
  it('reads the CSV: municipalities by code or name, areas created with their AF region, basis af_document', async () => {
    const report = await importFixture(t.db, 'af-areas', AREAS_CSV);
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2025-01-01', dataAsOfBasis: 'file_name', rowsRead: 13, rejected: 0 });
    expect(report.newAreas).toEqual(['Göteborg Syd-Öst', 'Göteborg Mitt', 'Skövde-Falköping-Lidköping', 'Stockholm Mitt', 'Stockholm Nord', 'Gotland', 'Västerås']);
    expect(report.breakdown.memberships).toEqual({ created: 13 });
    const m = await members(t.client);
    expect(m.filter((r) => r.area === 'Skövde-Falköping-Lidköping').map((r) => r.code)).toEqual(['1494', '1496', '1499']);
    expect(m.filter((r) => r.code === '0180').map((r) => r.area)).toEqual(['Stockholm Mitt', 'Stockholm Nord']); // one municipality, two areas
    expect(m.find((r) => r.area === 'Gotland')).toMatchObject({ code: '0980', region: 'Stockholm-Gotland', basis: 'af_document', valid_from: '2025-01-01', valid_to: null });
    // The same file again: nothing changes.
    const before = await tableChecksums(t.client);
    expect(await importFixture(t.db, 'af-areas', AREAS_CSV)).toMatchObject({ status: 'unchanged', created: 0 });
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('reads the xlsx (header below a title, date cells); a municipality that does not exist is rejected and named', async () => {
    const report = await importFixture(t.db, 'af-areas', AREAS_XLSX);
    expect(report).toMatchObject({ status: 'partial', rejected: 1, dataAsOf: '2025-01-01' });
    expect(report.errors).toEqual([expect.objectContaining({ line: 13, field: 'municipality', message: '"9999" is not a Swedish municipality (code or name)' })]);
    expect((await members(t.client)).length).toBe(9);
  });

  it('a later file moves a municipality: its old membership ends on the new valid-from, both kept; basis comes from the file', async () => {
    await importFixture(t.db, 'af-areas', AREAS_CSV);
    const report = await importFile({
      db: t.db, kind: 'af-areas', fileName: 'leveransomraden.csv', clock: () => TODAY,
      bytes: csv('kommun,delivery_area,af_region,valid_from,basis\n1481,Göteborg Mitt,Väst,2026-07-01,\nLidköping,Skövde-Falköping-Lidköping,Väst,2025-01-01,inferred: from the rating file\n'),
    });
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-07-01', dataAsOfBasis: 'periods' });
    expect(report.left).toEqual(['Mölndal (1481) left "Göteborg Syd-Öst" on 2026-07-01']);
    const m = (await members(t.client)).filter((r) => r.code === '1481' || r.code === '1494');
    expect(m).toEqual([
      { area: 'Göteborg Mitt', region: 'Väst', code: '1481', valid_from: '2026-07-01', valid_to: null, basis: 'af_document' },
      { area: 'Göteborg Syd-Öst', region: 'Väst', code: '1481', valid_from: '2025-01-01', valid_to: '2026-07-01', basis: 'af_document' },
      { area: 'Skövde-Falköping-Lidköping', region: 'Väst', code: '1494', valid_from: '2025-01-01', valid_to: null, basis: 'inferred: from the rating file' },
    ]);
  });

  it('a pilot area of the same name keeps its municipalities; RoM 2 gets its own', async () => {
    await importFixture(t.db, 'af-areas', AREAS_CSV);
    const pilot = await rows(t.client, "SELECT m.municipality_code FROM delivery_area_municipalities m JOIN delivery_areas a ON a.id = m.delivery_area_id WHERE a.service = 'pilot2020' AND a.name = 'Västerås'");
    expect(pilot.length).toBeGreaterThan(0);
    expect((await members(t.client)).filter((r) => r.area === 'Västerås')).toEqual([expect.objectContaining({ code: '1980', basis: 'af_document' })]);
  });

  it('fails whole, writing nothing, on a file that is not a membership table', async () => {
    const before = await tableChecksums(t.client);
    for (const [label, bytes] of [
      ['other columns', csv('namn;adress\nA;B\n')],
      ['binary', new Uint8Array([0, 159, 146, 150])],
      ['all rows broken', csv('kommun,leveransområde\nAtlantis,Nord\nLemuria,Syd\n')],
    ] as const) {
      const r = await importFile({ db: t.db, kind: 'af-areas', bytes, fileName: 'omraden-2026-01-01.csv', clock: () => TODAY });
      expect(r.status, label).toBe('failed');
    }
    expect(await tableChecksums(t.client)).toEqual(before);
  });
});
