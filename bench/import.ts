/**
 * Benchmark: AF imports into a fresh file database, each in its own child process so its
 * peak memory (RSS sampled every 10 ms, and process.resourceUsage().maxRSS) is its own.
 * Files are generated into a temp dir with scripts/make-af-fixtures.ts.
 *
 * 1. Issue 13's figure: a 1,000-contract rating workbook with 9 periods, then a 925-row
 *    results workbook, on a fresh database (then the rating file again: idempotent).
 * 2. Issue 17's bound: a ~10 MB results workbook and a ~10 MB chooser JSON, each imported
 *    into a fresh database; peak RSS must stay under 400 MB. Beside them, reading the same
 *    workbook with the old reader (exceljs Workbook.load) and with xlsx-read.ts, read only,
 *    as the baseline the ratio is taken against.
 *
 * Run: `npx tsx bench/import.ts` (add `--quick` to skip the 10 MB part, or `--results-only` to
 * run only the ~10 MB results workbook import of part 2: the case issue 17's bound is about).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const child = process.argv[2] === '--child';

async function runChild(): Promise<void> {
  const [, , , kind, file, dbUrl] = process.argv;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  let out: Record<string, unknown>;
  if (kind === 'read-exceljs' || kind === 'read-neutral') {
    const bytes = new Uint8Array(readFileSync(file));
    let cells = 0;
    if (kind === 'read-exceljs') {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as never);
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
    } else {
      const { readXlsx } = await import('../src/import/xlsx-read');
      for (const s of readXlsx(bytes).sheets) for (const r of s.rows) cells += r.cells.filter((c) => c !== null).length;
    }
    out = { kind, status: 'read', rowsRead: cells, created: 0 };
  } else {
    const { openNodeDatabase, migrateNodeDatabase } = await import('../src/db/node-client');
    const { importPath } = await import('../src/import/import-path.node.ts');
    const database = openNodeDatabase(dbUrl);
    await migrateNodeDatabase(database);
    const t1 = performance.now();
    const report = await importPath(database.db, kind as never, file, { today: new Date('2026-12-01T00:00:00Z') });
    database.close();
    out = { kind, status: report.status, rowsRead: report.rowsRead, created: report.created, migrateSeconds: (t1 - t0) / 1000 };
  }
  const seconds = (performance.now() - t0) / 1000 - Number(out.migrateSeconds ?? 0);
  clearInterval(timer);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ...out, seconds, peakRssMb: Math.max(peak, maxRss) / 2 ** 20 }));
}

function measure(kind: string, file: string, dbUrl: string): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', kind, file, dbUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}`))));
  });
}

const mb = (file: string) => `${(statSync(file).size / 2 ** 20).toFixed(1)} MB`;

type Fixtures = typeof import('../scripts/make-af-fixtures');

/** Writes part 2's results workbook: 11 periods × up to 8,000 contracts (about 6.6 MB). */
async function writeBigResults(dir: string, f: Fixtures): Promise<string> {
  const big = f.makeWorld({ providers: 6000, contracts: 8000, seed: 11 });
  const periods = ['2025-03', '2025-05', '2025-07', '2025-09', '2025-11', '2026-01', '2026-03', '2026-05', '2026-07', '2026-09', '2026-11', '2027-01'].filter((p) => p <= '2026-11');
  const file = join(dir, 'resultatuppfoljning-mars-2025-november-2026.xlsx');
  await f.writeResultsWorkbook(file, big, periods, (p) => p <= '2025-05');
  return file;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const resultsOnly = process.argv.includes('--results-only');
  const fixtures = await import('../scripts/make-af-fixtures');
  const { makeWorld, chooserDocuments, writeRatingWorkbook, writeResultsWorkbook } = fixtures;
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  const lines = { push: (...l: string[]) => console.log(l.join('\n')) };
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, commit ${commit}`);
  console.log('| import | file | size | rows | created | status | seconds | peak RSS (MB) |');
  console.log('|---|---|---|---|---|---|---|---|');
  const row = (label: string, file: string, r: Record<string, number | string>) =>
    lines.push(`| ${r.kind} | ${label} | ${mb(file)} | ${r.rowsRead} | ${r.created} | ${r.status} | ${(r.seconds as number).toFixed(2)} | ${(r.peakRssMb as number).toFixed(0)} |`);
  try {
    if (resultsOnly) {
      const bigResults = await writeBigResults(dir, fixtures);
      row('results workbook, 11 periods × ≤8,000 contracts (fresh DB)', bigResults, await measure('af-results', bigResults, `file:${join(dir, 'big1.db')}`));
      return;
    }
    // 1. 1,000 contracts × 9 periods, then 925 result rows, on a fresh database.
    const world = makeWorld({ providers: 700, contracts: 1000, seed: 7 });
    const nine = ['2025-01', '2025-03', '2025-05', '2025-07', '2025-09', '2025-11', '2026-01', '2026-03', '2026-05'];
    const ratings = join(dir, 'betyg-rusta-och-matcha-maj-2026.xlsx');
    await writeRatingWorkbook(ratings, world, false, nine);
    const results = join(dir, 'resultatuppfoljning-maj-2026.xlsx');
    await writeResultsWorkbook(results, { providers: world.providers, contracts: world.contracts.slice(0, 925) }, ['2026-05'], () => false);
    const fresh = `file:${join(dir, 'fresh.db')}`;
    const t0 = performance.now();
    const a = await measure('af-ratings', ratings, fresh);
    const b = await measure('af-results', results, fresh);
    const total = (performance.now() - t0) / 1000;
    const c = await measure('af-ratings', ratings, fresh);
    row('rating workbook, 1,000 contracts × 9 periods (fresh DB)', ratings, a);
    row('results workbook, 925 rows (same DB)', results, b);
    row('same rating workbook again (idempotent)', ratings, c);
    const { createClient } = await import('@libsql/client');
    const db = createClient({ url: fresh });
    const counts = (await db.execute('SELECT (SELECT count(*) FROM contracts) AS contracts, (SELECT count(*) FROM providers) AS providers, (SELECT count(*) FROM ratings) AS ratings, (SELECT count(*) FROM contract_results) AS results')).rows[0];
    db.close();
    lines.push('', `fresh database after both files: ${counts.contracts} contracts, ${counts.providers} providers (by name), ${counts.ratings} ratings, ${counts.results} result rows; both imports including process start: ${total.toFixed(1)} s`);

    if (!quick || process.argv.includes('--big-only')) {
      // 2. ~10 MB files.
      const bigResults = await writeBigResults(dir, fixtures);
      const { pages, details } = chooserDocuments(makeWorld({ providers: 11000, contracts: 15000, seed: 13 }));
      const bigChooser = join(dir, 'sokleverantor-2026-11-15.json');
      writeFileSync(bigChooser, JSON.stringify([...pages, ...details]));
      lines.push('', '| import | file | size | rows | created | status | seconds | peak RSS (MB) |', '|---|---|---|---|---|---|---|---|');
      row('results workbook, 11 periods × ≤8,000 contracts (fresh DB)', bigResults, await measure('af-results', bigResults, `file:${join(dir, 'big1.db')}`));
      row('chooser list, 15,000 entries (fresh DB)', bigChooser, await measure('af-providers', bigChooser, `file:${join(dir, 'big2.db')}`));
      const base = await measure('read-exceljs', bigResults, '');
      const neutral = await measure('read-neutral', bigResults, '');
      row('read only: old reader (exceljs Workbook.load), baseline', bigResults, base);
      row('read only: xlsx-read.ts', bigResults, neutral);
      lines.push('', `xlsx-read.ts vs exceljs on the same ${mb(bigResults)} workbook: peak RSS ${((neutral.peakRssMb as number) / (base.peakRssMb as number)).toFixed(2)}×, time ${((neutral.seconds as number) / (base.seconds as number)).toFixed(2)}×`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(child ? runChild() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
