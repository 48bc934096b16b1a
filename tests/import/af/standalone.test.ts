/**
 * Rating and results files imported before any provider list stand alone, and a later
 * chooser list joins its organisation numbers, offices and "accepting new" to the same
 * providers — by AF id = KA number, or by name — reporting every merge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAfProviders } from '../../../src/import/af/providers/import-providers';
import { formatReport } from '../../../src/import/format-report';
import { testApp } from '../../helpers/app';
import { testDb, type TestDb } from '../../helpers/db';
import { CHOOSER_1, CHOOSER_2, RATINGS_1, RATINGS_2, RESULTS_1, TODAY, importFixture, rows, tableChecksums } from './helpers';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

describe('AF workbooks before any provider list', () => {
  it('the rating file alone fills the directory: areas with their AF region, providers by name, contracts, ratings', async () => {
    const report = await importFixture(t.db, 'af-ratings', RATINGS_1);
    expect(report).toMatchObject({ status: 'ok', unmatched: [], rejected: 0 });
    expect(formatReport(report, 'text')).toMatch(/^betyg-rusta-och-matcha-september-2026\.xlsx: IMPORTED \(af-ratings, data as of 2026-09-01 \(from the file name\)/);
    const [n] = await rows(t.client, 'SELECT (SELECT count(*) FROM contracts) AS contracts, (SELECT count(*) FROM providers) AS providers, (SELECT count(*) FROM providers WHERE orgnr IS NULL) AS name_only');
    expect(n).toEqual({ contracts: 153, providers: n.name_only, name_only: report.breakdown.providers?.created });
    // A provider under two contracts is one provider, with its name as a variant.
    expect(await rows(t.client, `SELECT p.display_name, count(*) AS contracts, (SELECT count(*) FROM provider_name_variants v WHERE v.provider_id = p.id) AS names
      FROM contracts c JOIN providers p ON p.id = c.provider_id WHERE p.display_name LIKE 'Åkerö%' GROUP BY p.id`))
      .toEqual([{ display_name: 'Åkerö Vägledning AB', contracts: 2, names: 1 }]);
    expect(await rows(t.client, "SELECT af_region, service FROM delivery_areas WHERE name = 'Göteborg Syd-Öst'")).toEqual([{ af_region: 'Väst', service: 'rom2' }]);
  });

  it('pages and JSON of a provider known by name only say its organisation number is not known yet', async () => {
    const app = await testApp({ seed: async (db) => void (await importFixture(db, 'af-ratings', RATINGS_1)) });
    try {
      const [p] = await rows(app.client, "SELECT id FROM providers WHERE display_name = 'Åkerö Vägledning AB'");
      const page = await app.app.request(`/leverantor/${p.id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Inte känt ännu');
      const json = await app.app.request(`/api/v1/providers/${p.id}`);
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({ provider: { orgnr: null, name: 'Åkerö Vägledning AB' } });
    } finally {
      app.close();
    }
  });

  it('results then ratings then the chooser list: one provider per organisation, every merge reported, nothing unmatched', async () => {
    await importFixture(t.db, 'af-results', RESULTS_1);
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const providersBefore = await rows(t.client, 'SELECT count(*) AS n FROM providers');
    const report = await importFixture(t.db, 'af-providers', CHOOSER_1);
    expect(report.status).toBe('ok');
    expect(report.unmatched).toEqual([]);
    // Each name-only provider was identified (no new provider for an organisation that was already there by name).
    expect(report.breakdown.providers?.created ?? 0).toBe(0);
    expect(await rows(t.client, 'SELECT count(*) AS n FROM providers')).toEqual(providersBefore);
    expect(report.merges.length).toBe(Number(providersBefore[0].n));
    expect(report.merges).toContainEqual(expect.stringMatching(/^"Åkerö Vägledning AB" \(known by name only, provider \d+\) identified as \d{6}-\d{4}: AF id 1007900[12] = KA 1007900[12]$/));
    // The one without an organisation number in the list stays name-only, linked by AF id = KA.
    expect(report.merges).toContainEqual(expect.stringMatching(/chooser entry "Ödetorpets Jobbstöd HB" linked to .*AF id 10079003 = KA 10079003/));
    expect(await rows(t.client, 'SELECT count(*) AS n FROM providers WHERE orgnr IS NULL')).toEqual([{ n: 1 }]);
    expect(await rows(t.client, "SELECT count(*) AS n, sum(basis = 'ka_number') AS by_ka FROM provider_merges"))
      .toEqual([{ n: report.merges.length, by_ka: report.merges.length }]);
    // Offices and "accepting new" now hang on the same providers as the ratings.
    const [akero] = await rows(t.client, `SELECT p.id, p.orgnr, (SELECT count(*) FROM offices o WHERE o.provider_id = p.id) AS offices,
      (SELECT accepting_new FROM contracts WHERE ka_number = '10079002') AS accepting FROM providers p WHERE p.display_name LIKE 'Åkerö%'`);
    expect(akero).toMatchObject({ offices: 3, accepting: 0 });
    expect(String(akero.orgnr)).toMatch(/^\d{10}$/);
    // Importing everything again changes nothing and merges nothing.
    const before = await tableChecksums(t.client);
    for (const [kind, file] of [['af-providers', CHOOSER_1], ['af-ratings', RATINGS_1], ['af-results', RESULTS_1]] as const) {
      const again = await importFixture(t.db, kind, file);
      expect(again, file).toMatchObject({ status: 'unchanged', merges: [] });
    }
    expect(await tableChecksums(t.client)).toEqual(before);
    // Later files keep working on the joined providers.
    expect(await importFixture(t.db, 'af-ratings', RATINGS_2)).toMatchObject({ status: 'ok', unmatched: [] });
    expect(await importFixture(t.db, 'af-providers', CHOOSER_2)).toMatchObject({ status: 'ok', unmatched: [] });
  });

  it('by name when the AF id is no KA number; a name-only provider whose organisation already exists is merged into it', async () => {
    await importFixture(t.db, 'af-ratings', RATINGS_1);
    const [akero] = await rows(t.client, "SELECT id FROM providers WHERE display_name = 'Åkerö Vägledning AB'");
    // A list where the organisation first appears under another AF id and a different name …
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const first = await importAfProviders(t.db, {
      fileName: 'lista-2026-10-01.json', today: TODAY,
      bytes: enc([{ total_count: 1, leverantorer: [{ id: 555001, namn: 'Åkerö Konsult', nyval_tillatet: true, adresser: [] }] }, { id: 555001, orgnr: '556036-0793' }]),
    });
    expect(first.breakdown.providers).toEqual({ created: 1 });
    // … then by name, under the name the rating file knows: the name-only row merges into it.
    const second = await importAfProviders(t.db, {
      fileName: 'lista-2026-10-15.json', today: TODAY,
      bytes: enc([{ total_count: 1, leverantorer: [{ id: 555002, namn: 'ÅKERÖ VÄGLEDNING AKTIEBOLAG', nyval_tillatet: true, adresser: [] }] }, { id: 555002, orgnr: '556036-0793' }]),
    });
    expect(second.merges).toEqual([expect.stringMatching(new RegExp(`^"Åkerö Vägledning AB" \\(known by name only, provider ${akero.id}\\) merged into "Åkerö Konsult" \\(\\d{6}-\\d{4}\\): the same name "ÅKERÖ VÄGLEDNING AKTIEBOLAG"$`))]);
    expect(await rows(t.client, 'SELECT id FROM providers WHERE id = ?', [Number(akero.id)])).toEqual([]);
    const [into] = await rows(t.client, "SELECT id FROM providers WHERE orgnr = '5560360793'");
    expect(await rows(t.client, "SELECT ka_number FROM contracts WHERE provider_id = ? ORDER BY 1", [Number(into.id)])).toEqual([{ ka_number: '10079001' }, { ka_number: '10079002' }]);
    expect(await rows(t.client, 'SELECT from_provider_id, into_provider_id, basis FROM provider_merges'))
      .toEqual([{ from_provider_id: akero.id, into_provider_id: into.id, basis: 'name' }]);
    // Its names are history of the merged provider.
    const names = await rows(t.client, 'SELECT name, seen_to FROM provider_name_variants WHERE provider_id = ? ORDER BY id', [Number(into.id)]);
    expect(names).toContainEqual({ name: 'Åkerö Vägledning AB', seen_to: '2026-10-15' });
  });
});
