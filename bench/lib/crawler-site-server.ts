/**
 * Child process: serves the crawler benchmark's fixture site (`crawler-site.ts`) on 127.0.0.1 at a
 * free port and reports `{ ready: url, pages, avgBytes }` to its parent over IPC.
 *
 * Pages are rendered once at start (so serving costs the same for every crawler), sent as
 * UTF-8 HTML with Content-Length and no compression. robots.txt allows everything; there is no
 * sitemap (404), so crawlers find pages by links. `/__bench/stats` (JSON: requests by kind) and
 * `/__bench/reset` are for the benchmark driver and linked from nowhere.
 *
 * Env: SITE_PAGES (default 2000).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageHtml, pagePath } from './crawler-site.ts';

const n = Number(process.env.SITE_PAGES ?? 2000);
const pages = new Map<string, Buffer>();
for (let i = 0; i < n; i++) pages.set(pagePath(i), Buffer.from(pageHtml(i, n), 'utf8'));
const robots = Buffer.from('User-agent: *\nAllow: /\n');

let stats = { pages: 0, robots: 0, notFound: 0, distinctPages: new Set<string>() };
const reset = () => (stats = { pages: 0, robots: 0, notFound: 0, distinctPages: new Set<string>() });

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/__bench/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ pages: stats.pages, distinctPages: stats.distinctPages.size, robots: stats.robots, notFound: stats.notFound }));
    return;
  }
  if (path === '/__bench/reset') {
    reset();
    res.writeHead(204);
    res.end();
    return;
  }
  if (path === '/robots.txt') {
    stats.robots++;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': robots.length });
    res.end(robots);
    return;
  }
  const body = pages.get(path) ?? pages.get(path.replace(/\/$/, ''));
  if (!body) {
    stats.notFound++;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Sidan finns inte');
    return;
  }
  stats.pages++;
  stats.distinctPages.add(path);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'max-age=300' });
  res.end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const total = [...pages.values()].reduce((a, b) => a + b.length, 0);
  process.send?.({ ready: `http://127.0.0.1:${port}`, pages: n, avgBytes: Math.round(total / n) });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
