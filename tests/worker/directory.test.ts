// The directory served by the real Worker entry inside workerd, over D1.
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { schema } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { seedDirectoryFixture } from '../helpers/directory-fixture';

beforeAll(async () => {
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  const existing = await env.DB.prepare('select count(*) as n from providers').first<{ n: number }>();
  if (!existing?.n) await seedDirectoryFixture(db);
});

describe('Worker: public directory', () => {
  it('serves a municipality page', async () => {
    const res = await SELF.fetch('https://valkollen.test/kommun/vasteras');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Leverantörer i Västerås');
    expect(html).toContain('Alfa Jobbcoach AB');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
  it('answers the JSON API with filters', async () => {
    const res = await SELF.fetch('https://valkollen.test/api/v1/municipalities/1980/providers?lang=ar');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { providers: { id: number }[] };
    expect(body.providers.map((p) => p.id).sort()).toEqual([1, 3]);
  });
  it('finds a municipality by postcode', async () => {
    const res = await SELF.fetch('https://valkollen.test/sok?q=722%2011', { redirect: 'manual' });
    expect(res.status).toBe(302);
    // The postcode stays on, so the list can show the distance to each provider's nearest office.
    expect(res.headers.get('location')).toBe('/kommun/vasteras?postnummer=72211');
  });
  it('finds a locality and shows distances from it (bundled GeoNames points, no Node APIs)', async () => {
    const res = await SELF.fetch('https://valkollen.test/sok?q=Skultuna', { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/kommun/vasteras?ort=Skultuna');
    const list = await SELF.fetch('https://valkollen.test/api/v1/municipalities/1980/providers?ort=Skultuna');
    expect(list.status).toBe(200);
    expect((await list.json()) as { referencePoint: unknown }).toMatchObject({ referencePoint: { locality: 'Skultuna', basis: 'locality' } });
  });
  it('serves the pages in the other languages, with their dates, right to left where they read so', async () => {
    const ar = await SELF.fetch('https://valkollen.test/ar/kommun/vasteras?accepting=true');
    expect(ar.status).toBe(200);
    expect(ar.headers.get('content-language')).toBe('ar');
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toContain('href="/kommun/vasteras?accepting=true"');
    // Dari and Tigrinya month names from the Worker's ICU, Gregorian calendar and Latin digits.
    const prs = await (await SELF.fetch('https://valkollen.test/prs/leverantor/1')).text();
    expect(prs).toMatch(/سپتمبر 2026/);
    const ti = await (await SELF.fetch('https://valkollen.test/ti/leverantor/1')).text();
    expect(ti).toMatch(/መስከረም 2026/);
    expect(await (await SELF.fetch('https://valkollen.test/so/leverantor/1')).text()).toMatch(/Sebtembar 2026/);
    expect(await (await SELF.fetch('https://valkollen.test/ar/leverantor/1')).text()).toMatch(/سبتمبر 2026/);
  });
  it('reports health', async () => {
    const res = await SELF.fetch('https://valkollen.test/healthz');
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
