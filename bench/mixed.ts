/**
 * Mixed-load benchmark (`npx tsx bench/mixed.ts`): what a burst of self-checks does to job seekers.
 * Starts the directory bench server (demo data, the Node entry's setup) and measures the
 * municipality page with autocannon alone, then while a second autocannon keeps POST /api/v1/check
 * busy with the ~20 KB page of bench/api.ts, once with the checks on the main thread
 * (CHECK_WORKERS=0) and once in the worker-thread pool (CHECK_WORKERS=1).
 *
 * Options: --seconds N (10) --page-connections N (10) --check-connections N (10)
 *          --workers LIST (0,1: the CHECK_WORKERS values to compare) --no-write
 *
 * Soak mode, `--hostile-crawl`: the server crawls the hostile fixture site (tests/helpers/hostile-site.ts:
 * 2 MB of nesting, unclosed tags, spaced-out letters, entities, a gzip bomb, drip, endless and looping
 * responses, 10,000 links) tick after tick, as the Node entry does (analysis in the check pool), while
 * autocannon measures the municipality page: its p99 must stay ≤ 50 ms (use --page-connections 50).
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchPage } from './api';
import { startChildServer } from './lib/child-server';
import { loadNow, machineSummary } from './lib/machine';
import { markdownTable, writeMarkedBlock } from './lib/markdown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'vk_bench_mixed_load_key_0123456789';
const PAGE = '/kommun/vasteras';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'page-connections': { type: 'string', default: '10' },
    'check-connections': { type: 'string', default: '10' },
    workers: { type: 'string', default: '0,1' },
    'no-write': { type: 'boolean', default: false },
    'hostile-crawl': { type: 'boolean', default: false },
  },
});

const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, r) => (err ? reject(err) : resolve(r))));

/** Soak: the directory page while the server crawls the hostile site without pause. */
async function soak() {
  const seconds = Number(args.seconds);
  const pageConns = Number(args['page-connections']);
  const workers = String(args.workers) === '0,1' ? '1' : String(args.workers);
  const { startHostileSite } = await import('../tests/helpers/hostile-site');
  const site = await startHostileSite();
  const loadBefore = loadNow();
  const server = await startChildServer(join(root, 'bench/lib/directory-server.ts'), {
    BENCH_DB: 'file',
    CHECK_WORKERS: workers,
    BENCH_CRAWL_SITE: `${site.url}/`,
    CRAWL_ALLOW_HOSTS: '127.0.0.1',
    CRAWL_POLITENESS_FLOOR_MS: '0',
    CRAWL_TIMEOUT_MS: '3000',
    LOG_LEVEL: 'warn',
  });
  try {
    await run({ url: server.url + PAGE, connections: pageConns, duration: 2 });
    const hitsBefore = [...site.hits.values()].reduce((a, b) => a + b, 0);
    const page = await run({ url: server.url + PAGE, connections: pageConns, duration: seconds });
    const hits = [...site.hits.values()].reduce((a, b) => a + b, 0) - hitsBefore;
    const hostile = ['/nested', '/unclosed', '/spaced', '/entities'].map((p) => `${p} ×${site.hits.get(p) ?? 0}`).join(', ');
    if (page.non2xx || page.errors) throw new Error(`non-2xx ${page.non2xx}, errors ${page.errors}`);
    const verdict = page.latency.p99 <= 50 ? 'within' : 'OVER';
    const command = `npx tsx bench/mixed.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`;
    const text = [
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineSummary()}; 1-minute load average ${loadBefore} before, ${loadNow()} after.`,
      '',
      `Command: \`${command}\`. The directory bench server (CHECK_WORKERS=${workers}, plus the form's reserved worker) crawls the hostile ` +
        `fixture site without pause (every page due at each tick) while autocannon requests \`${PAGE}\` at ${pageConns} connections for ${seconds} s. ` +
        `The site was asked for ${hits} responses during the measurement (hostile 2 MB pages fetched and analysed in all: ${hostile}).`,
      '',
      markdownTable(['Scenario', 'page req/s', 'page p50 ms', 'page p99 ms', 'page max ms', 'target'], [
        ['page while the hostile site is crawled', Math.round(page.requests.average), page.latency.p50, page.latency.p99, page.latency.max, `p99 ≤ 50 ms: ${verdict}`],
      ]),
    ].join('\n');
    console.log(`## Mixed load with a hostile crawl\n\n${text}`);
    if (!args['no-write']) writeMarkedBlock(join(root, 'docs/benchmarks.md'), '## Mixed load with a hostile crawl (soak)', 'mixed-hostile', text);
  } finally {
    await server.stop();
    await site.close();
  }
}

async function main() {
  if (args['hostile-crawl']) return soak();
  const seconds = Number(args.seconds);
  const pageConns = Number(args['page-connections']);
  const checkConns = Number(args['check-connections']);
  const body = JSON.stringify({ html: benchPage() });
  const loadBefore = loadNow();
  const rows: (string | number)[][] = [];
  for (const workers of String(args.workers).split(',')) {
    const server = await startChildServer(join(root, 'bench/lib/directory-server.ts'), {
      BENCH_DB: 'file',
      CHECK_WORKERS: workers,
      DEMO_API_KEY: KEY,
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    try {
      const check = { url: `${server.url}/api/v1/check`, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body };
      const probe = await fetch(check.url, check);
      if (probe.status !== 200) throw new Error(`check answered ${probe.status}: ${await probe.text()}`);
      await run({ url: server.url + PAGE, connections: pageConns, duration: 2 });
      await run({ ...check, connections: checkConns, duration: 2 });
      const alone = await run({ url: server.url + PAGE, connections: pageConns, duration: seconds });
      const [page, checks] = await Promise.all([
        run({ url: server.url + PAGE, connections: pageConns, duration: seconds }),
        run({ ...check, connections: checkConns, duration: seconds, timeout: 30 }),
      ]);
      const label = workers === '0' ? 'on the main thread (CHECK_WORKERS=0)' : `in ${workers === '1' ? 'a worker thread' : `${workers} worker threads`} (CHECK_WORKERS=${workers})`;
      rows.push([`page alone; checks ${label}`, Math.round(alone.requests.average), alone.latency.p50, alone.latency.p99, '–', '–', '–']);
      rows.push([`page during checks ${label}`, Math.round(page.requests.average), page.latency.p50, page.latency.p99, Math.round(checks.requests.average), checks.latency.p50, checks.latency.p99]);
      console.error(rows.at(-1)!.join(' | '));
      for (const r of [alone, page, checks]) if (r.non2xx || r.errors) throw new Error(`non-2xx ${r.non2xx}, errors ${r.errors}`);
    } finally {
      await server.stop();
    }
  }
  const command = `npx tsx bench/mixed.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`;
  const text = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineSummary()}; 1-minute load average ${loadBefore} before, ${loadNow()} after.`,
    '',
    `Command: \`${command}\`. The directory bench server (demo data, render cache on, JSON logs) in its own process; autocannon in this one: ` +
      `\`${PAGE}\` at ${pageConns} connections for ${seconds} s alone, then for ${seconds} s while ${checkConns} more connections POST the ` +
      `~20 KB page of bench/api.ts to \`/api/v1/check\`.`,
    '',
    markdownTable(['Scenario', 'page req/s', 'page p50 ms', 'page p99 ms', 'checks/s', 'check p50 ms', 'check p99 ms'], rows),
  ].join('\n');
  console.log(`## Mixed load\n\n${text}`);
  if (!args['no-write']) writeMarkedBlock(join(root, 'docs/benchmarks.md'), '## Mixed load', 'mixed', text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
