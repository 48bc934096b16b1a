// The page fetcher against the real fixture site on 127.0.0.1, through the Node adapter
// (undici Agent with the SSRF-guarded lookup), exactly as the crawler runs in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, type NodePageFetcher } from '../../src/web/fetch.node';
import { crawlerUserAgent, VERSION } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

const UA = crawlerUserAgent('https://valkollen.example/');
let site: FixtureSite;
let fetcher: NodePageFetcher;

beforeAll(async () => {
  site = await startFixtureSite();
  fetcher = createNodePageFetcher({ userAgent: UA, allowHosts: ['127.0.0.1'], timeoutMs: 10_000 });
});
afterAll(async () => {
  await fetcher.close();
  await site.close();
});

describe('fetching HTML pages', () => {
  it('fetches a UTF-8 page with its metadata and identifies itself', async () => {
    const r = await fetcher.fetch(`${site.url}/erbjudande`);
    expect(r).toMatchObject({ kind: 'html', status: 200, contentType: 'text/html', charset: 'utf-8', charsetSource: 'header', redirects: [] });
    expect(r.text).toContain('Välj oss som leverantör och få ett presentkort på 500 kr!');
    expect(r.bytes).toBe(new TextEncoder().encode(r.text).byteLength);
    expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(r.lastModified).toBe('Wed, 01 Oct 2025 08:00:00 GMT');
    const req = site.requestsTo('/erbjudande').at(-1)!;
    expect(req.headers['user-agent']).toBe(`Valkollen/${VERSION} (+https://valkollen.example/om-crawlern)`);
    expect(req.headers['accept-language']).toMatch(/^sv/);
  });

  it('gives the same content hash for the same text and a different one for other text', async () => {
    const a = await fetcher.fetch(`${site.url}/tjanster`);
    const b = await fetcher.fetch(`${site.url}/tjanster/`);
    const c = await fetcher.fetch(`${site.url}/kontakt`);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });

  it('decodes gzip and brotli bodies', async () => {
    const plain = await fetcher.fetch(`${site.url}/tjanster`);
    for (const path of ['/komprimerad-gzip', '/komprimerad-br']) {
      const r = await fetcher.fetch(`${site.url}${path}`);
      expect(r.kind).toBe('html');
      expect(r.text).toBe(plain.text);
      expect(r.contentHash).toBe(plain.contentHash);
    }
    expect(site.requestsTo('/komprimerad-br').at(-1)!.headers['accept-encoding']).toMatch(/br/);
  });

  it('answers a conditional GET with not_modified (ETag and Last-Modified)', async () => {
    const first = await fetcher.fetch(`${site.url}/kontakt`);
    const byEtag = await fetcher.fetch(`${site.url}/kontakt`, { etag: first.etag });
    expect(byEtag).toMatchObject({ kind: 'not_modified', status: 304, etag: first.etag });
    expect(byEtag.text).toBeUndefined();
    expect(site.requestsTo('/kontakt').at(-1)!.headers['if-none-match']).toBe(first.etag);
    const byDate = await fetcher.fetch(`${site.url}/kontakt`, { lastModified: first.lastModified });
    expect(byDate.kind).toBe('not_modified');
    const changed = await fetcher.fetch(`${site.url}/kontakt`, { etag: '"gammal"' });
    expect(changed.kind).toBe('html');
  });

  it('sniffs an HTML page sent without Content-Type', async () => {
    const r = await fetcher.fetch(`${site.url}/utan-typ`);
    expect(r).toMatchObject({ kind: 'html', contentType: null });
    expect(r.text).toContain('Sida utan Content-Type.');
  });
});

describe('Swedish legacy encodings', () => {
  const sentence = 'Välj oss och få ett presentkort på 500 kr – gåvokort åt alla!';

  it('decodes a page declared ISO-8859-1 in the header (as windows-1252, like browsers)', async () => {
    const r = await fetcher.fetch(`${site.url}/kampanj-latin1`);
    expect(r).toMatchObject({ kind: 'html', charset: 'windows-1252', charsetSource: 'header' });
    expect(r.text).toContain(sentence);
    expect(r.text).toContain('Öppet hus på kontoret i Köping – välkommen!');
    expect(r.text).not.toContain('\uFFFD');
  });

  it('decodes a windows-1252 page whose charset is only in <meta http-equiv>', async () => {
    const r = await fetcher.fetch(`${site.url}/kampanj-1252`);
    expect(r).toMatchObject({ kind: 'html', charset: 'windows-1252', charsetSource: 'meta' });
    expect(r.text).toContain(sentence);
    expect(r.text).toContain('“Bästa stödet i Sala”');
  });
});

describe('redirects', () => {
  it('follows a redirect chain and reports the hops and the final URL', async () => {
    const r = await fetcher.fetch(`${site.url}/redirect/start`);
    expect(r.kind).toBe('html');
    expect(r.url).toBe(`${site.url}/om-oss`);
    expect(r.redirects).toEqual([`${site.url}/redirect/start`, `${site.url}/redirect/middle`]);
    expect(r.text).toContain('Om Lärkträdets Jobbcoacher');
  });

  it('detects a redirect loop', async () => {
    const r = await fetcher.fetch(`${site.url}/loop/a`);
    expect(r.kind).toBe('redirect_loop');
    expect(r.redirects).toEqual([`${site.url}/loop/a`, `${site.url}/loop/b`]);
    expect(site.requestsTo('/loop/a')).toHaveLength(1);
  });

  it('stops after the redirect limit', async () => {
    const ok = await fetcher.fetch(`${site.url}/redirect/chain/4`); // 5 redirects
    expect(ok.kind).toBe('html');
    const r = await fetcher.fetch(`${site.url}/redirect/chain/9`);
    expect(r.kind).toBe('too_many_redirects');
    expect(r.redirects).toHaveLength(6);
  });

  it('refuses a redirect from the allowed site to private and metadata addresses without contacting them', async () => {
    for (const [path, target] of [
      ['/redirect/to-private', 'http://10.0.0.1/admin'],
      ['/redirect/to-metadata', 'http://169.254.169.254/latest/meta-data/'],
    ]) {
      const r = await fetcher.fetch(`${site.url}${path}`);
      expect(r.kind).toBe('refused');
      expect(r.url).toBe(target);
      expect(r.error).toMatch(/private|link-local/);
    }
  });

  it('refuses a redirect to localhost when only 127.0.0.1 is allowed', async () => {
    const r = await fetcher.fetch(`${site.url}/redirect/to-localhost`);
    expect(r).toMatchObject({ kind: 'refused' });
    expect(r.error).toMatch(/localhost/);
  });
});

describe('limits and failures', () => {
  it('times out a page that stalls mid-body, and one that never answers', async () => {
    const quick = createNodePageFetcher({ userAgent: UA, allowHosts: ['127.0.0.1'], timeoutMs: 500 });
    try {
      const t0 = Date.now();
      const body = await quick.fetch(`${site.url}/slow`);
      expect(body).toMatchObject({ kind: 'error', errorKind: 'timeout', error: 'timeout after 500 ms' });
      expect(Date.now() - t0).toBeLessThan(2500); // the page would take 5 s
      const headers = await quick.fetch(`${site.url}/slow-headers`);
      expect(headers).toMatchObject({ kind: 'error', errorKind: 'timeout', status: 0 });
    } finally {
      await quick.close();
    }
  });

  it('stops reading an oversized page at the cap', async () => {
    const small = createNodePageFetcher({ userAgent: UA, allowHosts: ['127.0.0.1'], maxBytes: 100_000 });
    try {
      const streamed = await small.fetch(`${site.url}/stor-sida`);
      expect(streamed).toMatchObject({ kind: 'too_large', bytes: 100_000 });
      expect(streamed.text).toBeUndefined();
      const declared = await small.fetch(`${site.url}/stor-sida-med-langd`);
      expect(declared.kind).toBe('too_large');
      // The default cap is 2 MB, the page 3 MB.
      expect((await fetcher.fetch(`${site.url}/stor-sida`)).kind).toBe('too_large');
    } finally {
      await small.close();
    }
  });

  it('skips non-HTML types without reading them and records the type', async () => {
    const r = await fetcher.fetch(`${site.url}/files/broschyr.pdf`);
    expect(r).toMatchObject({ kind: 'skipped_type', status: 200, contentType: 'application/pdf', bytes: 0 });
  });

  it('reports 429 and 503 with Retry-After in seconds (number and HTTP date)', async () => {
    site.reset();
    const r429 = await fetcher.fetch(`${site.url}/rate-limited`);
    expect(r429).toMatchObject({ kind: 'http_error', status: 429, retryAfterSeconds: 1 });
    const r503 = await fetcher.fetch(`${site.url}/unavailable`);
    expect(r503).toMatchObject({ kind: 'http_error', status: 503 });
    expect(r503.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(r503.retryAfterSeconds).toBeLessThanOrEqual(3);
  });

  it('reports 404 and 500 as http_error', async () => {
    expect(await fetcher.fetch(`${site.url}/finns-inte`)).toMatchObject({ kind: 'http_error', status: 404 });
    expect(await fetcher.fetch(`${site.url}/nere`)).toMatchObject({ kind: 'http_error', status: 500 });
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startFixtureSite();
    const url = closed.url;
    await closed.close();
    const r = await fetcher.fetch(`${url}/`);
    expect(r).toMatchObject({ kind: 'error', errorKind: 'network', status: 0 });
    expect(r.error).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('stops when the caller aborts', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    const r = await fetcher.fetch(`${site.url}/slow`, { signal: ctl.signal });
    expect(r).toMatchObject({ kind: 'error', errorKind: 'aborted' });
  });
});

describe('text mode (robots.txt, sitemaps)', () => {
  it('reads non-HTML text and gunzips .gz files', async () => {
    const robots = await fetcher.fetch(`${site.url}/robots.txt`, { accept: 'text' });
    expect(robots).toMatchObject({ kind: 'text', contentType: 'text/plain' });
    expect(robots.text).toContain('Disallow: /intern/');
    const gz = await fetcher.fetch(`${site.url}/sitemap-extra.xml.gz`, { accept: 'text' });
    expect(gz.kind).toBe('text');
    expect(gz.text).toContain('<urlset');
  });

  it('can truncate instead of failing on size', async () => {
    const r = await fetcher.fetch(`${site.url}/stor-sida`, { accept: 'text', maxBytes: 1000, truncate: true });
    expect(r).toMatchObject({ kind: 'text', bytes: 1000, truncated: true });
  });
});
