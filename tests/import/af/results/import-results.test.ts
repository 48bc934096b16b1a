import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAfResults } from '../../../../src/import/af/results/import-results';
import { sheetSource, type Cell, type Workbook } from '../../../../src/import/sheet';
import { XlsxError } from '../../../../src/import/xlsx-read';
import { fixtureWorld, periodWeights, resultRows, RESULT_HEADER } from '../../../../scripts/make-af-fixtures';
import { testDb, type TestDb } from '../../../helpers/db';
import { CHOOSER_1, RATINGS_1, RESULTS_1, RESULTS_2025, TODAY, importFixture, rows, tableChecksums } from '../helpers';

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

describe('af-results: the results workbook as AF publishes it', () => {
  it('reads five periods from one file, every documented column, and dates it by the last month in its name', async () => {
    const report = await importFixture(t.db, 'af-results', RESULTS_2025);
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2025-11-01', dataAsOfBasis: 'file_name', rejected: 0, revised: 0, unmatched: [] });
    expect(report.warnings.filter((w) => /ignored/.test(w))).toEqual([]); // Beskrivning and Beräkningssnurra sheets are AF's own
    const periods = await rows(t.client, `SELECT period, count(*) AS n, sum(at_risk_of_termination IS NULL) AS risk_unknown,
      sum(no_rating = 1) AS dash, sum(stars IS NOT NULL) AS rated, sum(rating_one_or_none IS NULL) AS one_unknown
      FROM contract_results GROUP BY period ORDER BY period`);
    expect(periods.map((p) => p.period)).toEqual(['2025-03', '2025-05', '2025-07', '2025-09', '2025-11']);
    for (const p of periods) {
      // RISKERAR HÄVNING is in March and May only: unknown (null) elsewhere, never "no".
      expect(p.risk_unknown, String(p.period)).toBe(String(p.period) <= '2025-05' ? 0 : p.n);
      // "-" in BETYG is "no rating", stored as such; every row is either rated or "-".
      expect(Number(p.dash) + Number(p.rated)).toBe(p.n);
      expect(p.one_unknown).toBe(0);
    }
    expect(periods.some((p) => Number(p.dash) > 0)).toBe(true);
    expect(report.warnings).toContainEqual(expect.stringMatching(/sheet "Resultat 2025-07" has no column "RISKERAR HÄVNING": stored as unknown for 2025-07/));

    // One row against the file, column by column.
    const sheet = resultRows(fixtureWorld(), '2025-09', false);
    const header = sheet[0] as string[];
    const src = sheet.find((r) => r[3] === '10079001')!;
    const v = (h: string) => src[header.indexOf(h)];
    const yes = (h: string) => (v(h) === 'Ja' ? 1 : 0);
    const [stored] = await rows(t.client, "SELECT * FROM contract_results WHERE contract_ka = '10079001' AND period = '2025-09'");
    expect(stored).toMatchObject({
      participants: v('ANTAL DELTAGARE'), participants_a: v('ANTAL DELTAGARE NIVÅ A'), participants_b: v('ANTAL DELTAGARE NIVÅ B'), participants_c: v('ANTAL DELTAGARE NIVÅ C'),
      rr1_a: v('ANTAL RR1 NIVÅ A'), rr1_b: v('ANTAL RR1 NIVÅ B'), rr1_c: v('ANTAL RR1 NIVÅ C'), rr2_a: v('ANTAL RR2 NIVÅ A'), rr2_b: v('ANTAL RR2 NIVÅ B'), rr2_c: v('ANTAL RR2 NIVÅ C'),
      weighted_score: v('VIKTAT RESULTATMÅTT'), weighted_score_below_02: yes('VIKTAT RESULTATMÅTT LÄGRE ÄN 0,2'),
      stars: v('BETYG'), no_rating: 0, rating_one_or_none: yes('BETYG 1 ELLER SAKNAR BETYG'),
      active_22_months: yes('AVTAL HAR VARIT AKTIVT I 22 MÅNADER'), at_risk_of_termination: null, contract_start_date: '2023-03-01',
      source_file: RESULTS_2025, published_at: '2025-11-01', revision: 1,
    });
    expect(header).not.toContain('RISKERAR HÄVNING');

    // The A/B/C weights of every period, as in its Beräkningssnurra sheet.
    const weights = await rows(t.client, 'SELECT period, weight_a, weight_b, weight_c, revision FROM period_weights ORDER BY period');
    expect(weights).toEqual(['2025-03', '2025-05', '2025-07', '2025-09', '2025-11'].map((p) => {
      const w = periodWeights(p);
      return { period: p, weight_a: w.A, weight_b: w.B, weight_c: w.C, revision: 1 };
    }));
    expect(report.breakdown.weights).toEqual({ created: 5 });
  });

  it('a column missing in one period is null in that period only; the same file twice is unchanged', async () => {
    const report = await importFixture(t.db, 'af-results', RESULTS_1);
    expect(report).toMatchObject({ status: 'ok', dataAsOf: '2026-09-01', rejected: 0 });
    const risk = await rows(t.client, 'SELECT period, count(*) AS n, sum(at_risk_of_termination IS NULL) AS unknown FROM contract_results GROUP BY period ORDER BY period');
    expect(risk).toEqual([{ period: '2026-07', n: risk[0].n, unknown: 0 }, { period: '2026-09', n: risk[1].n, unknown: risk[1].n }]);
    expect(await rows(t.client, "SELECT start_date FROM contracts WHERE ka_number = '10079001'")).toEqual([{ start_date: '2023-03-01' }]);
    const before = await tableChecksums(t.client);
    expect(await importFixture(t.db, 'af-results', RESULTS_1)).toMatchObject({ status: 'unchanged', created: 0, revised: 0 });
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('a later file restating a period adds revision 2 of the figures and of the weights, never overwriting', async () => {
    await importFixture(t.db, 'af-results', RESULTS_1);
    const world = fixtureWorld();
    const sheet = resultRows(world, '2026-09', false);
    const row = sheet.find((r) => r[3] === '10079001')!;
    row[(sheet[0] as string[]).indexOf('VIKTAT RESULTATMÅTT')] = 0.1234; // revised by AF
    const revised = await importAfResults(t.db, {
      fileName: 'resultatuppfoljning-november-2026.xlsx', bytes: new Uint8Array([1]), today: TODAY,
      workbook: asWorkbook([
        { name: 'Resultat 2026-09', rows: sheet },
        { name: 'Beräkningssnurra 2026-09', rows: [['Vikt nivå A', 0.71], ['Vikt nivå B', 0.97], ['Vikt nivå C', 1.33]] },
      ]),
    });
    expect(revised).toMatchObject({ status: 'ok', revised: 2, created: 0, dataAsOf: '2026-11-01' });
    expect(await rows(t.client, "SELECT revision, weighted_score, published_at FROM contract_results WHERE contract_ka = '10079001' AND period = '2026-09' ORDER BY revision"))
      .toEqual([expect.objectContaining({ revision: 1, published_at: '2026-09-01' }), { revision: 2, weighted_score: 0.1234, published_at: '2026-11-01' }]);
    expect(await rows(t.client, "SELECT revision, weight_a FROM period_weights WHERE period = '2026-09' ORDER BY revision"))
      .toEqual([{ revision: 1, weight_a: periodWeights('2026-09').A }, { revision: 2, weight_a: 0.71 }]);
  });

  it('stands alone: on an empty database it creates areas, providers by name and contracts', async () => {
    const fresh = await testDb();
    try {
      const report = await importFixture(fresh.db, 'af-results', RESULTS_2025);
      expect(report).toMatchObject({ status: 'ok', unmatched: [] });
      const [c] = await rows(fresh.client, 'SELECT count(*) AS contracts, count(DISTINCT provider_id) AS providers FROM contracts');
      expect(Number(c.contracts)).toBeGreaterThan(100);
      expect(report.breakdown.providers?.created).toBe(Number(c.providers));
      expect(await rows(fresh.client, 'SELECT count(*) AS n FROM providers WHERE orgnr IS NOT NULL')).toEqual([{ n: 0 }]);
      expect(report.newAreas).toEqual(expect.arrayContaining(['Göteborg Syd-Öst', 'Stockholm Mitt', 'Bollnäs-Söderhamn']));
    } finally {
      fresh.close();
    }
  });

  it('a weights sheet without all three levels stores no weights and says so', async () => {
    const r = await importAfResults(t.db, {
      fileName: 'resultatuppfoljning-oktober-2026.xlsx', bytes: new Uint8Array([2]), today: TODAY,
      workbook: asWorkbook([
        { name: 'Resultat 2026-09', rows: resultRows(fixtureWorld(), '2026-09', false) },
        { name: 'Beräkningssnurra 2026-09', rows: [['Vikt nivå A', 0.7], ['Vikt nivå B', 'okänd']] },
      ]),
    });
    expect(r.status).toBe('ok');
    expect(r.warnings).toContainEqual(expect.stringMatching(/Beräkningssnurra 2026-09": no weight for level B, C/));
    expect(await rows(t.client, 'SELECT count(*) AS n FROM period_weights')).toEqual([{ n: 0 }]);
  });

  it('rejects rows with a broken identity (named), keeps unreadable figures as unknown with a warning', async () => {
    const report = await importFixture(t.db, 'af-results', 'resultat-malformed-2026-09.xlsx');
    expect(report.status).toBe('partial');
    expect(report.errors.map((e) => [e.where, e.line, e.field])).toEqual([['Resultat 2026-07', 3, 'PERIOD'], ['Resultat 2026-07', 5, 'KA-NUMMER']]);
    expect(report.rejected).toBe(2);
    expect(report.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/Resultat 2026-07, row 2: ANTAL DELTAGARE "tolv" is not a whole number ≥ 0; stored as unknown/),
      expect.stringMatching(/Resultat 2026-07, row 4: RISKERAR HÄVNING "kanske" is not Ja or Nej; stored as unknown/),
    ]));
    const col = (h: string) => RESULT_HEADER.indexOf(h);
    const rowsIn = resultRows({ providers: [], contracts: fixtureWorld().contracts.slice(0, 6) }, '2026-07', true);
    const [first] = await rows(t.client, 'SELECT participants, participants_a FROM contract_results WHERE contract_ka = ?', [String(rowsIn[1][col('KA-NUMMER')])]);
    expect(first).toEqual({ participants: null, participants_a: rowsIn[1][col('ANTAL DELTAGARE NIVÅ A')] });
    expect(await rows(t.client, 'SELECT count(*) AS n FROM contract_results')).toEqual([{ n: report.rowsRead - 2 }]);
  });

  it('rolls back a database failure in the last sheet, after the earlier sheets were written', async () => {
    await t.client.execute(`CREATE TRIGGER boom BEFORE INSERT ON contract_results WHEN NEW.period = '2025-11'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const before = await tableChecksums(t.client);
    const report = await importFixture(t.db, 'af-results', RESULTS_2025);
    expect(report).toMatchObject({ status: 'failed', created: 0, revised: 0, breakdown: {} });
    expect(report.errors[0].message).toMatch(/database error, nothing was written: .*simulated failure/);
    expect(await tableChecksums(t.client)).toEqual(before);
    expect(await rows(t.client, 'SELECT status FROM import_runs WHERE id = ?', [report.importRunId!])).toEqual([{ status: 'failed' }]);
  });

  it('fails whole, writing nothing, when a sheet turns out to be unreadable while the sheets are read one by one', async () => {
    const before = await tableChecksums(t.client);
    const book = sheetSource(asWorkbook([
      { name: 'Resultat 2026-07', rows: resultRows(fixtureWorld(), '2026-07', true) },
      { name: 'Resultat 2026-09', rows: resultRows(fixtureWorld(), '2026-09', false) },
    ]));
    const report = await importAfResults(t.db, {
      fileName: 'resultatuppfoljning-november-2026.xlsx', bytes: new Uint8Array([3]), today: TODAY,
      workbook: { names: book.names, read: (i) => (i === 1 ? (() => { throw new XlsxError('the file is damaged (part xl/worksheets/sheet2.xml: invalid block type)'); })() : book.read(i)) },
    });
    expect(report.status).toBe('failed');
    expect(report.errors.map((e) => e.message)).toEqual(['not a readable .xlsx workbook: the file is damaged (part xl/worksheets/sheet2.xml: invalid block type)']);
    expect(await tableChecksums(t.client)).toEqual(before);
  });

  it('fails whole, writing nothing, on a rating workbook, a cut-off file or a file without any period', async () => {
    const before = await tableChecksums(t.client);
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { AF_FIXTURES } = await import('../helpers');
    const { importFile } = await import('../../../../src/import/kinds');
    const ratingFile = new Uint8Array(readFileSync(join(AF_FIXTURES, RATINGS_1)));
    const real = new Uint8Array(readFileSync(join(AF_FIXTURES, RESULTS_2025)));
    for (const [label, bytes, why] of [
      ['rating workbook', ratingFile, /not AF's results workbook/],
      ['truncated', real.subarray(0, real.length - 100), /truncated/],
    ] as const) {
      const r = await importFile({ db: t.db, kind: 'af-results', bytes, fileName: 'resultatuppfoljning-november-2026.xlsx', clock: () => TODAY });
      expect(r.status, label).toBe('failed');
      expect(r.errors.map((e) => e.message).join(' '), label).toMatch(why);
    }
    // No date in the name and --published not given: the periods inside date it.
    const undated = await importFile({ db: t.db, kind: 'af-results', bytes: real, fileName: 'resultat.xlsx', clock: () => TODAY });
    expect(undated).toMatchObject({ status: 'ok', dataAsOf: '2025-11-01', dataAsOfBasis: 'periods' });
  });
});
