import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { createPoliteFetcher } from '../../src/crawler/polite-fetcher';
import { discoverSitemapUrls, parseSitemap } from '../../src/crawler/sitemap';
import { crawlerUserAgent } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

describe('parseSitemap', () => {
  it('reads a urlset with lastmod, whitespace and namespace prefixes', () => {
    const xml = `<?xml version="1.0"?>
      <sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sm:url><sm:loc> https://exempel.se/a </sm:loc><sm:lastmod>2026-10-01</sm:lastmod></sm:url>
        <sm:url><sm:loc>https://exempel.se/b?x=1&amp;y=2</sm:loc></sm:url>
        <sm:url><sm:lastmod>2026-10-01</sm:lastmod></sm:url>
      </sm:urlset>`;
    expect(parseSitemap(xml)).toEqual({
      type: 'urlset',
      entries: [{ loc: 'https://exempel.se/a', lastmod: '2026-10-01' }, { loc: 'https://exempel.se/b?x=1&y=2' }],
      truncated: false,
    });
  });

  it('reads a sitemap index, a text sitemap, and rejects other XML', () => {
    const index = '<sitemapindex><sitemap><loc>https://exempel.se/s1.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(index)).toMatchObject({ type: 'index', entries: [{ loc: 'https://exempel.se/s1.xml' }] });
    expect(parseSitemap('https://exempel.se/a\nhttps://exempel.se/b\n# kommentar\n')).toMatchObject({ type: 'text', entries: [{ loc: 'https://exempel.se/a' }, { loc: 'https://exempel.se/b' }] });
    expect(parseSitemap('<html><body>Not found</body></html>').type).toBe('unknown');
  });

  it('bounds the number of entries', () => {
    const xml = '<urlset>' + Array.from({ length: 50 }, (_, i) => `<url><loc>https://exempel.se/${i}</loc></url>`).join('') + '</urlset>';
    const p = parseSitemap(xml, { maxEntries: 10 });
    expect(p.entries).toHaveLength(10);
    expect(p.truncated).toBe(true);
  });
});

describe('sitemap discovery on the fixture site', () => {
  let site: FixtureSite;
  let fetcher: NodePageFetcher;
  beforeAll(async () => {
    site = await startFixtureSite();
    fetcher = createNodePageFetcher({ userAgent: crawlerUserAgent('https://valkollen.example'), allowHosts: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await fetcher.close();
    await site.close();
  });

  it('finds the sitemaps through robots.txt and walks the index, including a .xml.gz sitemap', async () => {
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 } });
    const policy = await polite.robots.policyFor(site.url + '/');
    expect(policy.sitemaps).toEqual([`${site.url}/sitemap.xml`]);
    const found = await discoverSitemapUrls({ fetcher: polite, siteUrl: site.url, sitemapUrls: policy.sitemaps });
    expect(found.sitemaps).toEqual([`${site.url}/sitemap.xml`, `${site.url}/sitemap-pages.xml`, `${site.url}/sitemap-extra.xml.gz`]);
    expect(found.urls.map((u) => u.loc)).toEqual([
      `${site.url}/`,
      `${site.url}/tjanster`,
      `${site.url}/om-oss`,
      `${site.url}/kontakt`, // utm_source dropped
      `${site.url}/nyheter`,
      `${site.url}/erbjudande`,
      `${site.url}/kampanj-latin1`,
    ]);
    expect(found.urls.find((u) => u.loc.endsWith('/erbjudande'))?.lastmod).toBe('2026-11-01T08:00:00+01:00');
    expect(found.offSite).toBe(2); // one foreign sitemap file, one foreign page
    expect(found.errors).toEqual([]);
    expect(found.truncated).toBe(false);
    expect(site.requests.some((r) => r.path.includes('annan-sajt'))).toBe(false);
  });

  it('defaults to /sitemap.xml and respects its caps', async () => {
    const found = await discoverSitemapUrls({ fetcher, siteUrl: site.url + '/kontakt', maxUrls: 3 });
    expect(found.urls).toHaveLength(3);
    expect(found.truncated).toBe(true);
    const shallow = await discoverSitemapUrls({ fetcher, siteUrl: site.url, maxDepth: 0 });
    expect(shallow.urls).toEqual([]);
    expect(shallow.truncated).toBe(true);
  });

  it('records sitemaps that are missing or not sitemaps', async () => {
    const found = await discoverSitemapUrls({ fetcher, siteUrl: site.url, sitemapUrls: [`${site.url}/saknas.xml`, `${site.url}/kontakt`] });
    expect(found.urls).toEqual([]);
    expect(found.errors).toEqual([
      { url: `${site.url}/saknas.xml`, error: 'HTTP 404' },
      { url: `${site.url}/kontakt`, error: 'not a sitemap' },
    ]);
  });
});
