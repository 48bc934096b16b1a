import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedDirectoryFixture });
});
afterAll(() => t.close());

const json = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, body: (await res.json()) as any, res };
};

describe('GET /api/v1/municipalities', () => {
  it.each(['vasteras', 'Västerås', '722 11', '1980', 'väst'])('finds Västerås for q=%s', async (q) => {
    const { status, body } = await json(`/api/v1/municipalities?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.code)).toContain('1980');
    expect(body.results[0]).toHaveProperty('county.name');
  });
  it('lists all 290 without q', async () => {
    expect((await json('/api/v1/municipalities')).body.results).toHaveLength(290);
  });
  it('returns an empty list for no match', async () => {
    expect((await json('/api/v1/municipalities?q=atlantis')).body.results).toEqual([]);
  });
  it('rejects an over-long q with 400 naming the field', async () => {
    const { status, body } = await json(`/api/v1/municipalities?q=${'x'.repeat(101)}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.any(String), field: 'q' } });
  });
});

describe('GET /api/v1/municipalities/{code}/providers', () => {
  it('returns providers with order, filters, paging and data-as-of', async () => {
    const { status, body, res } = await json('/api/v1/municipalities/1980/providers');
    expect(status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(body.municipality).toMatchObject({ code: '1980', name: 'Västerås' });
    expect(body.order).toMatchObject({ sort: 'daily', day: '2026-11-23' });
    expect(body.total).toBe(4);
    expect(body.dataAsOf).toMatchObject({ dataAsOf: '2026-10-31' });
    const alfa = body.providers.find((p: any) => p.id === 1);
    expect(alfa).toMatchObject({ name: 'Alfa Jobbcoach AB', acceptingNew: true, bestRating: 4 });
    expect(alfa.contracts[0].rating).toMatchObject({ period: '2026-09', stars: 4, revision: 1 });
    expect(alfa.languages.map((l: any) => l.code)).toEqual(['sv', 'ar', 'en']);
  });
  it('filters and sorts like the page', async () => {
    const { body } = await json('/api/v1/municipalities/1980/providers?lang=so&sort=rating');
    expect(body.providers.map((p: any) => p.id)).toEqual([2]);
    const rated = await json('/api/v1/municipalities/1980/providers?minRating=2&sort=rating&accepting=false');
    expect(rated.body.providers.map((p: any) => p.id)).toEqual([2]);
  });
  it.each([
    ['/api/v1/municipalities/19800/providers', 400, 'code'],
    ['/api/v1/municipalities/abcd/providers', 400, 'code'],
    ['/api/v1/municipalities/9999/providers', 404, undefined],
    ['/api/v1/municipalities/1980/providers?minRating=5', 400, 'minRating'],
    ['/api/v1/municipalities/1980/providers?sort=random', 400, 'sort'],
    ['/api/v1/municipalities/1980/providers?page=-1', 400, 'page'],
    ['/api/v1/municipalities/1980/providers?accepting=perhaps', 400, 'accepting'],
    ['/api/v1/municipalities/1980/providers?lang=klingon', 400, 'lang'],
  ])('%s → %i', async (path, status, field) => {
    const r = await json(path);
    expect(r.status).toBe(status);
    expect(r.body.error.message).toEqual(expect.any(String));
    if (field) expect(r.body.error.field).toBe(field);
  });
  it('pages beyond the end return an empty page, not an error', async () => {
    const { status, body } = await json('/api/v1/municipalities/1980/providers?page=3');
    expect(status).toBe(200);
    expect(body.providers).toEqual([]);
    expect(body.pages).toBe(1);
  });
});

describe('GET /api/v1/providers/{id}', () => {
  it('returns the full record with rating history', async () => {
    const { status, body } = await json('/api/v1/providers/1');
    expect(status).toBe(200);
    expect(body.provider).toMatchObject({ id: 1, name: 'Alfa Jobbcoach AB', orgnr: '556000-0001', isSoleTrader: false });
    const c = body.provider.contracts[0];
    expect(c.ratingHistory.map((r: any) => `${r.period}/${r.revision}`)).toEqual(['2026-09/1', '2026-07/2', '2026-07/1']);
  });
  it('masks sole traders', async () => {
    const { body } = await json('/api/v1/providers/4');
    expect(JSON.stringify(body)).not.toContain('8503122387');
    expect(body.provider.isSoleTrader).toBe(true);
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expect((await json('/api/v1/providers/abc')).body.error.field).toBe('id');
    expect((await json('/api/v1/providers/404')).status).toBe(404);
  });
  it('unknown API routes answer JSON 404', async () => {
    const r = await json('/api/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});
