// The cron path inside workerd: the real scheduled handler runs a crawl tick over D1 with a
// fixture fetcher standing in for the internet, and writes snapshots, findings and a run.
import { env, createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { schema } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import worker from '../../src/worker';
import { seedDirectoryFixture } from '../helpers/directory-fixture';

const PAGES: Record<string, string> = {
  'https://www.alfa.example.se/': '<!doctype html><html lang="sv"><head><title>Alfa</title></head><body><main><h1>Välkommen</h1><p>Välj oss som leverantör och få ett presentkort på 500 kr!</p><a href="/om">Om oss</a></main></body></html>',
  'https://www.alfa.example.se/om': '<!doctype html><html lang="sv"><head><title>Om Alfa</title></head><body><main><p>Vi hjälper dig att skriva CV.</p></main></body></html>',
};

const fixtureFetch = async (input: RequestInfo | URL) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const body = PAGES[url];
  if (!body) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

beforeAll(async () => {
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  const existing = await env.DB.prepare('select count(*) as n from providers').first<{ n: number }>();
  if (!existing?.n) await seedDirectoryFixture(db);
});

describe('Worker: scheduled crawl tick', () => {
  it('crawls provider sites from the directory and records findings and the run', async () => {
    vi.stubGlobal('fetch', vi.fn(fixtureFetch));
    try {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), { ...env, CRAWL_POLITENESS_FLOOR_MS: '0', LOG_LEVEL: 'warn' }, ctx);
      await waitOnExecutionContext(ctx);
    } finally {
      vi.unstubAllGlobals();
    }
    const run = await env.DB.prepare('select * from crawl_runs order by id desc limit 1').first<Record<string, unknown>>();
    expect(run).toMatchObject({ trigger: 'cron' });
    expect(Number(run!.pages_fetched)).toBeGreaterThanOrEqual(2);
    const f = await env.DB.prepare("select * from findings where url = 'https://www.alfa.example.se/'").all<Record<string, unknown>>();
    expect(f.results.map((r) => r.rule_id)).toContain('R22-INDUCEMENT');
    expect(f.results[0]).toMatchObject({ status: 'open', provider_id: 1 });
    const snaps = await env.DB.prepare('select count(*) as n from page_snapshots').first<{ n: number }>();
    expect(snaps!.n).toBeGreaterThanOrEqual(2);
  });
});
