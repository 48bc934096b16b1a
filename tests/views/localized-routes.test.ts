/**
 * Every public page exists and answers in every language: under /en, /ar, /so, /ti, /prs and
 * /lattlast with the right lang/dir, Content-Language, a language switch that keeps the page and
 * its query, hreflang alternates and the "awaiting native review" note. A public page added to
 * any router in Swedish only fails the route-coverage test below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testApp, type TestApp } from '../helpers/app';
import { flagExample } from '../api/api-helpers';
import { LOCALES, PUBLIC_LOCALE_ORDER, localeInfo, localePath } from '../../src/i18n/locale-info';
import { t as tr } from '../../src/i18n/public/texts';

let t: TestApp;
let cached: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedDirectoryFixture });
  cached = await testApp({ seed: seedDirectoryFixture, env: { PAGE_RENDER_CACHE_SECONDS: '60' } });
});
afterAll(() => {
  t.close();
  cached.close();
});

const PREFIXED = LOCALES.filter((l) => l !== 'sv');
const get = (path: string) => t.app.request(path);
const decode = (s: string) => s.replace(/&amp;/g, '&');

/** GET paths of the app, as registered. */
const getRoutes = () => new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => r.path));

describe('route coverage', () => {
  it('mounts every public Swedish page under every language prefix', () => {
    const routes = getRoutes();
    const notPublic = /^\/(api|static|review|healthz|en|ar|so|ti|prs|lattlast)(\/|$)/;
    // /self-check is the English form's own address; its Swedish twin is /sjalvkontroll.
    const publicSv = [...routes].filter((p) => !notPublic.test(p) && p !== '/self-check' && p !== '/*');
    expect(publicSv).toEqual(expect.arrayContaining(['/', '/sok', '/kommun/:id', '/leverantor/:id', '/jamfor', '/om-betyg', '/om-crawlern', '/rules', '/rules/:id', '/sjalvkontroll']));
    const missing = publicSv.flatMap((p) => PREFIXED.map((l) => `${localeInfo(l).prefix}${p}`)).filter((p) => !routes.has(p));
    expect(missing, 'public pages not mounted in every language (use forEachLocale from src/views/localized.ts)').toEqual([]);
  });
});

const PAGES = ['/', '/kommun/vasteras?accepting=true&sort=name', '/leverantor/1?kommun=1980', '/jamfor?ids=1,3&kommun=1980', '/om-betyg', '/om-crawlern', '/rules', '/rules/R22-INDUCEMENT', '/sjalvkontroll', '/sok?q=sto'];

describe.each(LOCALES)('pages in %s', (locale) => {
  const info = localeInfo(locale);
  it.each(PAGES)('%s answers in the language, with the switch keeping page and query', async (page) => {
    const url = locale === 'en' && page === '/sjalvkontroll' ? '/self-check' : localePath(locale, page);
    const res = await get(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-language')).toBe(info.htmlLang);
    const html = await res.text();
    expect(html).toContain(info.dir === 'rtl' ? `<html lang="${info.htmlLang}" dir="rtl">` : `<html lang="${info.htmlLang}">`);
    // The switch: all seven languages by their own names, each to the same page and query.
    const nav = /<nav class="lang-switch"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1];
    for (const l of PUBLIC_LOCALE_ORDER) {
      const href = localePath(l, page);
      expect(decode(nav), `${url}: switch link to ${l}`).toContain(`href="${href}"`);
      expect(nav).toContain(`>${localeInfo(l).nativeName}</a>`);
      expect(decode(html)).toContain(`<link rel="alternate" hreflang="${localeInfo(l).hreflang}" href="${href}"/>`);
    }
    expect(nav).toMatch(new RegExp(`aria-current="true">${info.nativeName}<`));
    // Unreviewed languages say so, in the language and in English.
    if (locale === 'sv' || locale === 'en') expect(html).not.toContain('review-note');
    else {
      expect(html).toContain(tr(locale, 'reviewNote'));
      expect(html).toContain('<span lang="en" dir="ltr">This translation has not yet been checked by a native speaker.</span>');
    }
  });
});

describe('translated content', () => {
  it('translates the visible text and keeps provider names, addresses and quotes as they are', async () => {
    const html = await (await get('/ar/leverantor/1?kommun=1980')).text();
    expect(html).toContain('العودة إلى القائمة'); // back to the list
    expect(html).toContain('→'); // the back arrow points right in RTL
    expect(html).toContain('<h1><bdi>Alfa Jobbcoach AB</bdi></h1>');
    expect(html).toContain('Stora gatan 1');
    expect(html).toMatch(/<blockquote lang="sv">/); // the provider's own description stays Swedish, marked so
    const ti = await (await get('/ti/kommun/vasteras')).text();
    expect(ti).toContain('<h1>ኣብ Västerås ዘለዉ ኣቕረብቲ</h1>');
    expect(ti).toContain('Alfa Jobbcoach AB');
  });
  it('keeps filters on the municipality page and in its forms', async () => {
    const html = decode(await (await get('/so/kommun/vasteras?accepting=true&lang=ar')).text());
    expect(html).toContain('action="/so/kommun/vasteras"');
    expect(html).toContain('action="/so/jamfor"');
    expect(html).toContain('href="/ar/kommun/vasteras?accepting=true&lang=ar"');
    expect(html).toContain('href="/kommun/vasteras?accepting=true&lang=ar"');
    expect(html).toContain('Bixiyeyaasha ku jira Västerås');
  });
  it('redirects a code to the slug inside the language and keeps the query', async () => {
    const res = await get('/prs/kommun/1980?lang=ar');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/prs/kommun/vasteras?lang=ar');
    const search = await get(`/lattlast/sok?q=${encodeURIComponent('722 11')}`);
    // A postcode stays on, so the list can show each provider's nearest office.
    expect(search.headers.get('location')).toBe('/lattlast/kommun/vasteras?postnummer=72211');
    expect((await get('/ti')).headers.get('location')).toBe('/ti/');
  });
  it('explains the words in easy Swedish', async () => {
    const home = await (await get('/lattlast/')).text();
    expect(home).toContain('Företaget kallas leverantör.');
    const list = await (await get('/lattlast/kommun/vasteras')).text();
    expect(list).toContain('Ett leveransområde är en eller flera kommuner.');
    expect(await (await get('/lattlast/om-betyg')).text()).toContain('Ett betyg visar hur bra en leverantör är');
  });
  it('shows errors in the language of the path', async () => {
    const res = await get('/ar/kommun/atlantis');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('ar');
    const html = await res.text();
    expect(html).toContain('الصفحة غير موجودة');
    expect(html).toContain('لم نجد بلدية اسمها أو رمزها');
    expect(html).toContain('action="/ar/sok"');
    const unknown = await get('/so/finns-inte');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Bog ma jiro cinwaankan.');
    expect(await (await get('/prs/rules/R22-NOPE')).text()).toContain('قاعده‌ای به نام');
  });
  it('shows the rules frame translated and the rule texts in Swedish, marked and explained', async () => {
    const html = await (await get('/so/rules/R22-INDUCEMENT')).text();
    expect(html).toContain('Sidan u qor'); // "write this instead"
    expect(html).toContain('waxaa lagu muujiyey af Iswiidhish');
    expect(html).toMatch(/<p lang="sv">[^<]+<\/p>/);
    expect(html).toContain('href="/so/sjalvkontroll"');
    const list = await (await get('/ar/rules')).text();
    expect(list).toMatch(/<td lang="sv"[ >]/);
  });
});

describe('the self-check form in other languages', () => {
  it('checks a text from /ar/sjalvkontroll, with the rule texts in Swedish and a note saying so', async () => {
    const example = await flagExample(t.app);
    const res = await t.app.request('/ar/sjalvkontroll', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'cf-connecting-ip': '198.51.100.77' },
      body: new URLSearchParams({ text: example.text }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('ar');
    const html = await res.text();
    expect(html).toContain('الفحص الذاتي للنصوص التسويقية');
    expect(html).toContain('نصوص القواعد (السبب والاقتراح) معروضة باللغة السويدية');
    expect(html).toMatch(/<dd lang="sv">[^<]+<\/dd>/);
    expect(html).toContain('action="/ar/sjalvkontroll#sc-results"');
  });
});

describe('render cache and languages', () => {
  it('keeps one cached page per language', async () => {
    const sv = await cached.app.request('/kommun/vasteras');
    const ar = await cached.app.request('/ar/kommun/vasteras');
    const arAgain = await cached.app.request('/ar/kommun/vasteras');
    expect(await sv.text()).toContain('<html lang="sv">');
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(await arAgain.text()).toBe(arHtml);
    expect(arAgain.headers.get('content-language')).toBe('ar');
    expect((await cached.app.request('/kommun/vasteras')).headers.get('content-language')).toBe('sv');
  });
});
