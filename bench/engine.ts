/**
 * Rule engine benchmark: MB/s of plain text and of HTML through the full ruleset on one core, next to
 * the floor (one pass of a single combined regex of all trigger terms over the same input), and
 * memory while streaming 100 MB of text through in 1 MB chunks.
 *
 *   npx tsx bench/engine.ts            (MB = 2^20 bytes of UTF-8)
 *   npx tsx bench/engine.ts --quick    (smaller inputs, for a smoke run)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkHtml, checkText, defaultRuleset } from '../src/compliance/index';
import { analyse } from '../src/compliance/analyse';
import { EvalContext } from '../src/compliance/context';
import { textDocument } from '../src/compliance/document';
import { detectSentenceLanguages } from '../src/compliance/language';
import { matchRule } from '../src/compliance/matcher';
import { modelCandidates } from '../src/compliance/model';
import { parse } from 'yaml';
import { expandBraces } from '../src/compliance/terms';
import { termAtoms, trieRegex } from './trie-regex';

const QUICK = process.argv.includes('--quick');
const ROOT = join(import.meta.dirname, '..');
const FIX = join(ROOT, 'tests/fixtures/copy');
const MB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const rs = defaultRuleset();

// --- inputs: real corpus sentences mixed with ordinary service copy (most text flags nothing) ---
const sentences = readFileSync(join(FIX, 'sentences.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text as string);
const filler = [
  'Hos oss får du en egen handledare som hjälper dig att hitta vägen till arbete eller studier.',
  'Vi träffas varannan vecka, och minst var fjärde vecka ses vi på vårt kontor på Storgatan.',
  'Du får hjälp med CV, personligt brev och intervjuträning, och vi kontaktar arbetsgivare i regionen.',
  'Our coaches speak Swedish, English, Arabic and Somali, and we adapt the support to your plan.',
  'Tjänsten är kostnadsfri för dig som deltagare och upphandlad av Arbetsförmedlingen enligt LOV.',
];
function textOf(size: number, seed = 0): string {
  const parts: string[] = [];
  let n = 0;
  let i = seed;
  while (n < size) {
    // One corpus sentence per four filler sentences; a blank line every few sentences.
    const s = i % 5 === 0 ? sentences[(i / 5) % sentences.length | 0] : filler[i % filler.length];
    parts.push(s, i % 4 === 3 ? '\n\n' : ' ');
    n += s.length + 1;
    i++;
  }
  return parts.join('');
}
const pages = readdirSync(join(FIX, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(FIX, 'pages', f), 'utf8'));

// --- the floor: one pass of a single regex of every trigger term (all rules, all languages) ---
// The alternatives are factored as a trie; a plain "a|b|c|…" of ~3,400 terms runs at ~0.01 MB/s in V8.
const rawGlossary: Record<string, Record<string, string[]>> = parse(readFileSync(join(ROOT, 'rules/ruleset.yaml'), 'utf8')).glossary;
function floorRegex(): RegExp {
  const alts: string[][] = [];
  for (const r of rs.rules)
    for (const c of r.spec.match ?? []) {
      const list = Array.isArray(c.trigger) ? c.trigger : Object.values(c.trigger).flat();
      for (const t of list.flatMap((x) => (x.startsWith('@') ? Object.values(rawGlossary[x.slice(1).split('.')[0]] ?? {}).flat() : [x])))
        for (const v of expandBraces(t)) alts.push(termAtoms(v.toLowerCase()));
    }
  return trieRegex(alts);
}

function time(fn: () => void, minMs = 1500): number {
  fn(); // warm-up
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || runs < 2) {
    fn();
    runs++;
  }
  return (performance.now() - t0) / runs;
}

const floor = floorRegex();
// Lower-casing is part of the floor (the regex is case-sensitive for speed).
const countFloor = (s: string) => {
  const lower = s.toLowerCase();
  floor.lastIndex = 0;
  let n = 0;
  while (floor.exec(lower)) n++;
  return n;
};

// Plain text: 1 MB documents.
const text = textOf(QUICK ? MB / 4 : MB);
const textBytes = bytes(text);
const tText = time(() => checkText(rs, text));
const tTextFloor = time(() => countFloor(text));
// HTML: all fixture pages, each checked as one page.
const htmlBytes = pages.reduce((n, p) => n + bytes(p), 0);
const tHtml = time(() => pages.forEach((p) => checkHtml(rs, p)));
const tHtmlFloor = time(() => pages.forEach((p) => countFloor(p)));

const mbps = (b: number, ms: number) => b / MB / (ms / 1000);
const rows = [
  { input: 'plain text', size: `${(textBytes / MB).toFixed(2)} MB`, engine: mbps(textBytes, tText), floor: mbps(textBytes, tTextFloor) },
  { input: `HTML (${pages.length} pages)`, size: `${(htmlBytes / MB).toFixed(2)} MB`, engine: mbps(htmlBytes, tHtml), floor: mbps(htmlBytes, tHtmlFloor) },
];
console.log(`rules: ${rs.rules.length}, floor regex: ${floor.source.length} characters, findings in the text sample: ${checkText(rs, text).length}, node ${process.version}`);
console.log('| input | size | engine MB/s | floor (one regex) MB/s | engine / floor time |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.input} | ${r.size} | ${r.engine.toFixed(1)} | ${r.floor.toFixed(1)} | ${(r.floor / r.engine).toFixed(2)}× |`);

// Cost of each layer on the plain text (issue 14): normalise + tokenise + term hits (analyse, which
// also runs the language pass), language detection alone, concepts/rules (clauses and checks), the
// learned model, and findings. Each is timed on its own over the same analysed document.
{
  const doc = textDocument(text);
  const tAnalyse = time(() => analyse(doc, rs.index), 1000);
  const a = analyse(doc, rs.index);
  const tLang = time(() => detectSentenceLanguages(a), 1000);
  const tRules = time(() => {
    const ctx = new EvalContext(a);
    for (const r of rs.rules) matchRule(ctx, r);
  }, 1000);
  const ctx0 = new EvalContext(a);
  const certain = rs.rules.flatMap((r) => matchRule(ctx0, r));
  const tModel = rs.model ? time(() => modelCandidates(new EvalContext(a), rs.model!, rs.rules, certain.map((c) => ({ ...c }))), 1000) : 0;
  const tNoModel = time(() => checkText(rs, text, { model: false }), 1000);
  console.log(`\nlayers on the ${(textBytes / MB).toFixed(2)} MB plain text (ms per run; MB/s if the layer ran alone)`);
  console.log('| layer | ms | MB/s alone | share of checkText |');
  console.log('|---|---|---|---|');
  const row = (name: string, ms: number) => console.log(`| ${name} | ${ms.toFixed(1)} | ${mbps(textBytes, ms).toFixed(0)} | ${((ms / tText) * 100).toFixed(0)} % |`);
  row('normalise + tokenise + term hits + language (analyse)', tAnalyse);
  row('  of which language detection per sentence', tLang);
  row('concepts / rule clauses', tRules);
  row('learned model (possible findings)', tModel);
  row('checkText without the model', tNoModel);
  row('checkText (all layers)', tText);
}

// Memory: stream 100 MB of text through in 1 MB chunks.
const total = QUICK ? 20 * MB : 100 * MB;
const mem = () => {
  const m = process.memoryUsage();
  return `RSS ${(m.rss / MB).toFixed(0)} MB, heap ${(m.heapUsed / MB).toFixed(0)} MB`;
};
globalThis.gc?.();
console.log(`\nstreaming ${total / MB} MB in 1 MB chunks`);
console.log(`  start: ${mem()}`);
let done = 0;
let findings = 0;
const t0 = performance.now();
for (let i = 0; done < total; i++) {
  const chunk = textOf(MB, i * 7);
  findings += checkText(rs, chunk).length;
  done += bytes(chunk);
  if (done >= total / 2 && done - bytes(chunk) < total / 2) console.log(`  at ${(done / MB).toFixed(0)} MB: ${mem()}`);
}
const secs = (performance.now() - t0) / 1000;
console.log(`  end (${(done / MB).toFixed(0)} MB, ${findings} findings, ${(done / MB / secs).toFixed(1)} MB/s incl. generating the text): ${mem()}`);
