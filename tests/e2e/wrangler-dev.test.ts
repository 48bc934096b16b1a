// End-to-end on the edge runtime: `wrangler dev` (local workerd, local D1, offline flags) serves the
// real Worker; we request a municipality page and the check API, trigger the cron through
// /cdn-cgi/handler/scheduled, see the crawl run recorded, and stop the process by its PID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OFFLINE = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_UPDATE_NOTIFIER: '1' };
const KEY = 'vk_smoketestsmoketestsmoketestsmoketest1234';

let dir: string;
let port: number;
let child: ChildProcess;
let base: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const d1 = (command: string) =>
  run('npx', ['wrangler', 'd1', 'execute', 'valkollen', '--local', '--persist-to', dir, '--json', '--command', command], { env: OFFLINE, maxBuffer: 10_000_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valkollen-wrangler-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'valkollen', '--local', '--persist-to', dir], { env: OFFLINE, maxBuffer: 10_000_000 });
  const hash = createHash('sha256').update(KEY).digest('hex');
  await d1(`insert into api_keys (label, prefix, key_hash, created_at, created_by) values ('smoke', '${KEY.slice(0, 9)}', '${hash}', '2026-01-01T00:00:00.000Z', 'test')`);
  child = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--local', '--persist-to', dir, '--var', 'LOG_LEVEL:warn'], {
    env: OFFLINE,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  if (child?.pid) {
    // wrangler starts workerd as a child: stop the whole process group by its PID.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('wrangler dev (local edge runtime)', () => {
  it('serves a municipality page', async () => {
    const res = await fetch(`${base}/kommun/vasteras`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Västerås');
  });
  it('answers the check API with a key', async () => {
    const res = await fetch(`${base}/api/v1/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Välj oss som leverantör och få ett presentkort på 500 kr!' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { ruleId: string }[] };
    expect(body.findings.map((f) => f.ruleId)).toContain('R22-INDUCEMENT');
  });
  it('runs the cron trigger and records the crawl run', async () => {
    const res = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*`);
    expect(res.status).toBe(200);
    let count = 0;
    for (let i = 0; i < 40 && count === 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const { stdout } = await d1("select count(*) as n from crawl_runs where trigger = 'cron'");
      count = JSON.parse(stdout)[0].results[0].n;
    }
    expect(count).toBeGreaterThanOrEqual(1);
  });
});
