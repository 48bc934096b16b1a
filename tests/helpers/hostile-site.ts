/**
 * Test helper: a hostile web site on 127.0.0.1 (node:http, free port), the attacks a crawled site
 * can make, for crawler tests, the kill-during-crawl test and the soak mode of bench/mixed.ts:
 *
 *   /                 start page linking to every page below
 *   /nested           2 MB of nested <div>s (180,000 deep)
 *   /unclosed         2 MB of unclosed <b><i>
 *   /spaced           2 MB of spaced-out letters ("p r e s e n t k o r t …")
 *   /entities         2 MB of entities
 *   /links            a page with 10,000 same-site links (to /l/N, each a small page)
 *   /gzip-bomb        ~200 KB of gzip that inflates to 200 MB of HTML
 *   /drip             one byte every 200 ms, for ever
 *   /endless          HTML streamed as fast as it is read, for ever
 *   /loop/a, /loop/b  redirect to each other
 *   /ok               an ordinary page with a finding ("presentkort")
 *
 * Pages are built once per process (each hostile page is a few MB).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { HOSTILE_SHAPES } from '../fixtures/hostile/shapes';

export interface HostileSite {
  url: string;
  /** Requests per path so far. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const SIZE = 2_000_000;
const OK_PAGE = '<!doctype html><html lang="sv"><head><title>Erbjudande</title></head><body><main><p>Välj oss som leverantör och få ett presentkort på 500 kr!</p></main></body></html>';

let pages: Map<string, string> | undefined;
let bomb: Buffer | undefined;

function hostilePages(): Map<string, string> {
  if (!pages) {
    const k = 180_000;
    pages = new Map([
      ['/nested', `<!doctype html><html><body>${'<div>'.repeat(k)}Välj oss och få ett presentkort${'</div>'.repeat(k)}</body></html>`],
      ['/unclosed', `<!doctype html><html><body>${'<b><i>'.repeat(100_000)}x</body></html>`],
      ['/spaced', HOSTILE_SHAPES['spaced-out letters'](SIZE)],
      ['/entities', HOSTILE_SHAPES['long run of entities'](SIZE)],
      ['/links', `<!doctype html><html><body>${Array.from({ length: 10_000 }, (_, i) => `<a href="/l/${i}">sida ${i}</a>`).join(' ')}</body></html>`],
      ['/ok', OK_PAGE],
      // Not linked from the start page: the slowest shape for the engine after it became linear,
      // for tests that need a check to outlast a short time limit.
      ['/giant-text', HOSTILE_SHAPES['giant text node without spaces'](1_500_000)], // under the URL check's 2 MiB cap
    ]);
  }
  return pages;
}

function gzipBomb(): Buffer {
  // 200 MB of white space inside a page, compressed (~200 KB): the reader must stop at its byte cap.
  if (!bomb) bomb = gzipSync(Buffer.concat([Buffer.from('<!doctype html><html><body><p>'), Buffer.alloc(200 * 1024 * 1024, 0x20)]), { level: 9 });
  return bomb;
}

const START = `<!doctype html><html><head><title>Fientlig webbplats</title></head><body><main>
<a href="/nested">n</a> <a href="/unclosed">u</a> <a href="/spaced">s</a> <a href="/entities">e</a> <a href="/links">l</a>
<a href="/gzip-bomb">g</a> <a href="/drip">d</a> <a href="/endless">e</a> <a href="/loop/a">r</a> <a href="/ok">o</a>
</main></body></html>`;

function html(res: ServerResponse, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra });
  res.end(body);
}

/** Starts the hostile site; `close()` stops it and every endless response. */
export async function startHostileSite(): Promise<HostileSite> {
  const p = hostilePages();
  gzipBomb(); // built before serving (compressing 200 MB takes a while)
  const hits = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/') return html(res, START);
    const page = p.get(path);
    // Each answer differs (a counter at the end), so a recrawl analyses the page again.
    if (page) return html(res, `${page}<!-- ${hits.get(path)} -->`);
    if (path.startsWith('/l/')) return html(res, `<!doctype html><html><body><p>Sida ${path.slice(3)}</p></body></html>`);
    if (path === '/gzip-bomb') return html(res, gzipBomb(), { 'content-encoding': 'gzip' });
    if (path === '/loop/a' || path === '/loop/b') return void res.writeHead(302, { location: path === '/loop/a' ? '/loop/b' : '/loop/a' }).end();
    if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write(' '), 200);
      timers.add(t);
      res.on('close', () => (clearInterval(t), timers.delete(t)));
      return;
    }
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.from('<p>mer text '.repeat(1000));
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
