import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataAsOf } from '../../../src/directory/provider-queries';
import { testApp, type TestApp } from '../../helpers/app';
import { CHOOSER_1, CHOOSER_2, RATINGS_1, RATINGS_2, RESULTS_1, importFixture, rows } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({
    seed: async (db) => {
      for (const [kind, file] of [['af-providers', CHOOSER_1], ['af-ratings', RATINGS_1], ['af-results', RESULTS_1], ['af-providers', CHOOSER_2], ['af-ratings', RATINGS_2]] as const) {
        const r = await importFixture(db, kind, file);
        if (r.status === 'failed') throw new Error(JSON.stringify(r.errors));
      }
    },
  });
});
afterAll(() => t.close());

const page = async (name: string, prefix = '') => {
  const [p] = await rows(t.client, 'SELECT id FROM providers WHERE display_name = ?', [name]);
  const res = await t.app.request(`${prefix}/leverantor/${p.id}`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('provider page with AF data', () => {
  it('shows when the provider joined AF\'s lists, results with source, revised ratings and the data stamp', async () => {
    const html = await page('Åkerö & Öhman Vägledning AB');
    expect(html).toContain('Med i Arbetsförmedlingens listor');
    expect(html).toMatch(/sedan 1 september 2026/);
    expect(html).toMatch(/Av \d+ deltagare som började för 11–22 månader sedan fick \d+ jobb/);
    expect(html).toMatch(/Arbetsförmedlingens viktade resultatmått: \d,\d{3}/);
    expect(html).toContain(`Period september 2026. Källa: Arbetsförmedlingens resultatfil ${RESULTS_1}`);
    // The fixture's file has no RISKERAR HÄVNING column: unknown, said plainly, never "Nej".
    expect(html).toMatch(/Riskerar hävning:<\/strong> <span class="muted">uppgiften finns inte i Arbetsförmedlingens fil/);
    expect(html).toContain('Åkerö Vägledning AB'); // former name
    expect(html).toContain(RATINGS_2);
    expect(await getDataAsOf(t.db)).toMatchObject({ dataAsOf: '2026-11-15', source: 'af_providers' });
    expect(html).toContain('15 november 2026');
  });

  it('marks a revised period in the rating history', async () => {
    const [c] = await rows(t.client, "SELECT p.display_name AS name FROM contracts c JOIN providers p ON p.id = c.provider_id WHERE c.ka_number = '10070025'");
    const html = await page(String(c.name));
    expect(html).toMatch(/juli 2026 · [^<]*2/);
  });

  it('shows a provider that left AF\'s list with its dates', async () => {
    const html = await page('Österkällan Matchning HB');
    expect(html).toMatch(/Fanns med 1 september 2026 – 1 november 2026\. Finns inte med i Arbetsförmedlingens senaste lista\./);
    const en = await page('Österkällan Matchning HB', '/en');
    expect(en).toContain('Not in Arbetsförmedlingen&#39;s latest list');
  });
});
