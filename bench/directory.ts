/**
 * Directory benchmark (`npx tsx bench/directory.ts`): starts the real Node server with the
 * demo data in a child process, then runs autocannon from this process against
 *   (a) the municipality page /kommun/vasteras,
 *   (b) the JSON search /api/v1/municipalities?q=vaster,
 *   (c) the ceiling: the same page bytes served from memory by the same server process,
 *   (d) for reference, the municipality page with the render cache off (rendered from the
 *       database on every request; not part of the targets),
 * and prints a Markdown table (req/s, p50/p99) that it also writes to docs/benchmarks.md
 * under "## Directory". Targets (issue 2): page ≥ 50 % of the ceiling, page p99 ≤ 25 ms.
 *
 * The targets are measured in interleaved rounds (see measureInterleaved) and each figure is the
 * median round, so a burst of other work on the shared machine does not decide the ratio.
 *
 * Options: --seconds N (12, per target over all rounds) --rounds N (3) --connections N (50)
 *          --warmup N (3) --db file|memory (file)
 *          --max-load L (1.5) --wait S (300): first wait up to S seconds for the 1-minute
 *          load average to drop to L (the machine may be shared), and record it;
 *          --profile (server runs with --cpu-prof into scratch/prof/) --no-write
 *          --encoding "gzip, deflate, br" (the Accept-Encoding sent; '' for uncompressed)
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChildServer } from './lib/child-server';
import { measureInterleaved } from './lib/load';
import { loadNow, machineSummary, waitForQuietMachine } from './lib/machine';
import { markdownTable, writeMarkedBlock } from './lib/markdown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '12' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    db: { type: 'string', default: 'file' },
    'max-load': { type: 'string', default: '1.5' },
    wait: { type: 'string', default: '300' },
    profile: { type: 'boolean', default: false },
    encoding: { type: 'string', default: 'gzip, deflate, br' },
    'no-write': { type: 'boolean', default: false },
  },
});

async function main() {
  // Browsers send Accept-Encoding; '' measures uncompressed responses.
  const headers: Record<string, string> = args.encoding ? { 'accept-encoding': String(args.encoding) } : {};
  const opts = { seconds: Number(args.seconds), rounds: Number(args.rounds), connections: Number(args.connections), warmupSeconds: Number(args.warmup), headers };
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
    { name: 'Municipality page, render cache off', path: `${server.info.uncachedPrefix}/kommun/vasteras` },
  ];
  let results;
  try {
    for (const t of targets) {
      const res = await fetch(server.url + t.path, { headers });
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    results = await measureInterleaved(server.url, targets, opts, (round) => console.error(`round ${round} of ${opts.rounds} …`));
  } finally {
    await server.stop();
  }
  const loadAfter = loadNow();

  const [page, search, ceiling, uncached] = results;
  const ratio = page.reqPerSec / ceiling.reqPerSec;
  const table = markdownTable(
    ['Target', 'Path', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'MB/s', 'requests', 'req/s per round'],
    results.map((r) => [r.name, `\`${r.path}\``, Math.round(r.reqPerSec), r.p50, r.p99, r.max, (r.bytesPerSec / 1e6).toFixed(1), r.requests, r.rounds.join(' / ')]),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const command = `npx tsx bench/directory.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`;
  const body = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineSummary()}; ` +
      `1-minute load average ${loadBefore} before the run (other work on the machine skews figures; the run itself adds about 2), ${loadAfter} after.`,
    '',
    `Command: \`${command}\`. Setup: the server (\`createApp\` from src/app.ts, \`@hono/node-server\`, libsql ` +
      `${server.info.database} database migrated and seeded with the demo data by \`prepareNodeDatabase\`, JSON request logs at info level to /dev/null) ` +
      `runs in its own Node process with response compression on as in \`src/node.ts\` (requests send \`Accept-Encoding: ${args.encoding || '(none)'}\`; ` +
      `the render cache keeps compressed copies, the ceiling serves the page pre-compressed in the same encoding); autocannon runs in the parent process on the same machine, ${opts.connections} connections, ` +
      `${opts.warmupSeconds} s warm-up, then ${opts.rounds} interleaved rounds of ${Math.round(opts.seconds / opts.rounds)} s per target ` +
      `(page, search, ceiling, uncached page; then again), each figure the median round. ` +
      `The ceiling route \`/__static\` exists only in the bench server (bench/lib/directory-server.ts): it answers the municipality page's ` +
      `${server.info.pageBytes} bytes from memory through the same adapter and process. Latencies are whole milliseconds (autocannon).`,
    '',
    table,
    '',
    `- Page / static ceiling: **${(ratio * 100).toFixed(0)} %** (target ≥ ${TARGET_RATIO * 100} %: ${verdict(ratio >= TARGET_RATIO)}).`,
    `- Page p99: **${page.p99} ms** (target ≤ ${TARGET_P99_MS} ms at ${opts.connections} connections: ${verdict(page.p99 <= TARGET_P99_MS)}).`,
    `- JSON search p99: ${search.p99} ms.`,
    `- The page row is what visitors get: the render cache (\`PAGE_RENDER_CACHE_SECONDS\`, default 60) answers it in front of the router ` +
      `after the first request of the minute. With the cache off, every request renders from the database: ${Math.round(uncached.reqPerSec)} req/s, ` +
      `p99 ${uncached.p99} ms (reference only; at ${opts.connections} connections this is queueing behind one CPU).`,
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
