// The cron path inside workerd: the real scheduled handler runs a crawl tick over D1 with a
// fixture fetcher standing in for the internet, and writes snapshots, findings and a run.
import { env, createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { schema } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import worker from '../../src/worker';
import type { CrawlSiteMessage } from '../../src/crawler/fan-out';
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
      // Without a queue binding the cron tick crawls inline.
      const inline = { ...env, CRAWL_QUEUE: undefined, CRAWL_POLITENESS_FLOOR_MS: '0', LOG_LEVEL: 'warn' };
      await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), inline, ctx);
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

describe('Worker: crawl fan-out through Queues', () => {
  it('the cron tick enqueues one message per site with due pages and the consumer crawls them', async () => {
    await env.DB.prepare("update crawl_jobs set next_due_at = '2000-01-01T00:00:00.000Z', etag = null, content_hash = null").run();
    await env.DB.prepare('delete from crawl_hosts').run();
    const sent: MessageSendRequest<CrawlSiteMessage>[] = [];
    const queue = env.CRAWL_QUEUE as Queue<CrawlSiteMessage>;
    const spyQueue = { send: queue.send.bind(queue), sendBatch: async (m: Iterable<MessageSendRequest<CrawlSiteMessage>>) => { sent.push(...m); return queue.sendBatch(m); } };
    const withQueue = { ...env, CRAWL_QUEUE: spyQueue, CRAWL_POLITENESS_FLOOR_MS: '0', LOG_LEVEL: 'warn' };
    const before = await env.DB.prepare('select count(*) as n from crawl_runs').first<{ n: number }>();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), withQueue as never, ctx);
    await waitOnExecutionContext(ctx);
    // The producer crawled nothing itself: it only planned the work.
    expect((await env.DB.prepare('select count(*) as n from crawl_runs').first<{ n: number }>())!.n).toBe(before!.n);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent.map((m) => m.body.siteId)).size).toBe(sent.length);

    vi.stubGlobal('fetch', vi.fn(fixtureFetch));
    try {
      const batch = createMessageBatch<CrawlSiteMessage>('valkollen-crawl', sent.map((m, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: m.body })));
      const qctx = createExecutionContext();
      await worker.queue(batch, withQueue as never, qctx);
      const result = await getQueueResult(batch, qctx);
      expect(result.explicitAcks.length).toBe(sent.length);
      expect(result.retryMessages).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
    const runs = await env.DB.prepare("select * from crawl_runs where trigger = 'queue'").all<Record<string, unknown>>();
    expect(runs.results.length).toBe(sent.length);
    expect(runs.results.reduce((n, r) => n + Number(r.pages_fetched) + Number(r.pages_unchanged) + Number(r.skipped_other), 0)).toBeGreaterThanOrEqual(2);
    const open = await env.DB.prepare("select count(*) as n from findings where rule_id = 'R22-INDUCEMENT' and status = 'open'").first<{ n: number }>();
    expect(open!.n).toBeGreaterThanOrEqual(1);
  });
});
