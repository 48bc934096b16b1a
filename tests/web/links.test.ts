import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrawlBudget, urlPattern } from '../../src/crawler/crawl-budget';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { linkTrapReason } from '../../src/web/link-traps';
import { extractLinks, isNonPageUrl } from '../../src/web/links';
import { crawlerUserAgent } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

const now = new Date('2026-11-22T12:00:00Z');

describe('link traps', () => {
  it.each([
    ['https://exempel.se/kalender/2026/11', 'calendar'],
    ['https://exempel.se/events/2026-11-01', 'calendar'],
    ['https://exempel.se/kalender?datum=2026-11-01', 'calendar'],
    ['https://exempel.se/traffar?month=11&year=2026', 'calendar'],
    ['https://exempel.se/aktiviteter?from=2026-11-01', 'calendar'],
    ['https://exempel.se/arkiv/2031/04', 'future_date'],
    ['https://exempel.se/om-oss/team/om-oss/team/om-oss/team', 'repeated_segments'],
    ['https://exempel.se/a/b/a/b', 'repeated_segments'],
    ['https://exempel.se/' + 'x/'.repeat(14), 'deep_path'],
    ['https://exempel.se/sok?' + 'f=' + 'a'.repeat(300), 'long_query'],
    ['https://exempel.se/sok?' + Array.from({ length: 12 }, (_, i) => `f${i}=1`).join('&'), 'long_query'],
  ])('%s → %s', (url, reason) => {
    expect(linkTrapReason(url, { now })).toBe(reason);
  });

  it.each([
    'https://exempel.se/nyheter/2025/03/nytt-kontor-i-sala',
    'https://exempel.se/kalender',
    'https://exempel.se/nyheter?sida=2',
    'https://exempel.se/nyheter?start=20',
    'https://exempel.se/nyheter?start=2000',
    'https://exempel.se/tjanster/rusta-och-matcha',
    'https://exempel.se/2030-visionen',
  ])('%s is an ordinary page', (url) => {
    expect(linkTrapReason(url, { now })).toBeNull();
  });
});

describe('extractLinks', () => {
  const page = 'https://www.exempel.se/tjanster/';
  const html = `<!doctype html><html><head>
      <link rel="canonical" href="/tjanster?utm_source=x">
      <meta name="robots" content="index, nofollow">
    </head><body>
      <a href="/">Start</a>
      <a href="kontakt#karta">Kontakt</a>
      <a href="https://exempel.se/kontakt?utm_source=nyhetsbrev">Kontakt igen</a>
      <a href="/tjanster">Denna sida</a>
      <a href="#top">Upp</a>
      <a href="mailto:info@exempel.se">Mejla</a>
      <a href="tel:+4621123456">Ring</a>
      <a href="javascript:void(0)">Cookies</a>
      <a href="https://www.arbetsformedlingen.se/">AF</a>
      <a href="/files/broschyr.pdf">Broschyr</a>
      <a href="/bilder/kontor.JPG">Bild</a>
      <a href="/kalender/2026/12">December</a>
      <a href="/kampanj" rel="nofollow sponsored">Kampanj</a>
      <map><area href="/karta" alt="Karta"></map>
      <a href="http://[">trasig</a>
    </body></html>`;

  it('sorts links into pages to follow, skipped and dropped', () => {
    const l = extractLinks(html, page, { traps: { now } });
    expect(l.pages).toEqual(['https://www.exempel.se/', 'https://www.exempel.se/tjanster/kontakt', 'https://exempel.se/kontakt', 'https://www.exempel.se/kampanj', 'https://www.exempel.se/karta']);
    expect(l.skipped).toEqual([
      { url: 'https://www.exempel.se/files/broschyr.pdf', reason: 'not_a_page' },
      { url: 'https://www.exempel.se/bilder/kontor.JPG', reason: 'not_a_page' },
      { url: 'https://www.exempel.se/kalender/2026/12', reason: 'calendar' },
    ]);
    expect(l.offSite).toBe(1);
    expect(l.nonHttp).toBe(4);
    expect(l.canonical).toBe('https://www.exempel.se/tjanster');
    expect(l.metaRobots).toEqual({ noindex: false, nofollow: true });
  });

  it('skips nofollow links only when asked to', () => {
    const l = extractLinks(html.replace('index, nofollow', 'index'), page, { respectNofollow: true, traps: { now } });
    expect(l.pages).not.toContain('https://www.exempel.se/kampanj');
    expect(l.skipped).toContainEqual({ url: 'https://www.exempel.se/kampanj', reason: 'nofollow' });
  });

  it('resolves against <base href> and ignores a canonical on another site', () => {
    const l = extractLinks('<base href="https://exempel.se/sv/"><link rel="canonical" href="https://annan.se/"><a href="om">Om</a>', 'https://exempel.se/x');
    expect(l.pages).toEqual(['https://exempel.se/sv/om']);
    expect(l.canonical).toBeNull();
  });

  it('knows non-page extensions', () => {
    expect(isNonPageUrl('https://exempel.se/a.PDF')).toBe(true);
    expect(isNonPageUrl('https://exempel.se/a.html')).toBe(false);
    expect(isNonPageUrl('https://exempel.se/v1.2/om')).toBe(false);
  });
});

describe('CrawlBudget', () => {
  it('enforces page, depth and per-pattern caps and remembers what it admitted', () => {
    const b = new CrawlBudget({ maxPages: 5, maxDepth: 2, maxPerPattern: 2 });
    expect(b.admit('https://exempel.se/', 0)).toMatchObject({ ok: true });
    expect(b.admit('https://exempel.se/?utm_source=x', 1)).toEqual({ ok: false, reason: 'seen' });
    expect(b.admit('https://exempel.se/djup', 3)).toEqual({ ok: false, reason: 'max_depth' });
    expect(b.admit('https://exempel.se/kalender/2026/11', 1).ok).toBe(true);
    expect(b.admit('https://exempel.se/kalender/2026/12', 2).ok).toBe(true);
    expect(b.admit('https://exempel.se/kalender/2027/1', 2)).toEqual({ ok: false, reason: 'pattern_cap' });
    expect(b.admit('https://exempel.se/a', 1).ok).toBe(true);
    expect(b.admit('https://exempel.se/b', 1).ok).toBe(true);
    expect(b.full).toBe(true);
    expect(b.admit('https://exempel.se/c', 1)).toEqual({ ok: false, reason: 'max_pages' });
    expect(b.admit('mailto:x@y.se', 1)).toEqual({ ok: false, reason: 'invalid' });
    expect(urlPattern('https://exempel.se/kalender/2026/11?vy=vecka&datum=2026-11-01')).toBe('exempel.se/kalender/#/#?datum&vy');
  });
});

describe('following links on the fixture site', () => {
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

  it('crawls the site breadth first: tracking duplicates fetched once, the calendar trap and the PDF not followed', async () => {
    const budget = new CrawlBudget({ maxPages: 50, maxDepth: 5 });
    const queue: { url: string; depth: number }[] = [{ url: site.url + '/', depth: 0 }];
    budget.admit(queue[0].url, 0);
    const fetched: string[] = [];
    const skipped = new Map<string, string>();
    while (queue.length) {
      const { url, depth } = queue.shift()!;
      const r = await fetcher.fetch(url);
      fetched.push(url.slice(site.url.length));
      if (r.kind !== 'html') continue;
      const links = extractLinks(r.text!, r.url, { traps: { now } });
      links.skipped.forEach((s) => skipped.set(s.url.slice(site.url.length), s.reason));
      for (const next of links.pages) if (budget.admit(next, depth + 1).ok) queue.push({ url: next, depth: depth + 1 });
    }
    expect(fetched).toEqual([
      '/', '/tjanster', '/om-oss/', '/nyheter', '/kontakt', '/erbjudande', '/kalender', '/intern/rapport',
      '/kampanj-latin1', '/kampanj-1252',
      '/KONTAKT', // paths are case-sensitive: a different page (404 here), but its ?gclid was dropped
    ]);
    expect(skipped.get('/files/broschyr.pdf')).toBe('not_a_page');
    expect(skipped.get('/kalender/2026/11')).toBe('calendar');
    expect(skipped.get('/om-oss/team/om-oss/team/om-oss/team')).toBe('repeated_segments');
    // Every spelling of /tjanster (tracking params, trailing slash) and of /kontakt was requested once.
    expect(site.requests.filter((r) => r.path.startsWith('/tjanster'))).toHaveLength(1);
    expect(site.requests.filter((r) => r.path.startsWith('/kontakt'))).toHaveLength(1);
  });

  it('stops a calendar trap with the per-pattern cap even without the heuristics', async () => {
    site.reset();
    const budget = new CrawlBudget({ maxPages: 500, maxDepth: 500, maxPerPattern: 10 });
    const queue = [{ url: `${site.url}/kalender`, depth: 0 }];
    budget.admit(queue[0].url, 0);
    while (queue.length) {
      const { url, depth } = queue.shift()!;
      const r = await fetcher.fetch(url);
      const links = extractLinks(r.text ?? '', r.url, { maxLinks: 100 });
      const candidates = [...links.pages, ...links.skipped.filter((s) => s.reason === 'calendar').map((s) => s.url)];
      for (const next of candidates) if (budget.admit(next, depth + 1).ok) queue.push({ url: next, depth: depth + 1 });
    }
    const calendarHits = site.requests.filter((r) => r.path.startsWith('/kalender/'));
    expect(calendarHits.length).toBeLessThanOrEqual(20); // 10 month pages + 10 week views
    expect(calendarHits.length).toBeGreaterThan(0);
  });
});
