import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckPool, type CheckPool } from '../../src/runner/check-pool.node';
import { apiTestApp, type ApiTestApp } from './api-helpers';

// The Node entry runs checks in worker threads; the API must answer exactly as on one thread.
let pooled: ApiTestApp;
let inline: ApiTestApp;
let pool: CheckPool;
beforeAll(async () => {
  pool = createCheckPool({ size: 1 });
  pooled = await apiTestApp({ checkRunner: pool.run });
  inline = await apiTestApp();
});
afterAll(async () => {
  await pool.close();
  pooled.close();
  inline.close();
});

const page = readFileSync(join(__dirname, '../fixtures/copy/pages/jobbstart-jarva-af-rinkeby.html'), 'utf8');

describe('POST /api/v1/check with the worker-thread pool', () => {
  it('returns the same findings as on the main thread, for requests in parallel', async () => {
    const bodies = [{ html: page }, { html: page, lang: 'en' }, { text: 'Välj oss så får du ett presentkort!', minSeverity: 'high' }, { html: page, rules: ['R22-INDUCEMENT'] }];
    const [a, b] = await Promise.all([Promise.all(bodies.map((x) => pooled.check(x))), Promise.all(bodies.map((x) => inline.check(x)))]);
    for (let i = 0; i < bodies.length; i++) {
      expect(a[i].status).toBe(200);
      expect(a[i].body.findings).toEqual(b[i].body.findings);
      expect(a[i].body.rulesetVersion).toBe(b[i].body.rulesetVersion);
      expect(a[i].body.stats.characters).toBe(b[i].body.stats.characters);
    }
    expect(a[0].body.findings.length).toBeGreaterThan(0);
  }, 30_000);
  it('answers 503 check_timeout when a check runs past the limit, and 503 checks_busy with Retry-After when the queue is full', async () => {
    const slowPool = createCheckPool({ size: 1, timeoutMs: 150, maxQueue: 0, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
    const t = await apiTestApp({ checkRunner: slowPool.run });
    try {
      await slowPool.ready();
      const hang = t.check({ text: 'hang' });
      // Authentication and validation come first: wait until the worker has the job.
      while (slowPool.running() === 0) await new Promise((r) => setTimeout(r, 5));
      const next = t.check({ text: 'next' }); // handed to the worker as its next job; no room after it
      while (slowPool.inFlight() < 2) await new Promise((r) => setTimeout(r, 5));
      const busy = await t.check({ text: 'anything' });
      expect(busy.status).toBe(503);
      expect(busy.body.error).toEqual({ code: 'checks_busy', message: expect.stringMatching(/try again/i) });
      expect(busy.res.headers.get('retry-after')).toBe('5');
      const timedOut = await hang;
      expect(timedOut.status).toBe(503);
      expect(timedOut.body.error).toEqual({ code: 'check_timeout', message: expect.stringMatching(/stopped/) });
      expect((await next).status).toBe(200); // it ran on the replacement worker
      expect((await t.check({ text: 'fine' })).status).toBe(200);
    } finally {
      await slowPool.close();
      t.close();
    }
  });
  it('still validates before any work reaches the pool', async () => {
    const { status, body } = await pooled.check({ text: 'x', rules: ['NOPE'] });
    expect(status).toBe(422);
    expect(body.error.field).toBe('rules');
  });
});
