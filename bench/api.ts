/**
 * Benchmark of the self-check API (`npx tsx bench/api.ts`): autocannon against POST /api/v1/check
 * with a realistic ~20 KB provider page (built from tests/fixtures/copy/pages) at 50 connections,
 * side by side with the engine called in-process on the same page (the ceiling: checks/s on one
 * core). The server runs in a child process (`bench/api.ts --serve`) over a file database prepared
 * as the Node entry prepares it (WAL), with a bench key whose rate limit is raised, and logs at info
 * level as in production; the load generator and the ceiling run in this process.
 *
 * The machine is shared, so the two are measured in interleaved rounds (ceiling, HTTP; ceiling,
 * HTTP; …): each round's HTTP figure is compared with the ceiling measured just before it, and the
 * table reports each round and the median.
 *
 * Options: --seconds S (30: HTTP seconds over all rounds) --rounds N (6) --connections N (50)
 *          --warmup S (3) --no-write (do not update docs/benchmarks.md)
 * Targets (issue 7): p99 ≤ 50 ms and HTTP throughput ≥ 60 % of the in-process ceiling.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { splitServerCpu, threadCpu, type ServerCpuSplit } from './lib/cpu';
import { loadNow, machineSummary } from './lib/machine';
import { markdownTable, writeMarkedBlock } from './lib/markdown';

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

async function serve(): Promise<void> {
  const { serve: nodeServe } = await import('@hono/node-server');
  const { createApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { migrateNodeDatabase, openNodeDatabase } = await import('../src/db/node-client');
  const { createApiKey } = await import('../src/api/api-keys');
  const { apiRuleset } = await import('../src/api/check-service');
  const dir = mkdtempSync(join(tmpdir(), 'valkollen-bench-'));
  const config = loadConfig({ ...process.env, DATABASE_URL: `file:${join(dir, 'bench.db')}`, LOG_LEVEL: 'info', SEED_DEMO: 'false' });
  const database = openNodeDatabase(config.DATABASE_URL);
  await migrateNodeDatabase(database); // as the Node entry: WAL + synchronous=NORMAL on file databases
  apiRuleset(); // compile before the first request, like a warmed server
  const { key } = await createApiKey(database.db, { label: 'bench', createdBy: 'cli', now: new Date(), rateLimitPerMinute: 10_000_000 });
  const { nodeLogger, startCheckPool } = await import('../src/node');
  // As the Node entry: checks run in the worker-thread pool (CHECK_WORKERS; default one per CPU beyond the first).
  const pool = startCheckPool(config);
  const app = createApp({ db: database.db, config, clock: () => new Date(), log: nodeLogger(config.LOG_LEVEL), checkRunner: pool?.run });
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

/** The pool size the child server uses, as the Node entry decides it. */
function workerCount(): number {
  const env = process.env.CHECK_WORKERS;
  return env !== undefined ? Number(env) : Math.min(4, Math.max(0, availableParallelism() - 1));
}

function workerNote(): string {
  const env = process.env.CHECK_WORKERS;
  const n = workerCount();
  return `${n} worker thread${n === 1 ? '' : 's'}${env !== undefined ? ', CHECK_WORKERS' : ', the default: one per CPU beyond the first'}`;
}

/** Connections of the extra light-load run reported for context. */
const LIGHT_CONNECTIONS = 4;

const median = (xs: number[]) => {
  const v = [...xs].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'boolean' },
      seconds: { type: 'string', default: '30' },
      rounds: { type: 'string', default: '6' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  if (values.serve) return serve();
  const rounds = Number(values.rounds);
  const seconds = Math.max(2, Math.round(Number(values.seconds) / rounds));
  const connections = Number(values.connections);
  const loadBefore = loadNow();

  const html = benchPage();
  const body = JSON.stringify({ html });
  console.error(`page: ${html.length} characters, request body ${Buffer.byteLength(body)} bytes`);

  const server = await startServer();
  const rows: (string | number)[][] = [];
  const runs: { ceiling: number; msPerCheck: number; http: autocannon.Result; serverMs: number[]; cpu: RoundCpu | null }[] = [];
  let findings = 0;
  let light: autocannon.Result | undefined;
  try {
    await server.warm(body, connections, Number(values.warmup));
    for (let r = 1; r <= rounds; r++) {
      const ceiling = await inProcessCeiling(html, Math.max(2, seconds / 2));
      findings = ceiling.findings;
      const serverBefore = threadCpu(server.pid);
      const benchBefore = process.cpuUsage();
      const http = await server.load(body, connections, seconds);
      const bench = process.cpuUsage(benchBefore);
      const split = splitServerCpu(server.pid, serverBefore, threadCpu(server.pid), workerCount());
      const cpu = split && { requests: http.requests.total, bench: (bench.user + bench.system) / 1e6, ...split };
      runs.push({ ceiling: ceiling.perSecond, msPerCheck: ceiling.msPerCheck, http, serverMs: server.takeServerMs(), cpu });
      const ratio = http.requests.average / ceiling.perSecond;
      console.error(`round ${r}: ceiling ${ceiling.perSecond.toFixed(0)} checks/s, HTTP ${http.requests.average.toFixed(0)} req/s (${(ratio * 100).toFixed(0)} %), p99 ${http.latency.p99} ms`);
      rows.push([
        `round ${r}`,
        Math.round(ceiling.perSecond),
        ceiling.msPerCheck.toFixed(2),
        Math.round(http.requests.average),
        `${(ratio * 100).toFixed(0)} %`,
        http.latency.p50,
        http.latency.p99,
        `${percentile(runs[r - 1].serverMs, 0.5).toFixed(1)} / ${percentile(runs[r - 1].serverMs, 0.99).toFixed(1)}`,
        http.non2xx + http.errors + http.timeouts,
      ]);
    }
    // For context, not a target: a provider's CI or a web agency sends a few requests at a time.
    light = await server.load(body, LIGHT_CONNECTIONS, seconds);
  } finally {
    server.stop();
  }
  const ratios = runs.map((x) => x.http.requests.average / x.ceiling);
  const med = {
    ceiling: median(runs.map((x) => x.ceiling)),
    ms: median(runs.map((x) => x.msPerCheck)),
    http: median(runs.map((x) => x.http.requests.average)),
    ratio: median(ratios),
    p50: median(runs.map((x) => x.http.latency.p50)),
    p99: median(runs.map((x) => x.http.latency.p99)),
  };
  rows.push(['**median**', Math.round(med.ceiling), med.ms.toFixed(2), Math.round(med.http), `**${(med.ratio * 100).toFixed(0)} %**`, med.p50, `**${med.p99}**`, '', '']);
  const table = markdownTable(
    ['Round', 'ceiling checks/s (in-process, 1 core)', 'ms/check', 'HTTP req/s', 'HTTP / ceiling', 'p50 ms', 'p99 ms', 'server-side p50 / p99 ms', 'non-2xx + errors'],
    rows,
  );
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const command = `npx tsx bench/api.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`;
  const text = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineSummary()}; 1-minute load average ${loadBefore} before, ${loadNow()} after.`,
    '',
    `Command: \`${command}\`. The page has ${html.length} characters (a ${Buffer.byteLength(body)}-byte request body) and ${findings} findings. ` +
      `The server (\`createApp\` over a \`file:\` libsql database prepared as the Node entry prepares it, JSON request logs at info level, ` +
      `one API key with its rate limit raised) runs in a child process; every request is authenticated, rate limited (one upsert) and validated, ` +
      `and the engine runs in the Node entry's worker-thread pool (${workerNote()}). ` +
      `autocannon runs in the parent at ${connections} connections after a ${values.warmup} s warm-up; ${rounds} interleaved rounds of ` +
      `${seconds} s, each right after ${Math.max(2, seconds / 2)} s of the ceiling (\`checkHtml\` on the same page in the parent process, one core). ` +
      `Server-side times are the request log's \`ms\` (from the first middleware to the response).`,
    '',
    table,
    '',
    `- HTTP / ceiling: **${(med.ratio * 100).toFixed(0)} %** (median round; target ≥ 60 %: ${verdict(med.ratio >= 0.6)}).`,
    `- p99: **${med.p99} ms** (median round; target ≤ 50 ms at ${connections} connections: ${verdict(med.p99 <= 50)}).`,
    ...cpuBudgetText(runs.map((x) => x.cpu), connections),
    `- For context (no target): at ${LIGHT_CONNECTIONS} connections, ${Math.round(light!.requests.average)} req/s, p50 ${light!.latency.p50} ms, p99 ${light!.latency.p99} ms (${seconds} s after the rounds).`,
  ].join('\n');
  console.log(`## Self-check API\n\n${text}`);
  if (!values['no-write']) {
    const file = join(root, 'docs/benchmarks.md');
    writeMarkedBlock(file, '## Self-check API', 'api', text);
    console.error(`wrote ${file}`);
  }
}

/** CPU seconds spent during one HTTP round, and the requests it answered. */
interface RoundCpu extends ServerCpuSplit {
  requests: number;
  /** This process: autocannon, and reading the server's request log. */
  bench: number;
}

/**
 * Where the CPU of a request goes, over all rounds, and what that budget implies: with every core
 * busy all the time the machine answers at most cores ÷ CPU-per-request requests a second, and
 * with `connections` requests always in flight the mean latency is then at least
 * connections ÷ that rate (Little's law). No percentile can be below the mean.
 */
function cpuBudgetText(rounds: (RoundCpu | null)[], connections: number): string[] {
  const got = rounds.filter((r): r is RoundCpu => r !== null);
  if (got.length === 0) return ['- CPU per request: not measured (no /proc on this system).'];
  const requests = got.reduce((a, r) => a + r.requests, 0);
  const ms = (f: (r: RoundCpu) => number) => (got.reduce((a, r) => a + f(r), 0) * 1000) / requests;
  const parts = { bench: ms((r) => r.bench), main: ms((r) => r.main), workers: ms((r) => r.workers), other: ms((r) => r.other) };
  const total = parts.bench + parts.main + parts.workers + parts.other;
  const cores = availableParallelism();
  const maxRate = (cores * 1000) / total;
  const floor = (connections * total) / cores;
  const allowed = (50 * cores) / connections;
  return [
    `- CPU per request (all rounds, from /proc): load generator ${parts.bench.toFixed(2)} ms (autocannon, and this process reading the server's request log), ` +
      `server main thread ${parts.main.toFixed(2)} ms (HTTP, key, rate limit, JSON, log), check worker thread${workerCount() === 1 ? '' : 's'} ${parts.workers.toFixed(2)} ms, ` +
      `other server threads ${parts.other.toFixed(2)} ms (GC helpers, libuv pool): **${total.toFixed(2)} ms in all**.`,
    `- What that budget allows on ${cores} cores: at most ${Math.round(maxRate)} req/s with every core busy all the time, so with ${connections} requests always in flight ` +
      `the mean latency is at least ${floor.toFixed(0)} ms (Little's law: ${connections} × ${total.toFixed(2)} ms ÷ ${cores} cores), and p99 is above the mean. ` +
      `A p99 of 50 ms at ${connections} connections needs at most ${allowed.toFixed(1)} ms of CPU per request, load generator included.`,
  ];
}

/** Starts the server in a child process and returns handles to load it and stop it. */
async function startServer() {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  // The child prints {port, key} first, then one JSON log line per request (LOG_LEVEL=info, as
  // in production); the request lines give the server-side time from the first middleware on.
  let serverMs: number[] = [];
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
  const load = (body: string, connections: number, duration: number) =>
    runAutocannon({ url, method: 'POST', headers, body, connections, duration, timeout: 30 });
  return {
    async warm(body: string, connections: number, seconds: number) {
      const probe = await fetch(url, { method: 'POST', headers, body });
      if (probe.status !== 200) throw new Error(`probe answered ${probe.status}: ${await probe.text()}`);
      await probe.arrayBuffer();
      if (seconds > 0) await load(body, connections, seconds);
      serverMs = [];
    },
    load,
    takeServerMs() {
      const out = serverMs;
      serverMs = [];
      return out;
    },
    pid: child.pid!,
    stop: () => child.kill('SIGTERM'),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
