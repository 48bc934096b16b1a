import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedDirectoryFixture });
});
afterAll(() => t.close());

const get = (path: string, headers?: Record<string, string>) => t.app.request(path, { headers });
const idsInOrder = (html: string) => [...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1]));

describe('home and search', () => {
  it('serves the home page with search and all 290 municipalities', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('action="/sok"');
    expect(html.match(/href="\/kommun\//g)).toHaveLength(290);
    expect(html).toContain('Uppgifterna gäller');
  });
  it('serves English under /en', async () => {
    const html = await (await get('/en/')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Find Rusta och matcha providers');
    expect(html).toContain('href="/en/kommun/vasteras"');
  });
  it.each([
    ['vasteras', '/kommun/vasteras'],
    ['Västerås', '/kommun/vasteras'],
    ['722 11', '/kommun/vasteras?postnummer=72211'],
    ['1980', '/kommun/vasteras'],
  ])('search "%s" goes straight to %s', async (q, target) => {
    const res = await get(`/sok?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(target);
  });
  it('lists several matches for a prefix', async () => {
    const res = await get('/sok?q=sto');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="/kommun/stockholm"');
  });
  it('helps when nothing matches (404 with the search form)', async () => {
    const res = await get('/sok?q=Atlantis');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Atlantis');
    expect(html).toContain('name="q"');
  });
  it('rejects an over-long search with 400 naming q', async () => {
    const res = await get(`/sok?q=${'a'.repeat(101)}`, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request', field: 'q' } });
  });
});

describe('municipality page', () => {
  it('lists providers with current contracts covering the municipality', async () => {
    const res = await get('/kommun/vasteras');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['Alfa Jobbcoach AB', 'Beta Kompetens AB', 'Gamma Vägledning AB', 'Delta Coachning']) expect(html).toContain(name);
    expect(html).not.toContain('Epsilon'); // Eskilstuna only
    expect(html).not.toContain('Zeta'); // contract ended
    expect(html).toContain('Listan är blandad');
    expect(html).toContain('Inget betyg ännu');
    expect(html).toContain('4 av 4 stjärnor'); // Alfa's latest period
  });
  it('redirects a code to the canonical slug and keeps the query', async () => {
    const res = await get('/kommun/1980?lang=ar');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/kommun/vasteras?lang=ar');
  });
  it('filters by language', async () => {
    const html = await (await get('/kommun/vasteras?lang=ar')).text();
    expect(idsInOrder(html).sort()).toEqual([1, 3]);
  });
  it('filters by accepting new participants and minimum rating', async () => {
    expect(idsInOrder(await (await get('/kommun/vasteras?accepting=true')).text()).sort()).toEqual([1, 3, 4]);
    expect(idsInOrder(await (await get('/kommun/vasteras?minRating=3')).text())).toEqual([1]);
  });
  it('sorts by rating and by name only when asked, and says so', async () => {
    const byRating = await (await get('/kommun/vasteras?sort=rating')).text();
    expect(idsInOrder(byRating)).toEqual([1, 2, 4, 3]);
    expect(byRating).toContain('Sorterad efter Arbetsförmedlingens betyg');
    const byName = await (await get('/kommun/vasteras?sort=name')).text();
    expect(idsInOrder(byName)).toEqual([1, 2, 4, 3]);
  });
  it('uses the same daily order for everyone and a new one another day', async () => {
    const a = idsInOrder(await (await get('/kommun/vasteras')).text());
    const b = idsInOrder(await (await get('/kommun/vasteras')).text());
    expect(a).toEqual(b);
    const orders = new Set<string>();
    for (let d = 0; d < 10; d++) {
      t.now.value = new Date(Date.UTC(2026, 10, 1 + d, 10));
      orders.add(idsInOrder(await (await get('/kommun/vasteras')).text()).join(','));
    }
    t.now.value = new Date('2026-11-23T10:00:00Z');
    expect(orders.size).toBeGreaterThan(1);
  });
  it.each([
    ['minRating=7', 'minRating'],
    ['minRating=abc', 'minRating'],
    ['sort=cheapest', 'sort'],
    ['accepting=maybe', 'accepting'],
    ['page=0', 'page'],
    ['lang=xx', 'lang'],
    ['lang=' + encodeURIComponent('<script>'), 'lang'],
  ])('rejects %s with 400 naming the field', async (qs, field) => {
    const res = await get(`/kommun/vasteras?${qs}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(field);
    expect(html).not.toContain('<script>');
  });
  it('shows a helpful 404 for an unknown municipality', async () => {
    const res = await get('/kommun/atlantis');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('atlantis');
    expect(html).toContain('name="q"');
  });
  it('lets the visitor choose between Håbo and Habo', async () => {
    const res = await get('/kommun/habo');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/kommun/habo-uppsala');
    expect(html).toContain('/kommun/habo-jonkoping');
  });
  it('says the delivery area is unknown (not "no providers") when no area covers the municipality', async () => {
    const html = await (await get('/kommun/umea')).text();
    expect(html).toContain('Vi vet inte vilket leveransområde Umeå hör till');
    expect(html).not.toContain('Vi har inga leverantörer för den här kommunen');
  });
  it('is cacheable: ETag, Cache-Control and 304 on revalidation', async () => {
    const res = await get('/kommun/vasteras');
    const tag = res.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await get('/kommun/vasteras', { 'if-none-match': tag! });
    expect(again.status).toBe(304);
  });
  it('sends security headers', async () => {
    const res = await get('/kommun/vasteras');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });
  it('has no inline script or style', async () => {
    const html = await (await get('/kommun/vasteras')).text();
    expect(html).not.toMatch(/<script|style=|<style/);
  });
});

describe('provider page', () => {
  it('shows contracts, rating history with revisions, offices and languages', async () => {
    const res = await get('/leverantor/1?kommun=1980');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Alfa Jobbcoach AB');
    expect(html).toContain('556000-0001');
    expect(html).toContain('KA-100001');
    expect(html).toContain('Reviderad (version 2)');
    expect(html).toContain('ersatt av senare version');
    expect(html).toContain('Stora gatan 1');
    expect(html).toContain('العربية');
    expect(html).toContain('enligt leverantören');
    expect(html).toContain('href="/kommun/vasteras"');
  });
  it('masks a sole trader’s personal identity number', async () => {
    const html = await (await get('/leverantor/4')).text();
    expect(html).not.toContain('8503122387');
    expect(html).not.toContain('850312-2387');
    expect(html).toContain('Enskild firma');
  });
  it('shows former names', async () => {
    expect(await (await get('/leverantor/2')).text()).toContain('Beta Utbildning AB');
  });
  it('404s helpfully for unknown or malformed ids', async () => {
    for (const p of ['/leverantor/999', '/leverantor/abc', '/en/leverantor/999']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('name="q"');
    }
  });
});

describe('compare page', () => {
  it('shows two providers side by side', async () => {
    const res = await get('/jamfor?ids=1,2&kommun=1980');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Alfa Jobbcoach AB');
    expect(html).toContain('Beta Kompetens AB');
    // Only the contract covering Västerås is compared for Beta.
    expect(html).not.toContain('Eskilstuna:');
  });
  it('accepts repeated ids from the list form and caps at three', async () => {
    const html = await (await get('/jamfor?ids=1&ids=2&ids=3&ids=4&kommun=1980')).text();
    expect(html).toContain('högst tre');
    expect(html).not.toContain('Delta Coachning');
  });
  it('explains how to compare when fewer than two are chosen', async () => {
    expect(await (await get('/jamfor')).text()).toContain('Välj två eller tre');
  });
  it('rejects malformed ids with 400', async () => {
    const res = await get('/jamfor?ids=1,x', { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { field: 'ids' } });
    expect((await get('/jamfor?ids=1&kommun=abc')).status).toBe(400);
  });
});

describe('other pages', () => {
  it('explains ratings and ordering in Swedish and English', async () => {
    expect(await (await get('/om-betyg')).text()).toContain('1 till 4 stjärnor');
    expect(await (await get('/en/om-betyg')).text()).toContain('1 to 4 stars');
  });
  it('explains the crawler at the address its User-Agent names', async () => {
    const html = await (await get('/om-crawlern')).text();
    expect(html).toContain('User-agent: Valkollen');
    expect(html).toContain('robots.txt');
    expect(await (await get('/en/om-crawlern')).text()).toContain('How to stop or limit us');
  });
  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
  it('serves the stylesheet with a long cache', async () => {
    const html = await (await get('/')).text();
    const href = /href="(\/static\/app\.[a-z0-9]+\.css)"/.exec(html)![1];
    const res = await get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/css');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });
  it('gives unknown paths a helpful 404', async () => {
    const res = await get('/no/such/page');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('name="q"');
  });
});
