import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { parseOrgnr, maskOrgnr } from '../../src/lib/orgnr';
import { isDemoSeeded, seedDemoData } from '../../src/demo/seed';
import { testDb, type TestDb } from '../helpers/db';

const TODAY = new Date('2026-11-23T09:00:00Z');
const TABLES = [
  'import_runs', 'delivery_areas', 'delivery_area_municipalities', 'providers', 'provider_name_variants',
  'contracts', 'offices', 'provider_claims', 'ratings',
];

async function rows(client: Client, sql: string) {
  return (await client.execute(sql)).rows.map((r) => ({ ...r }));
}
async function one(client: Client, sql: string): Promise<number> {
  return Number((await client.execute(sql)).rows[0][0]);
}
/** Every row of the seeded tables (reference run row excluded: its timestamp is "now"). */
async function dump(client: Client) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await rows(client, `SELECT * FROM ${t} ${t === 'import_runs' ? "WHERE source = 'demo'" : ''} ORDER BY 1, 2`);
  return out;
}

describe('seedDemoData', () => {
  let a: TestDb;
  let b: TestDb;
  beforeAll(async () => {
    [a, b] = await Promise.all([testDb(), testDb()]);
    await seedDemoData(a.db, { today: TODAY, seed: 7 });
    await seedDemoData(b.db, { today: TODAY, seed: 7 });
  });
  afterAll(() => {
    a.close();
    b.close();
  });

  it('is deterministic: the same seed gives identical rows', async () => {
    expect(JSON.stringify(await dump(a.client))).toBe(JSON.stringify(await dump(b.client)));
  });

  it('gives a different data set for a different seed', async () => {
    const c = await testDb();
    await seedDemoData(c.db, { today: TODAY, seed: 8 });
    const names = async (x: Client) => JSON.stringify(await rows(x, 'SELECT display_name FROM providers ORDER BY id LIMIT 20'));
    expect(await names(c.client)).not.toBe(await names(a.client));
    c.close();
  });

  it('meets the size invariants', async () => {
    expect(await one(a.client, 'SELECT count(*) FROM providers')).toBeGreaterThanOrEqual(300);
    expect(await one(a.client, 'SELECT count(*) FROM contracts')).toBeGreaterThanOrEqual(600);
    expect(await one(a.client, "SELECT count(*) FROM delivery_areas WHERE service = 'rom2' AND source = 'demo'")).toBeGreaterThanOrEqual(40);
    const offices = await one(a.client, 'SELECT count(*) FROM offices');
    expect(offices).toBeGreaterThanOrEqual(1300);
    expect(offices).toBeLessThanOrEqual(1800);
  });

  it('covers all 290 municipalities with exactly one demo area each', async () => {
    const perMunicipality = await rows(a.client, `
      SELECT m.code, count(d.delivery_area_id) AS n FROM municipalities m
      LEFT JOIN delivery_area_municipalities d ON d.municipality_code = m.code
        AND d.delivery_area_id IN (SELECT id FROM delivery_areas WHERE source = 'demo')
      GROUP BY m.code`);
    expect(perMunicipality).toHaveLength(290);
    expect(perMunicipality.filter((r) => Number(r.n) !== 1)).toEqual([]);
    expect(await one(a.client, `SELECT count(*) FROM delivery_area_municipalities d JOIN delivery_areas a ON a.id = d.delivery_area_id
      WHERE a.source = 'demo' AND d.basis <> 'demo: fictional grouping by county'`)).toBe(0);
    const regions = await rows(a.client, "SELECT DISTINCT af_region FROM delivery_areas WHERE source = 'demo' ORDER BY 1");
    expect(regions.map((r) => r.af_region)).toEqual(['Mitt', 'Nord', 'Stockholm-Gotland', 'Syd', 'Väst', 'Öst']);
  });

  it('gives every area 8–25 contracts and holds at most one contract per provider and area', async () => {
    const perArea = await rows(a.client, `SELECT a.name, count(c.ka_number) AS n FROM delivery_areas a
      LEFT JOIN contracts c ON c.delivery_area_id = a.id WHERE a.source = 'demo' GROUP BY a.id`);
    for (const r of perArea) expect(Number(r.n), String(r.name)).toBeGreaterThanOrEqual(8);
    for (const r of perArea) expect(Number(r.n), String(r.name)).toBeLessThanOrEqual(25);
    expect(await one(a.client, 'SELECT count(*) FROM (SELECT provider_id, delivery_area_id FROM contracts GROUP BY 1, 2 HAVING count(*) > 1)')).toBe(0);
    // Big providers hold many areas.
    expect(await one(a.client, 'SELECT max(n) FROM (SELECT count(*) AS n FROM contracts GROUP BY provider_id)')).toBeGreaterThanOrEqual(10);
  });

  it('gives Västerås a healthy list with Arabic and Somali speakers', async () => {
    const base = `FROM contracts c JOIN delivery_area_municipalities d ON d.delivery_area_id = c.delivery_area_id
      JOIN delivery_areas a ON a.id = d.delivery_area_id AND a.source = 'demo' WHERE d.municipality_code = '1980'`;
    expect(await one(a.client, `SELECT count(DISTINCT c.provider_id) ${base}`)).toBeGreaterThanOrEqual(10);
    const speaking = (lang: string) => one(a.client, `SELECT count(DISTINCT c.provider_id) ${base}
      AND c.provider_id IN (SELECT provider_id FROM provider_claims WHERE kind = 'language' AND value = '${lang}')`);
    expect(await speaking('ar')).toBeGreaterThanOrEqual(3);
    expect(await speaking('so')).toBeGreaterThanOrEqual(2);
  });

  it("places every office in the municipality of its postcode, and the rest as 'unknown'", async () => {
    expect(await one(a.client, `SELECT count(*) FROM offices o JOIN postal_codes p ON p.code = o.postcode
      WHERE o.municipality_derivation = 'postcode' AND o.municipality_code = p.municipality_code`))
      .toBe(await one(a.client, "SELECT count(*) FROM offices WHERE municipality_derivation = 'postcode'"));
    const unknown = await rows(a.client, `SELECT o.municipality_code, p.code AS known FROM offices o
      LEFT JOIN postal_codes p ON p.code = o.postcode WHERE o.municipality_derivation = 'unknown'`);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((o) => o.municipality_code === null && o.known === null)).toBe(true);
    // Offices sit in municipalities of the provider's contract areas.
    expect(await one(a.client, `SELECT count(*) FROM offices o WHERE o.municipality_code IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM contracts c JOIN delivery_area_municipalities d ON d.delivery_area_id = c.delivery_area_id
      WHERE c.provider_id = o.provider_id AND d.municipality_code = o.municipality_code)`)).toBe(0);
  });

  it('uses Luhn-valid organisation numbers and flags a few sole traders', async () => {
    const all = await rows(a.client, 'SELECT orgnr, is_sole_trader, legal_form FROM providers');
    for (const p of all) {
      const parsed = parseOrgnr(String(p.orgnr));
      expect(parsed.ok, String(p.orgnr)).toBe(true);
      if (parsed.ok) expect(parsed.value.isSoleTrader).toBe(Boolean(p.is_sole_trader));
    }
    const sole = all.filter((p) => p.is_sole_trader);
    expect(sole.length).toBeGreaterThanOrEqual(2);
    expect(sole.every((p) => p.legal_form === 'EF')).toBe(true);
    for (const p of sole) {
      const masked = maskOrgnr(String(p.orgnr));
      expect(masked).toMatch(/^\d\d\*{4}-\*{4}$/);
      expect(masked.replace(/\D/g, '')).toBe(String(p.orgnr).slice(0, 2));
    }
  });

  it('keeps the data fictional and free of personal contact details', async () => {
    const sites = await rows(a.client, 'SELECT website FROM providers WHERE website IS NOT NULL');
    expect(sites.every((s) => /^https:\/\/www\.[a-z0-9]+\.example$/.test(String(s.website)))).toBe(true);
    const text = JSON.stringify(await rows(a.client, 'SELECT display_name, description FROM providers'));
    expect(text).not.toMatch(/\+46|\b07\d[- ]?\d{3}|@/);
  });

  it('declares languages (Swedish for all) and remote meetings with their origin', async () => {
    const providers = await one(a.client, 'SELECT count(*) FROM providers');
    expect(await one(a.client, "SELECT count(*) FROM provider_claims WHERE kind = 'language' AND value = 'sv'")).toBe(providers);
    expect(await one(a.client, "SELECT count(DISTINCT value) FROM provider_claims WHERE kind = 'language'")).toBeGreaterThanOrEqual(12);
    expect(await one(a.client, "SELECT count(*) FROM provider_claims WHERE value NOT IN (SELECT code FROM languages) AND kind = 'language'")).toBe(0);
    const remote = await rows(a.client, "SELECT DISTINCT value FROM provider_claims WHERE kind = 'remote_meetings' ORDER BY 1");
    expect(remote.map((r) => r.value)).toEqual(['partly', 'yes']);
    expect(await one(a.client, "SELECT count(*) FROM provider_claims WHERE origin = 'provider_site' AND (source_url IS NULL OR source_url NOT LIKE 'https://www.%.example/%')")).toBe(0);
    expect(await one(a.client, "SELECT count(*) FROM provider_claims WHERE origin = 'provider_site'")).toBeGreaterThan(0);
  });

  it('rates contracts over six bimonthly periods before today, with unrated rows and revisions', async () => {
    const periods = (await rows(a.client, 'SELECT DISTINCT period FROM ratings ORDER BY 1')).map((r) => r.period);
    expect(periods).toEqual(['2025-11', '2026-01', '2026-03', '2026-05', '2026-07', '2026-09']);
    expect(await one(a.client, "SELECT count(*) FROM ratings WHERE published_at >= '2026-11-23'")).toBe(0);
    const dist = await rows(a.client, 'SELECT stars, count(*) AS n FROM ratings WHERE stars IS NOT NULL GROUP BY stars ORDER BY stars');
    expect(dist.map((d) => d.stars)).toEqual([1, 2, 3, 4]);
    expect(await one(a.client, "SELECT count(*) FROM ratings WHERE stars IS NULL AND null_reason = 'too_new'")).toBeGreaterThan(0);
    expect(await one(a.client, "SELECT count(*) FROM ratings WHERE stars IS NULL AND null_reason = 'below_threshold'")).toBeGreaterThan(0);
    expect(await one(a.client, 'SELECT count(*) FROM ratings WHERE (stars IS NULL) = (null_reason IS NULL)')).toBe(0);
    const revised = await rows(a.client, `SELECT r2.contract_ka FROM ratings r2 JOIN ratings r1 ON r1.contract_ka = r2.contract_ka
      AND r1.period = r2.period AND r1.revision = 1 WHERE r2.revision = 2`);
    expect(revised.length).toBeGreaterThan(0);
    expect(await one(a.client, "SELECT count(*) FROM ratings WHERE source_file NOT LIKE 'betyg-rusta-och-matcha-____-__.xlsx (demo)'")).toBe(0);
  });

  it('has contracts not accepting new participants and a few ended ones', async () => {
    expect(await one(a.client, "SELECT count(*) FROM contracts WHERE accepting_new = 0 AND status = 'active'")).toBeGreaterThan(10);
    const ended = await one(a.client, "SELECT count(*) FROM contracts WHERE status = 'ended'");
    expect(ended).toBeGreaterThan(0);
    expect(ended).toBeLessThan(60);
  });

  it('records name variants, including older names', async () => {
    expect(await one(a.client, 'SELECT count(*) FROM providers p WHERE NOT EXISTS (SELECT 1 FROM provider_name_variants v WHERE v.provider_id = p.id AND v.name = p.display_name AND v.seen_to IS NULL)')).toBe(0);
    expect(await one(a.client, 'SELECT count(*) FROM provider_name_variants WHERE seen_to IS NOT NULL')).toBeGreaterThan(0);
  });

  it('is recorded as a demo import run with a data-as-of date', async () => {
    const [run] = await rows(a.client, "SELECT * FROM import_runs WHERE source = 'demo'");
    expect(run).toMatchObject({ status: 'ok', data_as_of: '2026-09-30' });
    expect(await one(a.client, `SELECT count(*) FROM ratings WHERE import_run_id <> ${run.id}`)).toBe(0);
  });

  it('does nothing on an already seeded database', async () => {
    expect(await isDemoSeeded(a.db)).toBe(true);
    const before = JSON.stringify(await dump(a.client));
    expect(await seedDemoData(a.db, { today: new Date('2027-01-01T00:00:00Z'), seed: 99 })).toEqual({ seeded: false });
    expect(JSON.stringify(await dump(a.client))).toBe(before);
  });

  it('seeds a file database quickly', async () => {
    const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp(`${(process.env.TMPDIR ?? '/tmp')}/valkollen-demo-`));
    const f = await testDb(`file:${dir}/demo.db`);
    expect(await isDemoSeeded(f.db)).toBe(false);
    const t0 = performance.now();
    const result = await seedDemoData(f.db, { today: TODAY });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(result.seeded).toBe(true);
    f.close();
    await import('node:fs/promises').then((fs) => fs.rm(dir, { recursive: true, force: true }));
  });
});
