import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectoryFixtureWithPlaces as seed } from '../helpers/directory-fixture';
import { testApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed });
});
afterAll(() => t.close());

const get = (path: string, headers?: Record<string, string>) => t.app.request(path, { headers });
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as any;
};

describe('/sok with localities, postcodes and typos', () => {
  it('takes a locality to its municipality and keeps it as ?ort=', async () => {
    const res = await get('/sok?q=skultuna');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/kommun/vasteras?ort=Skultuna');
  });
  it('keeps a postcode as ?postnummer=', async () => {
    const res = await get('/en/sok?q=SE-726%2020');
    expect(res.headers.get('location')).toBe('/en/kommun/vasteras?postnummer=72620');
  });
  it('suggests the closest names for a typo', async () => {
    const res = await get('/sok?q=vsteras');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Menade du');
    expect(html).toContain('href="/kommun/vasteras"');
  });
  it('suggests a misspelt locality within its municipality', async () => {
    const html = await (await get('/sok?q=Skultnua')).text();
    expect(html).toContain('href="/kommun/vasteras?ort=Skultuna"');
    expect(html).toContain('ort i Västerås');
  });
  it('lists localities that start with the text', async () => {
    const html = await (await get('/sok?q=Skult')).text();
    expect(html).toContain('?ort=Skultuna');
  });
  it('says plainly when nothing is close and links to the list of all municipalities', async () => {
    const res = await get('/sok?q=Qwxyzzy');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('href="/#all"');
    expect(html).not.toContain('listan nedan');
  });
});

describe('nearest office on the municipality page', () => {
  it('names each provider’s nearest office with an approximate distance from the locality', async () => {
    const html = await (await get('/kommun/vasteras?ort=Skultuna')).text();
    expect(html).toContain('Avstånd fågelvägen från Skultuna i Västerås');
    expect(html).toMatch(/Närmaste kontor:<\/strong>.*?Skultunavägen 3, 726 20 Skultuna – <strong class="distance">ca 0,2 km<\/strong>/s);
    expect(html).toContain('geonames.org');
  });
  it('names the municipality when the nearest office lies outside it', async () => {
    const html = await (await get('/kommun/vasteras?postnummer=72620')).text();
    expect(html).toMatch(/Fagerstavägen 1, 737 30 Fagersta – <strong class="distance">ca \d+ km<\/strong><span class="outside"> \(ligger i Fagersta\)/);
  });
  it('orders nearest first only when asked; the daily order stays the default', async () => {
    const ids = (html: string) => [...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1]));
    const nearest = ids(await (await get('/kommun/vasteras?ort=Skultuna&sort=nearest')).text());
    expect(nearest[0]).toBe(4);
    const daily = await (await get('/kommun/vasteras?ort=Skultuna')).text();
    expect(daily).toContain('Dagens blandade ordning');
    const byDistance = await json('/api/v1/municipalities/1980/providers?ort=Skultuna&sort=nearest');
    const km = byDistance.providers.map((p: any) => p.nearestOffice?.distanceKm ?? Infinity);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
  });
  it('carries the place on to the provider page', async () => {
    const html = await (await get('/kommun/vasteras?postnummer=72620')).text();
    expect(html).toContain('/leverantor/1?kommun=1980&amp;postnummer=72620');
  });
  it('rejects a malformed or unknown postcode and an unknown locality with 400 naming the field', async () => {
    for (const [q, field] of [
      ['postnummer=12', 'postnummer'],
      ['postnummer=00000', 'postnummer'],
      ['ort=Atlantis', 'ort'],
    ]) {
      const res = await get(`/api/v1/municipalities/1980/providers?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect((await get('/kommun/vasteras?ort=Atlantis')).status).toBe(400);
  });
});

describe('nearestOffice in the JSON twin', () => {
  it('returns address, locality, distance and whether it is approximate', async () => {
    const body = await json('/api/v1/municipalities/1980/providers?postnummer=72620');
    expect(body.referencePoint).toMatchObject({ postnummer: '72620', locality: 'Skultuna', basis: 'locality', approximate: false });
    const delta = body.providers.find((p: any) => p.id === 4);
    expect(delta.nearestOffice).toMatchObject({ address: 'Skultunavägen 3, 726 20 Skultuna', locality: 'Skultuna', approximate: false, outsideMunicipality: false });
    expect(delta.nearestOffice.distanceKm).toBeLessThan(1);
    expect(delta.nearestOffice.name).toContain('Delta Coachning');
    // The existing fields stay.
    expect(delta).toHaveProperty('officesInMunicipality');
    const alfa = body.providers.find((p: any) => p.id === 1);
    expect(alfa.nearestOffice).toMatchObject({ phone: '021-123 45 00', email: 'info@alfa.example.se' });
  });
  it('measures from a nearby postcode when the postcode is missing from the table, and says so', async () => {
    const body = await json('/api/v1/municipalities/1980/providers?postnummer=72699');
    expect(body.referencePoint.approximate).toBe(true);
    expect(body.providers[0].nearestOffice.approximate).toBe(true);
  });
  it('without a place, measures from the municipality’s main town, labelled approximate', async () => {
    const body = await json('/api/v1/municipalities/1980/providers');
    expect(body.referencePoint).toMatchObject({ basis: 'municipality', approximate: true, locality: 'Västerås' });
  });
});

describe('provider page opened from a municipality', () => {
  it('leads with that municipality’s contract and nearest offices and folds the rest', async () => {
    const html = await (await get('/leverantor/2?kommun=1980&postnummer=72620')).text();
    const focus = html.indexOf('För dig i Västerås');
    expect(focus).toBeGreaterThan(0);
    expect(html.indexOf('KA-100002')).toBeGreaterThan(focus);
    // The Eskilstuna contract follows inside a fold.
    const fold = html.indexOf('<details class="fold"><summary>Avtal i andra leveransområden (1)</summary>');
    expect(fold).toBeGreaterThan(html.indexOf('KA-100002'));
    expect(html.indexOf('KA-200002')).toBeGreaterThan(fold);
    expect(html).toContain('Fagerstavägen 1');
    expect(html).toContain('Så väljer du leverantör');
    expect(html).toContain('href="/kommun/vasteras?postnummer=72620"');
  });
  it('accepts a slug and keeps the old layout without ?kommun=', async () => {
    expect(await (await get('/leverantor/2?kommun=vasteras')).text()).toContain('För dig i Västerås');
    const plain = await (await get('/leverantor/2')).text();
    expect(plain).not.toContain('För dig i');
    expect(plain).toContain('Avtal och betyg per leveransområde');
  });
});
