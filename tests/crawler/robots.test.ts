import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { MemoryRobotsCache, createRobotsService, parseRobotsTxt } from '../../src/crawler/robots';
import { crawlerUserAgent } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

const ORIGIN = 'https://exempel.se';

describe('parseRobotsTxt', () => {
  const txt = [
    'User-agent: *',
    'Disallow: /intern/',
    'Disallow: /*.pdf$',
    'Crawl-delay: 5',
    '',
    'User-agent: valkollen',
    'Disallow: /kampanj/',
    'Allow: /kampanj/host',
    'Disallow: /sok?',
    'Crawl-delay: 2',
    '',
    'Sitemap: https://exempel.se/sitemap.xml',
    'Sitemap: /relativ-sitemap.xml',
    'Sitemap: ftp://exempel.se/x.xml',
  ].join('\n');
  const p = parseRobotsTxt(ORIGIN, txt);

  it('uses the group for our token (case-insensitive) instead of "*"', () => {
    expect(p.isAllowed(`${ORIGIN}/kampanj/vinter`)).toBe(false);
    expect(p.isAllowed(`${ORIGIN}/kampanj/host`)).toBe(true); // longest match wins, allow on a tie
    expect(p.isAllowed(`${ORIGIN}/intern/rapport`)).toBe(true); // only "*" forbids it
    expect(p.isAllowed(`${ORIGIN}/sok?q=jobb`)).toBe(false);
    expect(p.isAllowed(`${ORIGIN}/sok`)).toBe(true);
    expect(p.crawlDelaySeconds).toBe(2);
  });

  it('falls back to "*" when there is no group for us, with wildcards', () => {
    const star = parseRobotsTxt(ORIGIN, txt.replace('valkollen', 'AnnanBot'));
    expect(star.isAllowed(`${ORIGIN}/intern/rapport`)).toBe(false);
    expect(star.isAllowed(`${ORIGIN}/files/broschyr.pdf`)).toBe(false);
    expect(star.isAllowed(`${ORIGIN}/files/broschyr.pdf?v=2`)).toBe(true);
    expect(star.crawlDelaySeconds).toBe(5);
  });

  it('lists absolute http(s) sitemaps and never allows other origins', () => {
    expect(p.sitemaps).toEqual(['https://exempel.se/sitemap.xml', 'https://exempel.se/relativ-sitemap.xml']);
    expect(p.isAllowed('https://annan.se/')).toBe(false);
    expect(p.isAllowed('http://exempel.se/')).toBe(false);
  });

  it('treats an empty file as allow-all', () => {
    expect(parseRobotsTxt(ORIGIN, '').isAllowed(`${ORIGIN}/vad-som-helst`)).toBe(true);
  });
});

describe('robots service against the fixture site', () => {
  let site: FixtureSite;
  let fetcher: NodePageFetcher;
  let now = 1_000_000;
  const clock = () => now;

  beforeAll(async () => {
    site = await startFixtureSite({ crawlDelay: 1 });
    fetcher = createNodePageFetcher({ userAgent: crawlerUserAgent('https://valkollen.example'), allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
  });
  afterAll(async () => {
    await fetcher.close();
    await site.close();
  });

  it('fetches, parses and caches robots.txt until it expires', async () => {
    site.reset();
    const cache = new MemoryRobotsCache();
    const robots = createRobotsService({ fetcher, cache, now: clock, ttlMs: 60_000 });
    const [a, b] = await Promise.all([robots.policyFor(`${site.url}/`), robots.policyFor(`${site.url}/kontakt`)]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ outcome: 'parsed', status: 200, crawlDelaySeconds: 1, sitemaps: [`${site.url}/sitemap.xml`] });
    expect(a.isAllowed(`${site.url}/intern/rapport`)).toBe(false);
    expect(a.isAllowed(`${site.url}/tjanster`)).toBe(true);
    expect(await robots.isAllowed(`${site.url}/intern/`)).toBe(false);
    expect(site.requestsTo('/robots.txt')).toHaveLength(1);
    expect(site.requestsTo('/robots.txt')[0].headers['user-agent']).toMatch(/^Valkollen\/0\.1\.0 /);
    expect((await cache.get(site.url))?.body).toContain('Disallow: /intern/');

    now += 59_000;
    await robots.policyFor(`${site.url}/`);
    expect(site.requestsTo('/robots.txt')).toHaveLength(1);
    now += 2_000;
    await robots.policyFor(`${site.url}/`);
    expect(site.requestsTo('/robots.txt')).toHaveLength(2);
  });

  it('reads a record from a shared cache (e.g. the database) without fetching', async () => {
    site.reset();
    const cache = new MemoryRobotsCache();
    await cache.set({ origin: site.url, outcome: 'parsed', status: 200, body: 'User-agent: *\nDisallow: /', fetchedAt: now, expiresAt: now + 1000 });
    const robots = createRobotsService({ fetcher, cache, now: clock });
    expect(await robots.isAllowed(`${site.url}/kontakt`)).toBe(false);
    expect(site.requestsTo('/robots.txt')).toHaveLength(0);
  });

  const withRobotsStatus = async (status: number) => {
    site.route('/robots.txt', (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('nope');
    });
    return createRobotsService({ fetcher, now: clock, ttlMs: 86_400_000, errorTtlMs: 3_600_000 }).policyFor(`${site.url}/`);
  };

  it('treats 4xx as allow-all for the normal period', async () => {
    for (const status of [404, 410, 403]) {
      const p = await withRobotsStatus(status);
      expect(p).toMatchObject({ outcome: 'allow_all', status, expiresAt: now + 86_400_000 });
      expect(p.isAllowed(`${site.url}/intern/rapport`)).toBe(true);
    }
  });

  it('treats 5xx and 429 as disallow-all for the error period', async () => {
    for (const status of [500, 503, 429]) {
      const p = await withRobotsStatus(status);
      expect(p).toMatchObject({ outcome: 'disallow_all', status, expiresAt: now + 3_600_000 });
      expect(p.isAllowed(`${site.url}/`)).toBe(false);
    }
  });

  it('treats a network error as disallow-all and a redirect loop as allow-all', async () => {
    const gone = await startFixtureSite();
    const origin = gone.url;
    await gone.close();
    const down = await createRobotsService({ fetcher, now: clock }).policyFor(`${origin}/`);
    expect(down).toMatchObject({ outcome: 'disallow_all', status: 0, fetchKind: 'error' });

    site.route('/robots.txt', (_req, res) => {
      res.writeHead(302, { location: '/loop/a' });
      res.end();
    });
    const loop = await createRobotsService({ fetcher, now: clock }).policyFor(`${site.url}/`);
    expect(loop).toMatchObject({ outcome: 'allow_all', fetchKind: 'redirect_loop' });
  });

  it('refuses (disallow-all) an origin the SSRF guard refuses, without a request', async () => {
    const p = await createRobotsService({ fetcher, now: clock }).policyFor('http://10.0.0.1/');
    expect(p).toMatchObject({ outcome: 'disallow_all', fetchKind: 'refused' });
  });
});
