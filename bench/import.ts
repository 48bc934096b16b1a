/**
 * Benchmark: importing a 1,100-provider chooser list and a 1,000-contract rating workbook
 * (generated into a temp dir with scripts/make-af-fixtures.ts) into a fresh file database.
 * Each import runs in a child process so its peak memory (RSS, sampled every 10 ms, and
 * process.resourceUsage().maxRSS) is its own. Run: `npx tsx bench/import.ts`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const child = process.argv[2] === '--child';

async function runChild(): Promise<void> {
  const [, , , kind, file, dbUrl] = process.argv;
  const { openNodeDatabase, migrateNodeDatabase } = await import('../src/db/node-client');
  const { importAfPath } = await import('../src/import/af-cli.node.ts');
  const database = openNodeDatabase(dbUrl);
  await migrateNodeDatabase(database);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  const report = await importAfPath(database.db, kind as never, file, { today: new Date('2026-12-01T00:00:00Z') });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  database.close();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ kind, status: report.status, rowsRead: report.rowsRead, created: report.created, seconds, peakRssMb: Math.max(peak, maxRss) / 2 ** 20 }));
}

function measure(kind: string, file: string, dbUrl: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', kind, file, dbUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const { makeWorld, chooserDocuments, writeRatingWorkbook } = await import('../scripts/make-af-fixtures');
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  try {
    // 1,100 providers, each in the chooser; the first 1,000 contracts in the rating file.
    const world = makeWorld({ providers: 1100, contracts: 1100, seed: 7 });
    const { pages, details } = chooserDocuments(world);
    const chooser = join(dir, 'sokleverantor-2026-11-15.json');
    writeFileSync(chooser, JSON.stringify([...pages, ...details]));
    const ratings = join(dir, 'betyg-rusta-och-matcha-2026-11.xlsx');
    await writeRatingWorkbook(ratings, { providers: world.providers, contracts: world.contracts.slice(0, 1000) });
    const dbUrl = `file:${join(dir, 'bench.db')}`;
    const results = [await measure('af-providers', chooser, dbUrl), await measure('af-ratings', ratings, dbUrl), await measure('af-ratings', ratings, dbUrl)];
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const node = process.version;
    let commit = '';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {}
    console.log(`machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${node}, commit ${commit}`);
    console.log('| import | file | rows | created | status | seconds | peak RSS (MB) |');
    console.log('|---|---|---|---|---|---|---|');
    const labels = ['chooser list, 1,100 providers (fresh DB)', 'rating workbook, 1,000 contracts × 11 periods', 'same rating workbook again (idempotent)'];
    results.forEach((r, i) => {
      console.log(`| ${r.kind} | ${labels[i]} | ${r.rowsRead} | ${r.created} | ${r.status} | ${(r.seconds as number).toFixed(2)} | ${(r.peakRssMb as number).toFixed(0)} |`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(child ? runChild() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
