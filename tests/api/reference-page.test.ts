/**
 * The API reference at /api/docs as a reader meets it: it explains how to get a key (who issues
 * keys, where a provider asks, what an administrator runs), how to send it, the rate limits and
 * the CLI that needs no key; descriptions are rendered (no raw markdown backticks), every heading
 * is said once, and the table of contents points at headings that exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { GUIDE_LINKS } from '../../src/api/api-guide';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
let html: string;
let doc: any;
beforeAll(async () => {
  t = await apiTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '45' } });
  const res = await t.app.request('/api/docs');
  expect(res.status).toBe(200);
  html = await res.text();
  doc = await (await t.app.request('/api/openapi.json')).json();
});
afterAll(() => t.close());

/** The page's visible text (what a reader sees), without markup. */
const visibleText = () => load(html)('body').text();

describe('GET /api/docs renders its text', () => {
  it('shows no raw markdown backticks anywhere on the page', () => {
    // The document itself uses backticks for code; on the page they must have become <code>.
    expect(JSON.stringify(doc)).toContain('`');
    const text = visibleText();
    const at = text.indexOf('`');
    expect(at, `raw backtick in: …${text.slice(Math.max(0, at - 60), at + 60)}…`).toBe(-1);
    expect(html).not.toContain('`');
    expect(html).not.toMatch(/\*\*\w/); // nor raw **bold**
  });

  it('says every heading once and every id once', () => {
    const $ = load(html);
    const headings = $('h1, h2, h3').map((_, el) => $(el).text().replace(/\s+/g, ' ').trim()).get();
    const dupes = headings.filter((h, i) => headings.indexOf(h) !== i);
    expect(dupes, `duplicated headings: ${dupes.join(', ')}`).toEqual([]);
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect($('h1')).toHaveLength(1);
  });

  it('has a table of contents whose every link lands on a heading of the page', () => {
    const $ = load(html);
    const links = $('nav.toc a').map((_, el) => $(el).attr('href')).get();
    expect(links).toEqual(expect.arrayContaining(['#getting-an-api-key', '#sending-the-key', '#rate-limits-and-sizes', '#operations', '#op-check', '#schemas']));
    for (const href of links) expect($(`[id="${href.slice(1)}"]`).length, href).toBe(1);
  });
});

describe('GET /api/docs explains how to get and use a key', () => {
  it('says who issues keys: the operator, asked through the contact page, made by an administrator in the workspace or the CLI', () => {
    const $ = load(html);
    const section = $('#getting-an-api-key').nextUntil('h2');
    const text = section.text();
    expect(text).toContain('issued by the operator');
    expect(text).toContain('organisation number');
    expect(section.find(`a[href="${GUIDE_LINKS.contact}"]`).length).toBe(1);
    expect(section.find(`a[href="${GUIDE_LINKS.adminKeys}"]`).length).toBe(1);
    expect(section.find('code').map((_, el) => $(el).text()).get()).toContain('npm run apikey -- create --provider <orgnr>');
    expect(text).toMatch(/shown once/);
  });

  it('says how to send the key and what a missing key answers', () => {
    const $ = load(html);
    const text = $('#sending-the-key').nextUntil('h2').text();
    expect(text).toContain('Authorization: Bearer vk_');
    expect(text).toContain('401');
    expect(text).toContain('WWW-Authenticate: Bearer');
    // Every keyed operation points back to the explanation.
    expect($('#op-check').parent().find('a[href="#getting-an-api-key"]').length).toBe(1);
  });

  it('states the rate limit this server applies, the headers and the 429', () => {
    const $ = load(html);
    const text = $('#rate-limits-and-sizes').nextUntil('h2').text();
    expect(text).toContain('45 requests per minute');
    for (const h of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']) expect(text).toContain(h);
    expect(text).toContain('429');
    expect(text).toContain('256 KB');
    expect(doc.info.description).toContain('45 requests per minute');
  });

  it('names the CLI and the web form that need no key', () => {
    const $ = load(html);
    const part = $('#without-a-key-the-cli-and-the-web-form').nextUntil('h2');
    expect(part.find('pre code').text()).toContain('npx valkollen check --fail-on high');
    expect(part.text()).toContain('no key');
    expect(part.find(`a[href="${GUIDE_LINKS.form}"]`).length).toBe(1);
  });

  it('puts the same guide in the OpenAPI document for API tools', () => {
    expect(doc.info.description).toMatch(/^## Getting an API key$/m);
    expect(doc.components.securitySchemes.bearerAuth.description).toContain('Getting an API key');
  });
});
