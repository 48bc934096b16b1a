/**
 * Benchmark of the self-check API (`npx tsx bench/api.ts`): autocannon against POST /api/v1/check
 * with a realistic ~20 KB provider page (built from tests/fixtures/copy/pages) at 50 connections,
 * side by side with the engine called in-process on the same page (the ceiling: checks/s on one
 * core). The server runs in a child process (`bench/api.ts --serve`) with a file database in a temp
 * folder and a bench key whose rate limit is raised; the load generator runs in this process.
 *
 * Options: --duration S (default 10), --connections N (default 50), --warmup S (default 3).
 * Targets (issue 7): p99 ≤ 50 ms and HTTP throughput ≥ 60 % of the in-process ceiling.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = join(root, 'tests/fixtures/copy/pages');
const TARGET_BYTES = 20 * 1024;

/** A ~20 KB page: the head of one fixture page and the bodies of several, in a stable order. */
export function benchPage(): string {
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort();
  const first = readFileSync(join(PAGES, 'framtidsbron-start.html'), 'utf8');
  const head = first.slice(0, first.search(/<body[^>]*>/i));
  let body = '';
  for (const f of ['framtidsbron-start.html', ...files]) {
    const html = readFileSync(join(PAGES, f), 'utf8');
    const inner = html.match(/<body[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? '';
    body += `\n<section>\n${inner}\n</section>`;
    if (head.length + body.length >= TARGET_BYTES) break;
  }
  return `${head}<body>${body}\n</body></html>\n`;
}

async function serve(wal: boolean): Promise<void> {
  const { serve: nodeServe } = await import('@hono/node-server');
  const { createApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { migrateNodeDatabase, openNodeDatabase } = await import('../src/db/node-client');
  const { createApiKey } = await import('../src/api/api-keys');
  const { apiRuleset } = await import('../src/api/check-service');
  const dir = mkdtempSync(join(tmpdir(), 'valkollen-bench-'));
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'bench.db')}`, LOG_LEVEL: 'info', SEED_DEMO: 'false' });
  const database = openNodeDatabase(config.DATABASE_URL);
  await migrateNodeDatabase(database);
  if (wal) {
    // What docs/benchmarks.md recommends for the Node entry: no fsync per commit.
    await database.client.execute('PRAGMA journal_mode=WAL');
    await database.client.execute('PRAGMA synchronous=NORMAL');
  }
  apiRuleset(); // compile before the first request, like a warmed server
  const { key } = await createApiKey(database.db, { label: 'bench', createdBy: 'cli', now: new Date(), rateLimitPerMinute: 10_000_000 });
  const app = createApp({ db: database.db, config, clock: () => new Date() });
  const server = nodeServe({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
    process.stdout.write(JSON.stringify({ port: info.port, key }) + '\n');
  });
  const stop = () => {
    server.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Checks/s of the engine in this process on `html` for about `seconds`. */
async function inProcessCeiling(html: string, seconds: number): Promise<{ perSecond: number; msPerCheck: number; findings: number }> {
  const { checkHtml } = await import('../src/compliance');
  const { apiRuleset } = await import('../src/api/check-service');
  const rs = apiRuleset();
  let findings = 0;
  for (let i = 0; i < 50; i++) findings = checkHtml(rs, html).length; // warm up the JIT
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    checkHtml(rs, html);
    n++;
  }
  const ms = performance.now() - started;
  return { perSecond: (n * 1000) / ms, msPerCheck: ms / n, findings };
}

/** The q-quantile (0–1) of `values` (0 when empty). */
function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function runAutocannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'boolean' },
      wal: { type: 'boolean' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
    },
  });
  if (values.serve) return serve(values.wal ?? false);
  const duration = Number(values.duration);
  const connections = Number(values.connections);

  const html = benchPage();
  const body = JSON.stringify({ html });
  console.log(`page: ${html.length} characters, request body ${Buffer.byteLength(body)} bytes`);

  // The machine may be shared: measure the ceiling right before each HTTP run and compare with that.
  const rows: string[][] = [];
  for (const wal of [false, true]) {
    const ceiling = await inProcessCeiling(html, 4);
    console.log(`in-process: ${ceiling.perSecond.toFixed(0)} checks/s (${ceiling.msPerCheck.toFixed(2)} ms/check, ${ceiling.findings} findings)`);
    rows.push(['in-process engine (1 core), just before', `${ceiling.perSecond.toFixed(0)} checks/s`, ceiling.msPerCheck.toFixed(2), '–', '–', '–', '–']);
    const r = await httpRun({ wal, body, connections, duration, warmup: Number(values.warmup) });
    const ratio = r.requests.average / ceiling.perSecond;
    rows.push([
      `HTTP, ${connections} connections, SQLite journal ${wal ? 'WAL + synchronous=NORMAL' : 'default (rollback, fsync per commit)'}`,
      `${r.requests.average.toFixed(0)} req/s`,
      String(r.latency.p50),
      String(r.latency.p99),
      `${(ratio * 100).toFixed(0)} %`,
      String(r.non2xx + r.errors + r.timeouts),
      `${percentile(r.serverMs, 0.5).toFixed(0)} / ${percentile(r.serverMs, 0.99).toFixed(0)}`,
    ]);
    console.log(`${wal ? 'WAL' : 'default journal'}: p99 ≤ 50 ms ${r.latency.p99 <= 50 ? 'MET' : 'MISSED'}; throughput ≥ 60 % of ceiling ${ratio >= 0.6 ? 'MET' : 'MISSED'}`);
  }
  console.log('\n| | throughput | p50 ms | p99 ms | of ceiling | non-2xx/errors | server-side p50 / p99 ms |\n|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\npage ${html.length} characters; ${duration} s per run after ${values.warmup} s warm-up`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/** Starts the server in a child process, warms up, runs autocannon and stops the server. */
async function httpRun(o: { wal: boolean; body: string; connections: number; duration: number; warmup: number }): Promise<autocannon.Result & { serverMs: number[] }> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', ...(o.wal ? ['--wal'] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // The child prints {port, key} first, then one JSON log line per request (LOG_LEVEL=info, as
    // in production); the request lines give the server-side time from the first middleware on.
    const serverMs: number[] = [];
    const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) {
          if (!l.startsWith('{')) continue;
          const msg = JSON.parse(l);
          if (msg.port) resolve(msg);
          else if (msg.msg === 'request' && typeof msg.ms === 'number') serverMs.push(msg.ms);
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}/api/v1/check`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    const probe = await fetch(url, { method: 'POST', headers, body: o.body });
    if (probe.status !== 200) throw new Error(`probe answered ${probe.status}: ${await probe.text()}`);
    await probe.arrayBuffer();
    await runAutocannon({ url, method: 'POST', headers, body: o.body, connections: o.connections, duration: o.warmup });
    serverMs.length = 0;
    const result = await runAutocannon({ url, method: 'POST', headers, body: o.body, connections: o.connections, duration: o.duration, timeout: 30 });
    return { ...result, serverMs: serverMs.slice() };
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
