import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckPool, type CheckPool } from '../../src/runner/check-pool.node';
import { apiTestApp, type ApiTestApp } from '../api/api-helpers';

// The form on a Node server whose check pool is full or too slow: the pasted text must survive.
let t: ApiTestApp;
let pool: CheckPool;
beforeAll(async () => {
  pool = createCheckPool({ size: 1, reserved: 0, timeoutMs: 150, maxQueue: 0, workerUrl: new URL('../fixtures/workers/crashing-check-worker.mjs', import.meta.url) });
  t = await apiTestApp({ checkRunner: pool.run });
  await pool.ready();
});
afterAll(async () => {
  await pool.close();
  t.close();
});

let ip = 0;
const submit = (path: string, text: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'cf-connecting-ip': `203.0.113.${++ip}` },
    body: new URLSearchParams({ text }).toString(),
  });

describe('self-check form when checks cannot run now', () => {
  it('says so in the page language, keeps the text, and answers 503 (with Retry-After when busy)', async () => {
    const hang = submit('/sjalvkontroll', 'hang');
    while (pool.running() === 0) await new Promise((r) => setTimeout(r, 5));
    const next = submit('/self-check', 'next'); // the worker's next job: no room after it
    while (pool.inFlight() < 2) await new Promise((r) => setTimeout(r, 5));

    const busy = await submit('/self-check', 'Our copy <b>here</b>');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    const busyHtml = await busy.text();
    expect(busyHtml).toContain('Many checks are running right now');
    expect(busyHtml).toContain('Our copy &lt;b&gt;here&lt;/b&gt;</textarea>');

    const timedOut = await hang;
    expect(timedOut.status).toBe(503);
    const timedOutHtml = await timedOut.text();
    expect(timedOutHtml).toContain('Kontrollen tog för lång tid och avbröts');
    expect(timedOutHtml).toContain('>\nhang</textarea>');
    expect((await next).status).toBe(200);
  });
});
