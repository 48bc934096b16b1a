/**
 * Hostile HTML benchmark: the full engine (extract ▸ analyse ▸ match, the bundled rules) over 2 MB
 * of each hostile shape in tests/fixtures/hostile/shapes.ts, next to 2 MB of ordinary HTML (the real
 * provider pages). Prints each shape's time, its ratio to the ordinary time, and the caps it hit;
 * exits 1 when a shape is more than 5× the ordinary time.
 *
 *   npx tsx bench/hostile.ts            (2 MB = 2,000,000 characters per shape)
 *   npx tsx bench/hostile.ts --quick    (500,000 characters, for a smoke run)
 */
import { defaultRuleset } from '../src/compliance/index';
import { htmlDocument } from '../src/compliance/extract-html';
import { runDocument } from '../src/compliance/engine';
import { HOSTILE_SHAPES, ordinaryHtml } from '../tests/fixtures/hostile/shapes';
import { machineSummary } from './lib/machine';

const QUICK = process.argv.includes('--quick');
const SIZE = QUICK ? 500_000 : 2_000_000;
const LIMIT = 5;
const rs = defaultRuleset({ verify: false });

/** Median of `runs` timed runs (after one warm-up) of the whole engine over `html`. */
function time(html: string, runs = 3): { ms: number; findings: number; truncated: string[] } {
  let findings = 0;
  let truncated: string[] = [];
  const once = () => {
    const doc = htmlDocument(html);
    truncated = doc.truncated ?? [];
    findings = runDocument(rs, doc).length;
  };
  once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[runs >> 1], findings, truncated };
}

console.log(`${machineSummary()}; ${SIZE.toLocaleString('en')} characters per input, median of 3 runs`);
const base = time(ordinaryHtml(SIZE));
console.log('| input | time ms | × ordinary | findings | caps hit |');
console.log('|---|---|---|---|---|');
console.log(`| ordinary HTML (real provider pages) | ${base.ms.toFixed(0)} | 1.00 | ${base.findings} | – |`);
let worst = 0;
const over: string[] = [];
for (const [name, build] of Object.entries(HOSTILE_SHAPES)) {
  const r = time(build(SIZE));
  const ratio = r.ms / base.ms;
  worst = Math.max(worst, ratio);
  if (ratio > LIMIT) over.push(name);
  console.log(`| ${name} | ${r.ms.toFixed(0)} | ${ratio.toFixed(2)} | ${r.findings} | ${r.truncated.join(', ') || '–'} |`);
}
console.log(`\nworst ratio ${worst.toFixed(2)}× (limit ${LIMIT}×)${over.length ? `; over the limit: ${over.join('; ')}` : ''}`);
process.exitCode = over.length ? 1 : 0;
