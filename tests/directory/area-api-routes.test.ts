import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app';
import { seedAreaFixture } from './area-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedAreaFixture });
});
afterAll(() => t.close());

const json = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, body: (await res.json()) as any, res };
};

describe('GET /api/v1/delivery-areas', () => {
  it('lists current areas first with slug, known municipality count and active contracts', async () => {
    const { status, body, res } = await json('/api/v1/delivery-areas');
    expect(status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.headers.get('cache-control')).toContain('public');
    const vas = body.deliveryAreas.find((a: any) => a.slug === 'vasteras');
    expect(vas).toMatchObject({ name: 'Västerås', service: 'rom2', afRegion: 'Mitt', current: true, municipalityCount: 2, activeContracts: 4, url: '/omrade/vasteras' });
    // The 2020 pilot area of the same name keeps its own slug and is listed after the current ones.
    const pilot = body.deliveryAreas.find((a: any) => a.slug === 'vasteras-2020');
    expect(pilot).toMatchObject({ service: 'pilot2020', current: false });
    expect(body.deliveryAreas.findIndex((a: any) => !a.current)).toBeGreaterThan(body.deliveryAreas.findLastIndex((a: any) => a.current));
    expect(body.deliveryAreas.find((a: any) => a.slug === 'goteborg-syd-ost')).toMatchObject({ municipalityCount: 0, activeContracts: 1 });
    expect(body.dataAsOf).toMatchObject({ dataAsOf: '2026-10-31' });
  });
});

describe('GET /api/v1/delivery-areas/{slug}', () => {
  it('returns the area with municipalities (basis) and contracts (rating, latest result)', async () => {
    const { status, body } = await json('/api/v1/delivery-areas/vasteras');
    expect(status).toBe(200);
    const a = body.deliveryArea;
    expect(a).toMatchObject({ id: 100, slug: 'vasteras', name: 'Västerås', municipalitiesKnown: true });
    // Alphabetical: Fagersta (1982), Västerås (1980).
    expect(a.municipalities.map((m: any) => [m.code, m.basis])).toEqual([
      ['1982', 'demo'],
      ['1980', 'demo'],
    ]);
    const alfa = a.contracts.find((k: any) => k.kaNumber === 'KA-100001');
    expect(alfa).toMatchObject({ provider: { id: 1, name: 'Alfa Jobbcoach AB' }, status: 'active', rating: { period: '2026-09', stars: 4 } });
    expect(alfa.result).toMatchObject({ period: '2026-09', participants: 98, weightedScore: 0.412, atRiskOfTermination: false, active22Months: true, revision: 1 });
    expect(alfa.result).not.toHaveProperty('importRunId');
    expect(alfa.api).toBe('/api/v1/contracts/KA-100001');
    // Active contracts first; the ended one last.
    expect(a.contracts.at(-1)).toMatchObject({ kaNumber: 'KA-100006', status: 'ended' });
  });
  it('says municipalities are unknown rather than empty for an area without AF document rows', async () => {
    const { body } = await json('/api/v1/delivery-areas/goteborg-syd-ost');
    expect(body.deliveryArea).toMatchObject({ municipalities: [], municipalitiesKnown: false, afRegion: 'Väst' });
  });
  it('accepts the slug in any case', async () => {
    expect((await json('/api/v1/delivery-areas/VASTERAS')).status).toBe(200);
  });
  it.each([
    ['/api/v1/delivery-areas/atlantis', 404, undefined],
    ['/api/v1/delivery-areas/v%C3%A4ster%C3%A5s', 400, 'slug'],
    ['/api/v1/delivery-areas/a_b', 400, 'slug'],
    [`/api/v1/delivery-areas/${'a'.repeat(101)}`, 400, 'slug'],
  ])('%s → %i', async (path, status, field) => {
    const r = await json(path);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(status === 404 ? 'not_found' : 'bad_request');
    expect(r.body.error.field).toBe(field);
  });
});

describe('GET /api/v1/contracts/{ka}', () => {
  it('returns provider, area, rating history with revisions and results per period with revisions', async () => {
    const { status, body } = await json('/api/v1/contracts/KA-100001');
    expect(status).toBe(200);
    const k = body.contract;
    expect(k).toMatchObject({ kaNumber: 'KA-100001', status: 'active', provider: { id: 1, name: 'Alfa Jobbcoach AB', url: '/leverantor/1' }, deliveryArea: { id: 100, slug: 'vasteras', url: '/omrade/vasteras' } });
    expect(k.ratings.map((r: any) => [r.period, r.stars, r.revision, r.revisions.length])).toEqual([
      ['2026-09', 4, 1, 1],
      ['2026-07', 2, 2, 2],
    ]);
    expect(k.ratings[1].revisions.map((r: any) => r.stars)).toEqual([3, 2]);
    expect(k.results.map((r: any) => [r.period, r.participants, r.revision])).toEqual([
      ['2026-09', 98, 1],
      ['2026-07', 91, 2],
    ]);
    expect(k.results[1].revisions.map((r: any) => r.participants)).toEqual([90, 91]);
    expect(k.results[0]).toMatchObject({ weightedScore: 0.412, active22Months: true, atRiskOfTermination: false, rr1A: 18, sourceFile: 'resultatuppfoljning-2026-09.xlsx' });
  });
  it('keeps an absent "riskerar hävning" null, never false', async () => {
    const { body } = await json('/api/v1/contracts/ka-100003');
    expect(body.contract.results[0]).toMatchObject({ participants: 25, atRiskOfTermination: null, rr1A: null });
  });
  it('finds an all-digit KA number', async () => {
    expect((await json('/api/v1/contracts/10070123')).body.contract.deliveryArea).toMatchObject({ slug: 'goteborg-syd-ost' });
  });
  it.each([
    ['/api/v1/contracts/KA-999999', 404, undefined],
    ['/api/v1/contracts/x', 400, 'ka'],
    ['/api/v1/contracts/KA%20100001', 400, 'ka'],
    [`/api/v1/contracts/${'9'.repeat(41)}`, 400, 'ka'],
  ])('%s → %i', async (path, status, field) => {
    const r = await json(path);
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ error: { code: status === 404 ? 'not_found' : 'bad_request', message: expect.any(String), ...(field ? { field } : {}) } });
  });
});

describe('GET /api/v1/providers?q=', () => {
  it.each(['alfa', 'ALFA', 'Alfa Jobbcoach AB', 'jobbcoach', 'álfa'])('finds Alfa for q=%s', async (q) => {
    const { status, body } = await json(`/api/v1/providers?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.id)).toContain(1);
    expect(body.results[0]).toMatchObject({ id: 1, name: 'Alfa Jobbcoach AB', url: '/leverantor/1' });
  });
  it('searches earlier names too, diacritics-insensitive, and says which name matched', async () => {
    const { body } = await json('/api/v1/providers?q=ostergotland');
    expect(body.results).toEqual([expect.objectContaining({ id: 5, name: 'Epsilon Arbete AB', matchedName: 'Épsilon Östergötland Arbete' })]);
    const beta = await json('/api/v1/providers?q=beta utbildning');
    expect(beta.body.results[0]).toMatchObject({ id: 2, matchedName: 'Beta Utbildning AB' });
  });
  it('ranks exact and prefix matches before words inside names', async () => {
    const { body } = await json('/api/v1/providers?q=a');
    expect(body.results.length).toBeGreaterThan(3);
    expect(body.results[0].matchedBy).toBe('prefix');
  });
  it('returns an empty list when nothing matches', async () => {
    expect((await json('/api/v1/providers?q=zzzz')).body).toMatchObject({ total: 0, results: [] });
  });
  it.each([['/api/v1/providers'], ['/api/v1/providers?q=%20'], [`/api/v1/providers?q=${'x'.repeat(101)}`]])('%s → 400 naming q', async (path) => {
    const r = await json(path);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'bad_request', field: 'q' });
  });
  it('leaves /api/v1/providers/{id} as it was', async () => {
    expect((await json('/api/v1/providers/1')).body.provider).toMatchObject({ id: 1, name: 'Alfa Jobbcoach AB' });
  });
});
