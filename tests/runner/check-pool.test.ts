import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCheckPool } from '../../src/runner/check-pool.node';
import { runCheckJob, type CheckJob } from '../../src/runner/check-runner';

const PAGES = join(__dirname, '../fixtures/copy/pages');
const jobs: CheckJob[] = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .slice(0, 12)
  .map((f, i) => ({ input: readFileSync(join(PAGES, f), 'utf8'), isHtml: true, opts: { lang: i % 2 ? 'en' : 'sv', pageUrl: `https://${f}.test/` } }));
jobs.push({ input: 'Välj oss så får du ett presentkort på 500 kr!', isHtml: false, opts: {} });

describe('check pool (worker threads)', () => {
  const pool = createCheckPool({ size: 2 });
  afterAll(() => pool.close());

  it('gives the same findings as the engine on this thread, for jobs sent all at once', async () => {
    const outcomes = await Promise.all(jobs.map((j) => pool.run(j)));
    outcomes.forEach((o, i) => {
      expect(o.findings).toEqual(runCheckJob(jobs[i]).findings);
      expect(o.ms).toBeGreaterThan(0);
    });
    expect(outcomes.some((o) => o.findings.length > 0)).toBe(true);
    expect(pool.queued()).toBe(0);
  }, 60_000);
});

describe('check pool failures', () => {
  const pool = createCheckPool({ size: 1, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
  afterAll(() => pool.close());
  const job = (input: string): CheckJob => ({ input, isHtml: false, opts: {} });

  it('fails only the job whose worker crashed, then carries on with a new worker', async () => {
    const results = await Promise.allSettled([pool.run(job('a')), pool.run(job('crash')), pool.run(job('b'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/exited with code 3/);
    await expect(pool.run(job('c'))).resolves.toEqual({ findings: [], ms: 0.01 });
  });
  it('passes an error in the engine on as a rejected job', async () => {
    await expect(pool.run(job('throw'))).rejects.toThrow(/check failed: boom/);
    await expect(pool.run(job('d'))).resolves.toBeTruthy();
  });
  it('stops a job that runs past its time limit; the job behind it runs on a new worker', async () => {
    const p = createCheckPool({ size: 1, timeoutMs: 200, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
    try {
      const started = Date.now();
      const [hang, behind] = await Promise.allSettled([p.run(job('hang')), p.run(job('e'))]);
      expect(hang).toMatchObject({ status: 'rejected', reason: { name: 'CheckUnavailableError', reason: 'timeout' } });
      expect(behind).toEqual({ status: 'fulfilled', value: { findings: [], ms: 0.01 } });
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(p.run(job('e2'))).resolves.toEqual({ findings: [], ms: 0.01 });
    } finally {
      await p.close();
    }
  });
  it('refuses at once when the queue is full', async () => {
    const p = createCheckPool({ size: 1, maxQueue: 1, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
    try {
      await p.ready();
      const running = p.run(job('slow'));
      const inbox = p.run(job('f')); // handed to the worker as its next job
      const waiting = p.run(job('g'));
      expect([p.running(), p.inFlight(), p.queued()]).toEqual([1, 2, 1]);
      await expect(p.run(job('h'))).rejects.toMatchObject({ reason: 'busy' });
      await expect(Promise.all([running, inbox, waiting])).resolves.toHaveLength(3);
    } finally {
      await p.close();
    }
  });
  it('queues jobs sent while the workers start, and says when they are ready', async () => {
    const p = createCheckPool({ size: 2, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
    try {
      const early = p.run(job('early'));
      expect([p.inFlight(), p.queued()]).toEqual([0, 1]);
      await p.ready();
      await expect(early).resolves.toEqual({ findings: [], ms: 0.01 });
    } finally {
      await p.close();
    }
  });
  it('fails waiting jobs when a worker cannot start, instead of leaving them waiting for ever', async () => {
    const p = createCheckPool({ size: 1, workerUrl: new URL('../fixtures/workers/broken-check-worker.mjs', import.meta.url) });
    try {
      await expect(p.run(job('x'))).rejects.toThrow(/could not start: cannot load the engine/);
      expect(p.queued()).toBe(0);
    } finally {
      await p.close();
    }
  });
  it('refuses work once closed, and rejects what was waiting', async () => {
    const p = createCheckPool({ size: 1, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
    const waiting = Promise.allSettled([p.run(job('x')), p.run(job('y'))]);
    await p.close();
    for (const w of await waiting) expect((w as PromiseRejectedResult).reason).toMatchObject({ reason: 'closed' });
    await expect(p.run(job('z'))).rejects.toMatchObject({ reason: 'closed' });
  });
});
