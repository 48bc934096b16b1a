import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAfResults } from '../../src/import/af-results-import';
import type { Cell, Workbook } from '../../src/import/af-sheet';
import { resultRows, fixtureWorld } from '../../scripts/make-af-fixtures';
import { testDb, type TestDb } from '../helpers/db';
import { CHOOSER_1, RATINGS_1, RESULTS_1, TODAY, importFixture, rows, tableChecksums } from './af-helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
  await importFixture(t.db, 'af-providers', CHOOSER_1);
  await importFixture(t.db, 'af-ratings', RATINGS_1);
});
afterEach(() => t.close());

const asWorkbook = (sheets: { name: string; rows: unknown[][] }[]): Workbook => ({
  sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((cells, i) => ({ row: i + 1, cells: cells as Cell[] })) })),
});

describe('af-results: the results workbook ("Resultat YYYY-MM")', () => {
  it('imports figures per period; a missing RISKERAR HÄVNING column is unknown (null), never false', async () => {
    const report = await importFixture(t.db, 'af-results', RESULTS_1);
    expect(report).toMatchObject({ status: 'ok', rejected: 0, revised: 0 });
    expect(report.warnings).toContain('sheet "Beräkningssnurra 2026-09" ignored (not "Resultat YYYY-MM")');
    expect(report.warnings.some((w) => /Resultat 2026-09" has no column "RISKERAR HAVNING"/.test(w))).toBe(true);
    const risk = await rows(t.client, 'SELECT period, count(*) AS n, sum(at_risk_of_termination IS NULL) AS unknown, sum(at_risk_of_termination = 1) AS yes FROM contract_results GROUP BY period ORDER BY period');
    expect(risk[0]).toMatchObject({ period: '2026-07', unknown: 0 });
    expect(Number(risk[0].yes)).toBeGreaterThan(0);
    expect(risk[1].period).toBe('2026-09');
    expect(risk[1].unknown).toBe(risk[1].n);
    const [r] = await rows(t.client, "SELECT participants, participants_a + participants_b + participants_c AS abc, weighted_score, active_22_months, source_file, published_at, revision FROM contract_results WHERE contract_ka = '10079001' AND period = '2026-09'");
    expect(r).toMatchObject({ source_file: RESULTS_1, published_at: '2026-09-01', revision: 1, active_22_months: 1 });
    expect(r.participants).toBe(r.abc);
    expect(await rows(t.client, "SELECT start_date FROM contracts WHERE ka_number = '10079001'")).toEqual([{ start_date: '2023-03-01' }]);
  });

  it('is idempotent, and a changed period becomes revision 2 without overwriting', async () => {
    await importFixture(t.db, 'af-results', RESULTS_1);
    const before = await tableChecksums(t.client);
    expect(await importFixture(t.db, 'af-results', RESULTS_1)).toMatchObject({ status: 'unchanged', created: 0, revised: 0 });
    expect(await tableChecksums(t.client)).toEqual(before);

    const world = fixtureWorld();
    const sheet = resultRows(world, '2026-09', false);
    const row = sheet.find((r) => r[3] === '10079001')!;
    row[5] = 0.1234; // VIKTAT RESULTATMÅTT revised by AF
    const revised = await importAfResults(t.db, {
      fileName: 'resultatuppfoljning-2026-11.xlsx', bytes: new Uint8Array([1]), today: TODAY,
      workbook: asWorkbook([{ name: 'Resultat 2026-09', rows: sheet }]),
    });
    expect(revised).toMatchObject({ status: 'ok', revised: 1, created: 0 });
    expect(await rows(t.client, "SELECT revision, weighted_score, published_at FROM contract_results WHERE contract_ka = '10079001' AND period = '2026-09' ORDER BY revision"))
      .toEqual([expect.objectContaining({ revision: 1, published_at: '2026-09-01' }), { revision: 2, weighted_score: 0.1234, published_at: '2026-11-01' }]);
  });

  it('rejects a malformed workbook with rows and reasons and writes nothing', async () => {
    const before = await tableChecksums(t.client);
    const report = await importFixture(t.db, 'af-results', 'resultat-malformed-2026-09.xlsx');
    expect(report.status).toBe('failed');
    expect(report.errors.map((e) => [e.where, e.line, e.field])).toEqual([
      ['Resultat 2026-07', 2, 'ANTAL DELTAGARE'], ['Resultat 2026-07', 3, 'PERIOD'], ['Resultat 2026-07', 4, 'RISKERAR HÄVNING'],
    ]);
    expect(await tableChecksums(t.client)).toEqual(before);
  });
});
