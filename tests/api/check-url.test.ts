// POST /api/v1/check with { url }: fetched through the crawler's fetcher against loopback fixture servers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestApp, flagExample, type ApiTestApp } from './api-helpers';
import { loadConfig } from '../../src/config';
import { createNodeFetch } from '../../src/web/fetch.node.ts';
import { startServer } from '../helpers/server';

let server: Server;
let base: string;
let example: { ruleId: string; text: string };
let allowed: ApiTestApp;
let guarded: ApiTestApp;
let noFetcher: ApiTestApp;

beforeAll(async () => {
  allowed = await apiTestApp({ env: { CHECK_URL_ALLOW_HOSTS: '127.0.0.1' }, fetcher: fetch });
  guarded = await apiTestApp({ fetcher: fetch });
  noFetcher = await apiTestApp();
  example = await flagExample(allowed.app);
  server = createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="sv"><head><title>Start</title></head><body><p>${example.text}</p></body></html>`);
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/page' });
      res.end();
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else if (req.url === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"a":1}');
    } else {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<p>oops</p>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  allowed.close();
  guarded.close();
  noFetcher.close();
  await new Promise((r) => server.close(r));
});

describe('POST /api/v1/check with url', () => {
  it('fetches the page (following redirects) and returns its findings', async () => {
    const { status, body } = await allowed.check({ url: `${base}/moved` });
    expect(status).toBe(200);
    expect(body.url).toBe(`${base}/page`);
    expect(body.findings.some((f: any) => f.ruleId === example.ruleId)).toBe(true);
    expect(body.stats.characters).toBeGreaterThan(example.text.length);
  });
  it('422 url_refused for loopback without the allow-list, with the reason', async () => {
    const { status, body } = await guarded.check({ url: `${base}/page` });
    expect(status).toBe(422);
    expect(body).toEqual({ error: { code: 'url_refused', message: expect.stringContaining('127.0.0.1'), field: 'url' } });
  });
  it.each([
    ['http://localhost/', 'local'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://10.0.0.1/', 'private'],
    ['ftp://example.com/file', 'scheme'],
    ['http://user:pw@example.com/', 'credentials'],
  ])('422 url_refused for %s', async (url, why) => {
    const { status, body } = await guarded.check({ url });
    expect(status).toBe(422);
    expect(body.error.code).toBe('url_refused');
    expect(body.error.message.toLowerCase()).toContain(why);
  });
  it('422 url_refused when a redirect leads to a forbidden address', async () => {
    const { status, body } = await allowed.check({ url: `${base}/to-metadata` });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: 'url_refused', field: 'url' });
    expect(body.error.message).toContain('169.254.169.254');
  });
  it('422 url_not_html for a JSON resource', async () => {
    const { status, body } = await allowed.check({ url: `${base}/data.json` });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: 'url_not_html', field: 'url' });
  });
  it('502 url_fetch_failed when the page answers 500', async () => {
    const { status, body } = await allowed.check({ url: `${base}/broken` });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ code: 'url_fetch_failed', message: expect.stringContaining('HTTP 500'), field: 'url' });
  });
  it('502 url_fetch_failed when nothing listens', async () => {
    const { status, body } = await allowed.check({ url: 'http://127.0.0.1:1/' });
    expect(status).toBe(502);
    expect(body.error.code).toBe('url_fetch_failed');
  });
  it('501 url_unavailable when the server has no outbound fetcher', async () => {
    const { status, body } = await noFetcher.check({ url: 'https://example.com/' });
    expect(status).toBe(501);
    expect(body.error.code).toBe('url_unavailable');
  });
});

describe('the url source has its own allow-list (CHECK_URL_ALLOW_HOSTS), never the crawler\'s', () => {
  it('with CRAWL_ALLOW_HOSTS=localhost a key holder cannot make the service fetch its own /healthz (422 url_refused)', async () => {
    const env = { CRAWL_ALLOW_HOSTS: 'localhost,127.0.0.1' };
    // Wired as the Node entry wires it: the app's outbound fetch guarded with the check API's list.
    const guarded = createNodeFetch({ allowHosts: loadConfig(env).CHECK_URL_ALLOW_HOSTS });
    const self = await apiTestApp({ env, fetcher: guarded.fetch as typeof fetch });
    const running = await startServer(self.app.fetch);
    try {
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      for (const url of [`http://localhost:${running.port}/healthz`, `${running.url}/healthz`]) {
        const { status, body } = await self.check({ url });
        expect(status).toBe(422);
        expect(body.error).toMatchObject({ code: 'url_refused', field: 'url' });
      }
    } finally {
      await running.close();
      await guarded.close();
      self.close();
    }
  });
  it('host:port allows that port only; a bare host allows every port', async () => {
    const port = Number(new URL(base).port);
    const onePort = await apiTestApp({ env: { CHECK_URL_ALLOW_HOSTS: `127.0.0.1:${port}` }, fetcher: fetch });
    try {
      expect((await onePort.check({ url: `${base}/page` })).status).toBe(200);
      const other = await onePort.check({ url: `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}/page` });
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('url_refused');
    } finally {
      onePort.close();
    }
  });
});
