/**
 * Directory benchmark (`npx tsx bench/directory.ts`): starts the real Node server with the
 * demo data in a child process, then runs autocannon from this process against
 *   (a) the municipality page /kommun/vasteras,
 *   (b) the JSON search /api/v1/municipalities?q=vaster,
 *   (c) the ceiling: the same page bytes served from memory by the same server process,
 * and prints a Markdown table (req/s, p50/p99) that it also writes to docs/benchmarks.md
 * under "## Directory". Targets (issue 2): page ≥ 50 % of the ceiling, page p99 ≤ 25 ms.
 *
 * Options: --seconds N (10) --connections N (50) --warmup N (3) --db file|memory (file)
 *          --max-load L (1.5) --wait S (300): first wait up to S seconds for the 1-minute
 *          load average to drop to L (the machine may be shared), and record it;
 *          --profile (server runs with --cpu-prof into scratch/prof/) --no-write
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChildServer } from './lib/child-server';
import { measure, type LoadFigures } from './lib/load';
import { loadNow, machineSummary, waitForQuietMachine } from './lib/machine';
import { markdownTable, writeMarkedBlock } from './lib/markdown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    db: { type: 'string', default: 'file' },
    'max-load': { type: 'string', default: '1.5' },
    wait: { type: 'string', default: '300' },
    profile: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

async function main() {
  const opts = { seconds: Number(args.seconds), connections: Number(args.connections), warmupSeconds: Number(args.warmup) };
  const profileDir = join(root, 'scratch', 'prof');
  if (args.profile) mkdirSync(profileDir, { recursive: true });
  const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

  const loadBefore = await waitForQuietMachine(Number(args['max-load']), Number(args.wait), (l) =>
    console.error(`waiting for a quieter machine: load average ${l} > ${args['max-load']} …`),
  );
  console.error(`starting server (db: ${args.db}) …`);
  const server = await startChildServer(join(root, 'bench/lib/directory-server.ts'), { BENCH_DB: String(args.db) }, nodeArgs);
  console.error(`server pid ${server.pid} at ${server.url}, seeded in ${server.info.seedMs} ms, page ${server.info.pageBytes} bytes`);

  const targets = [
    { name: 'Municipality page', path: '/kommun/vasteras' },
    { name: 'JSON search', path: '/api/v1/municipalities?q=vaster' },
    { name: 'Static ceiling (same bytes)', path: String(server.info.staticPath) },
  ];
  const results: LoadFigures[] = [];
  try {
    for (const t of targets) {
      const res = await fetch(server.url + t.path);
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    for (const t of targets) {
      console.error(`measuring ${t.name} (${t.path}) …`);
      results.push(await measure(server.url, t.name, t.path, opts));
    }
  } finally {
    await server.stop();
  }
  const loadAfter = loadNow();

  const [page, search, ceiling] = results;
  const ratio = page.reqPerSec / ceiling.reqPerSec;
  const table = markdownTable(
    ['Target', 'Path', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'MB/s', 'requests'],
    results.map((r) => [r.name, `\`${r.path}\``, Math.round(r.reqPerSec), r.p50, r.p99, r.max, (r.bytesPerSec / 1e6).toFixed(1), r.requests]),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const command = `npx tsx bench/directory.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`;
  const body = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineSummary()}; ` +
      `1-minute load average ${loadBefore} before the run (other work on the machine skews figures; the run itself adds about 2), ${loadAfter} after.`,
    '',
    `Command: \`${command}\`. Setup: the server (\`createApp\` from src/app.ts, \`@hono/node-server\`, libsql ` +
      `${server.info.database} database migrated and seeded with the demo data by \`prepareNodeDatabase\`, JSON request logs at info level to /dev/null) ` +
      `runs in its own Node process; autocannon runs in the parent process on the same machine, ${opts.connections} connections, ` +
      `${opts.warmupSeconds} s warm-up then ${opts.seconds} s measured per target, one target after another. ` +
      `The ceiling route \`/__static\` exists only in the bench server (bench/lib/directory-server.ts): it answers the municipality page's ` +
      `${server.info.pageBytes} bytes from memory through the same adapter and process. Latencies are whole milliseconds (autocannon).`,
    '',
    table,
    '',
    `- Page / static ceiling: **${(ratio * 100).toFixed(0)} %** (target ≥ ${TARGET_RATIO * 100} %: ${verdict(ratio >= TARGET_RATIO)}).`,
    `- Page p99: **${page.p99} ms** (target ≤ ${TARGET_P99_MS} ms at ${opts.connections} connections: ${verdict(page.p99 <= TARGET_P99_MS)}).`,
    `- JSON search p99: ${search.p99} ms.`,
  ].join('\n');

  console.log(`## Directory\n\n${body}`);
  if (!args['no-write']) {
    const file = join(root, 'docs/benchmarks.md');
    writeMarkedBlock(file, '## Directory', 'directory', body);
    console.error(`wrote ${file}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
