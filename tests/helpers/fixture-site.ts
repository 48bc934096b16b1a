/**
 * Test helper: a real fictional provider web site ("Lärkträdets Jobbcoacher") served over HTTP on
 * 127.0.0.1 (node:http, free port) for crawler tests. It serves the pages under
 * tests/fixtures/site/ ("{{BASE}}" in a file becomes the site's origin) plus programmable routes
 * for the awkward cases a crawler meets, and records every request with a high-resolution
 * timestamp so tests can assert politeness.
 *
 * Paths: "/" → index.html; "/a" and "/a/" → a.html or a/index.html; ".xml" files as XML;
 * "/x.xml.gz" → x.xml gzipped as application/x-gzip. Pages are sent with ETag / Last-Modified and
 * answer conditional requests with 304. Built-in routes (see `builtInRoutes`):
 *   /robots.txt                 Disallow /intern/, optional Crawl-delay, Sitemap line
 *   /redirect/start             301 → /redirect/middle → 302 → /om-oss
 *   /redirect/chain/N           N redirects, then /
 *   /loop/a, /loop/b            redirect to each other
 *   /redirect/to-private        302 → http://10.0.0.1/admin (must be refused, never contacted)
 *   /redirect/to-metadata       302 → http://169.254.169.254/latest/meta-data/
 *   /redirect/to-localhost      302 → http://localhost:PORT/
 *   /rate-limited               429 with Retry-After: 1 on the first request, then a page
 *   /unavailable                503 with Retry-After as an HTTP date 2 s ahead
 *   /slow                       headers and half a page, then silence for 5 s
 *   /slow-headers               no answer for 5 s
 *   /stor-sida                  3 MB of HTML, streamed without Content-Length
 *   /stor-sida-med-langd        3 MB with Content-Length
 *   /kampanj-latin1             kampanj-latin1.html as windows-1252 bytes, "charset=ISO-8859-1" header
 *   /kampanj-1252               kampanj-1252.html as windows-1252 bytes, charset only in <meta>
 *   /komprimerad-gzip, -br      tjanster.html with Content-Encoding gzip / br
 *   /kalender, /kalender/Y/M    a calendar whose pages link to the next and previous month forever
 *   /files/broschyr.pdf         a small PDF
 *   /utan-typ                   an HTML page without Content-Type
 *   /nere                       500
 *
 * `site.setPage(path, html)` changes or adds a page (null removes it → 404) and `site.route(path,
 * handler)` adds a handler, so later tests (crawl ticks) can change the site between crawls.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const FIXTURE_SITE_DIR = fileURLToPath(new URL('../fixtures/site/', import.meta.url));

export interface FixtureRequest {
  method: string;
  /** Path and query as requested, e.g. "/tjanster?utm_source=x". */
  path: string;
  headers: IncomingHttpHeaders;
  /** Arrival time in ms since the epoch, sub-millisecond precision. */
  at: number;
}

export interface RouteContext {
  site: FixtureSite;
  url: URL;
  /** How many times this route has been requested, this one included (reset by `reset()`). */
  count: number;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

export interface FixtureSiteOptions {
  /** Crawl-delay (seconds) written into the default robots.txt; omitted when undefined. */
  crawlDelay?: number;
  /** Replaces the whole robots.txt ("{{BASE}}" is substituted); null → 404. */
  robotsTxt?: string | null;
  /** Extra or replacing routes, by exact path (no query). A trailing "*" matches a prefix. */
  routes?: Record<string, RouteHandler>;
  /** Extra or replacing pages (HTML, "{{BASE}}" substituted), by path. */
  pages?: Record<string, string>;
}

export interface FixtureSite {
  /** Origin without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  port: number;
  /** Every request received, in arrival order. */
  requests: FixtureRequest[];
  /** Requests whose path (without query) equals `path`. */
  requestsTo(path: string): FixtureRequest[];
  /** Source of the page served at `path` ("{{BASE}}" substituted); undefined if there is none. */
  pageSource(path: string): string | undefined;
  /** Sets, adds or (null) removes a page. */
  setPage(path: string, html: string | null): void;
  /** Adds or replaces a route handler. */
  route(path: string, handler: RouteHandler): void;
  /** Forgets recorded requests and route counters. */
  reset(): void;
  close(): Promise<void>;
}

/** The windows-1252 bytes 0x80–0x9F that fixture pages use (the rest is ISO-8859-1). */
const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 };

/** Encodes text as windows-1252 bytes (what "ISO-8859-1" pages on the web really contain). */
export function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const cp = ch.codePointAt(0)!;
      const b = CP1252_EXTRA[ch] ?? (cp <= 0xff && (cp < 0x80 || cp > 0x9f) ? cp : undefined);
      if (b === undefined) throw new Error(`character ${JSON.stringify(ch)} has no windows-1252 byte`);
      return b;
    }),
  );
}

function readFixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(FIXTURE_SITE_DIR, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(FIXTURE_SITE_DIR);
  return files;
}

const LAST_MODIFIED = 'Wed, 01 Oct 2025 08:00:00 GMT';

function send(res: ServerResponse, status: number, headers: Record<string, string | number>, body?: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(body);
}

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
}

/** The built-in programmable routes; see the module header. */
function builtInRoutes(opts: FixtureSiteOptions): Record<string, RouteHandler> {
  const redirect = (to: string, status = 302): RouteHandler => (_req, res) => send(res, status, { location: to, 'content-length': 0 });
  const timers = new Set<NodeJS.Timeout>();
  const later = (res: ServerResponse, ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(t);
    res.on('close', () => clearTimeout(t));
  };
  const bigHtml = () => {
    const para = '<p>Lorem ipsum om Rusta och matcha, om och om igen, för att göra sidan riktigt stor. </p>\n';
    return '<!doctype html><html><head><meta charset="utf-8"><title>Stor</title></head><body>' + para.repeat(Math.ceil((3 * 1024 * 1024) / para.length)) + '</body></html>';
  };
  return {
    '/robots.txt': (_req, res, { site }) => {
      if (opts.robotsTxt === null) return send(res, 404, { 'content-type': 'text/plain' }, 'Not found');
      const body =
        opts.robotsTxt ??
        [
          '# robots.txt för Lärkträdets Jobbcoacher',
          'User-agent: *',
          'Disallow: /intern/',
          ...(opts.crawlDelay !== undefined ? [`Crawl-delay: ${opts.crawlDelay}`] : []),
          '',
          'User-agent: DåligBot',
          'Disallow: /',
          '',
          'Sitemap: {{BASE}}/sitemap.xml',
          '',
        ].join('\n');
      send(res, 200, { 'content-type': 'text/plain; charset=utf-8' }, body.replaceAll('{{BASE}}', site.url));
    },
    '/redirect/start': redirect('/redirect/middle', 301),
    '/redirect/middle': redirect('/om-oss'),
    '/redirect/chain/*': (_req, res, { url }) => {
      const n = Number(url.pathname.split('/').pop());
      send(res, 302, { location: n > 0 ? `/redirect/chain/${n - 1}` : '/', 'content-length': 0 });
    },
    '/loop/a': redirect('/loop/b'),
    '/loop/b': redirect('/loop/a'),
    '/redirect/to-private': redirect('http://10.0.0.1/admin'),
    '/redirect/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/redirect/to-localhost': (_req, res, { site }) => send(res, 302, { location: `http://localhost:${site.port}/`, 'content-length': 0 }),
    '/rate-limited': (_req, res, { count }) => {
      if (count === 1) return send(res, 429, { 'retry-after': '1', 'content-type': 'text/plain' }, 'Too many requests');
      send(res, 200, { 'content-type': 'text/html; charset=utf-8' }, htmlPage('Efter väntan', '<p>Tack för att du väntade.</p>'));
    },
    '/unavailable': (_req, res) =>
      send(res, 503, { 'retry-after': new Date(Date.now() + 2000).toUTCString(), 'content-type': 'text/plain' }, 'Service unavailable'),
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><head><title>Långsam</title></head><body><p>Det här tar tid');
      later(res, 5000, () => res.end('</p></body></html>'));
    },
    '/slow-headers': (_req, res) => later(res, 5000, () => send(res, 200, { 'content-type': 'text/html' }, htmlPage('Sen', ''))),
    '/stor-sida': (_req, res) => {
      const body = Buffer.from(bigHtml());
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let at = 0;
      const pump = () => {
        while (at < body.length) {
          const chunk = body.subarray(at, at + 64 * 1024);
          at += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    },
    '/stor-sida-med-langd': (_req, res) => {
      const body = Buffer.from(bigHtml());
      res.on('error', () => undefined);
      send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }, body);
    },
    '/kampanj-latin1': (_req, res, { site }) =>
      send(res, 200, { 'content-type': 'text/html; charset=ISO-8859-1' }, encodeWindows1252(site.pageSource('/kampanj-latin1')!)),
    '/kampanj-1252': (_req, res, { site }) =>
      send(res, 200, { 'content-type': 'text/html' }, encodeWindows1252(site.pageSource('/kampanj-1252')!)),
    '/komprimerad-gzip': (_req, res, { site }) =>
      send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', vary: 'Accept-Encoding' }, gzipSync(site.pageSource('/tjanster')!)),
    '/komprimerad-br': (_req, res, { site }) =>
      send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br', vary: 'Accept-Encoding' }, brotliCompressSync(site.pageSource('/tjanster')!)),
    '/kalender': (_req, res) =>
      send(res, 200, { 'content-type': 'text/html; charset=utf-8' }, htmlPage('Kalender', '<h1>Kalender</h1><a href="/kalender/2026/11">November 2026</a>')),
    '/kalender/*': (_req, res, { url }) => {
      const [y, m] = url.pathname.split('/').slice(2).map(Number);
      const next = m === 12 ? [y + 1, 1] : [y, m + 1];
      const prev = m === 1 ? [y - 1, 12] : [y, m - 1];
      const body = `<h1>Träffar ${y}-${String(m).padStart(2, '0')}</h1><p>Öppet hus varje tisdag.</p>
        <a href="/kalender/${prev[0]}/${prev[1]}">Föregående månad</a> <a href="/kalender/${next[0]}/${next[1]}">Nästa månad</a>
        <a href="/kalender/${y}/${m}?vy=vecka&amp;datum=${y}-${String(m).padStart(2, '0')}-01">Veckovy</a>`;
      send(res, 200, { 'content-type': 'text/html; charset=utf-8' }, htmlPage(`Kalender ${y}-${m}`, body));
    },
    '/files/broschyr.pdf': (_req, res) =>
      send(res, 200, { 'content-type': 'application/pdf' }, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')),
    '/utan-typ': (_req, res) => {
      // node:http adds no Content-Type by itself.
      res.writeHead(200, {});
      res.end(htmlPage('Utan typ', '<p>Sida utan Content-Type.</p>'));
    },
    '/nere': (_req, res) => send(res, 500, { 'content-type': 'text/plain' }, 'Internal error'),
  };
}

/** Starts the fixture site on 127.0.0.1 and a free port. */
export async function startFixtureSite(opts: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const files = readFixtureFiles();
  const pages = new Map<string, string>();
  for (const [path, html] of Object.entries(opts.pages ?? {})) pages.set(path, html);
  const routes = new Map<string, RouteHandler>(Object.entries({ ...builtInRoutes(opts), ...(opts.routes ?? {}) }));
  const counts = new Map<string, number>();
  const requests: FixtureRequest[] = [];

  /** Source text of the page at `path` ({{BASE}} substituted), from setPage or the fixture files. */
  const pageSource = (path: string): string | undefined => {
    let html: string | undefined;
    const key = path.replace(/\/+$/, '') || '/';
    if (pages.has(key)) html = pages.get(key);
    else {
      const p = path.replace(/^\/+|\/+$/g, '');
      html = p === '' ? files.get('index.html') : (files.get(`${p}.html`) ?? files.get(`${p}/index.html`) ?? files.get(p));
    }
    return html?.replaceAll('{{BASE}}', site.url);
  };

  const removed = new Set<string>();
  const findRoute = (path: string): RouteHandler | undefined => {
    const exact = routes.get(path);
    if (exact) return exact;
    for (const [key, handler] of routes) if (key.endsWith('*') && path.startsWith(key.slice(0, -1))) return handler;
    return undefined;
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const gz = path.endsWith('.gz');
    const source = removed.has(path.replace(/\/+$/, '') || '/') ? undefined : pageSource(gz ? path.slice(0, -3) : path);
    if (source === undefined) return send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, htmlPage('Sidan finns inte', '<h1>404</h1>'));
    if (gz) return send(res, 200, { 'content-type': 'application/x-gzip' }, gzipSync(source));
    const type = path.endsWith('.xml') ? 'application/xml; charset=utf-8' : path.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8';
    const etag = '"' + createHash('sha1').update(source).digest('hex').slice(0, 16) + '"';
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = inm !== undefined ? inm.split(/\s*,\s*/).includes(etag) : ims !== undefined && Date.parse(ims) >= Date.parse(LAST_MODIFIED);
    if (notModified) return send(res, 304, { etag, 'last-modified': LAST_MODIFIED });
    send(res, 200, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED }, source);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', site.url);
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, at: performance.timeOrigin + performance.now() });
    const handler = findRoute(url.pathname);
    const key = handler ? [...routes].find(([, h]) => h === handler)![0] : url.pathname;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    Promise.resolve(handler ? handler(req, res, { site, url, count }) : serveFile(req, res, url.pathname)).catch((err) => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, String(err));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const site: FixtureSite = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    pageSource,
    requestsTo: (path: string) => requests.filter((r) => r.path.split('?')[0] === path),
    setPage(path: string, html: string | null) {
      const p = path.replace(/\/+$/, '') || '/';
      if (html === null) {
        pages.delete(p);
        removed.add(p);
      } else {
        removed.delete(p);
        pages.set(p, html);
      }
    },
    route(path: string, handler: RouteHandler) {
      routes.set(path, handler);
    },
    reset() {
      requests.length = 0;
      counts.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  return site;
}
