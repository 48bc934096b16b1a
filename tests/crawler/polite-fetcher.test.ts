// robots.txt, Crawl-delay, backoff and retries end to end against the fixture site, in real time.
// Request timestamps are taken by the fixture server when each request arrives.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { createPoliteFetcher } from '../../src/crawler/polite-fetcher';
import { crawlerUserAgent } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

const UA = crawlerUserAgent('https://valkollen.example');
const TIMER_SLACK_MS = 15; // server and client clocks are read at slightly different moments
let fetcher: NodePageFetcher;

beforeAll(() => {
  fetcher = createNodePageFetcher({ userAgent: UA, allowHosts: ['127.0.0.1'], timeoutMs: 2000 });
});
afterAll(() => fetcher.close());

describe('robots.txt and Crawl-delay (Crawl-delay: 1)', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite({ crawlDelay: 1 });
  });
  afterAll(() => site.close());

  it('spaces every request to the host by the Crawl-delay and skips disallowed pages', async () => {
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 100 } });
    const pages = ['/', '/tjanster', '/intern/rapport', '/kontakt'];
    const results = await Promise.all(pages.map((p) => polite.fetch(site.url + p)));

    expect(results.map((r) => r.kind)).toEqual(['html', 'html', 'robots_disallowed', 'html']);
    expect(results[0]).toMatchObject({ attempts: 1, crawlDelaySeconds: 1 });
    expect(results[2]).toMatchObject({ attempts: 0, error: 'disallowed by robots.txt' });
    expect(site.requestsTo('/intern/rapport')).toHaveLength(0);

    const paths = site.requests.map((r) => r.path);
    expect(paths[0]).toBe('/robots.txt');
    expect(paths.filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect([...paths.slice(1)].sort()).toEqual(['/', '/kontakt', '/tjanster']);
    // Every gap, robots.txt → first page included, is at least the Crawl-delay (not the 100 ms floor).
    const gaps = site.requests.slice(1).map((r, i) => r.at - site.requests[i].at);
    expect(gaps).toHaveLength(3);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
  });

  it('refuses a redirect into a disallowed path without requesting it', async () => {
    site.reset();
    site.route('/till-intern', (_req, res) => {
      res.writeHead(302, { location: '/intern/rapport' });
      res.end();
    });
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 } });
    const r = await polite.fetch(`${site.url}/till-intern`);
    expect(r.kind).toBe('robots_disallowed');
    expect(r.error).toMatch(/redirect target .*\/intern\/rapport/);
    expect(site.requestsTo('/intern/rapport')).toHaveLength(0);
  });
});

describe('backoff and retries (no Crawl-delay, floor 0)', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.reset());

  it('waits out a 429 with Retry-After: 1 and then gets the page', async () => {
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 } });
    const r = await polite.fetch(`${site.url}/rate-limited`);
    expect(r).toMatchObject({ kind: 'html', status: 200, attempts: 2 });
    const [first, second] = site.requestsTo('/rate-limited');
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
  });

  it('hands back a long Retry-After and defers the host instead of sleeping', async () => {
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 }, retry: { maxInlineWaitMs: 500 } });
    const r = await polite.fetch(`${site.url}/unavailable`);
    expect(r).toMatchObject({ kind: 'http_error', status: 503, attempts: 1 });
    expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const next = await polite.fetch(`${site.url}/kontakt`, { maxWaitMs: 100 });
    expect(next.kind).toBe('deferred');
    expect(next.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(site.requestsTo('/kontakt')).toHaveLength(0);
  });

  it('retries network errors with backoff, up to the attempt limit', async () => {
    site.route('/avbruten', (req) => {
      req.socket.destroy();
    });
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 }, retry: { maxAttempts: 3, baseDelayMs: 100, random: () => 0 } });
    const r = await polite.fetch(`${site.url}/avbruten`);
    expect(r).toMatchObject({ kind: 'error', errorKind: 'network', attempts: 3 });
    const hits = site.requestsTo('/avbruten');
    expect(hits).toHaveLength(3);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(50 - TIMER_SLACK_MS);
    expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(100 - TIMER_SLACK_MS);
  });

  it('reports SSRF refusals without any request', async () => {
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 } });
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://localhost/', 'file:///etc/passwd']) {
      const r = await polite.fetch(url);
      expect(r.kind, url).toBe('refused');
      expect(r.attempts).toBe(0);
    }
  });

  it('treats an unreachable robots.txt as a temporary disallow with a retry time', async () => {
    site.route('/robots.txt', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const polite = createPoliteFetcher({ fetcher, schedulerOptions: { floorMs: 0 }, robotsOptions: { errorTtlMs: 600_000 } });
    const r = await polite.fetch(`${site.url}/kontakt`);
    expect(r.kind).toBe('robots_disallowed');
    expect(r.error).toMatch(/robots\.txt unavailable \(HTTP 503\)/);
    expect(r.retryAfterSeconds).toBeGreaterThan(590);
    expect(site.requestsTo('/kontakt')).toHaveLength(0);
  });
});
