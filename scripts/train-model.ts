/**
 * Trains the learned second opinion (src/compliance/model.ts) and writes its weights as data to
 * src/compliance/model.generated.ts. Deterministic: fixed data order, a seeded shuffle, fixed
 * epochs, weights quantised to int8 — re-running it reproduces the file byte for byte
 * (tests/compliance/model.test.ts checks that).
 *
 *   npx tsx scripts/train-model.ts           (writes the file)
 *   npx tsx scripts/train-model.ts --check   (exit 1 when the committed file differs)
 *
 * Training data (labelled, all tuned on): every rule's text examples (flag = positive for its rule;
 * pass = negative), tests/fixtures/copy/sentences.jsonl and dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9. NEVER the
 * held-out or blind corpora: they measure the model.
 *
 * Per rule: logistic regression by SGD over hashed features (model-features.ts), positives
 * up-weighted by sqrt(negatives / positives), L2 regularised. The decision threshold per rule comes
 * from 4-fold cross-validation: the lowest of 0.50, 0.55 … 0.95 whose out-of-fold precision is at
 * least 0.6 (a possible finding is a lead for a person: more often right than wrong), else the rule gets no model findings.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset } from '../src/compliance/loader';
import { MODEL_BUCKETS, unitFeatures } from '../src/compliance/model-features';
import { normaliseToken } from '../src/compliance/normalise';
import { tokenize } from '../src/compliance/tokenize';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'src/compliance/model.generated.ts');
const CORPORA = ['tests/fixtures/copy/sentences.jsonl', 'tests/fixtures/copy/dev/sentences.jsonl', 'tests/fixtures/copy/dev2/sentences.jsonl', 'tests/fixtures/copy/dev3/sentences.jsonl', 'tests/fixtures/copy/dev4/sentences.jsonl', 'tests/fixtures/copy/dev5/sentences.jsonl', 'tests/fixtures/copy/dev6/sentences.jsonl', 'tests/fixtures/copy/dev7/sentences.jsonl', 'tests/fixtures/copy/dev8/sentences.jsonl', 'tests/fixtures/copy/dev9/sentences.jsonl'];
const EPOCHS = 12;
const L2 = 1e-5;
const FOLDS = 4;
const MIN_POSITIVES = 8;
const TARGET_PRECISION = 0.6;
/** Rules the model does not learn: the meta rule reads whole pages, not sentences. */
const SKIP = new Set(['R22-LANGPARITY']);

interface Sample {
  feats: number[];
  labels: Set<string>;
  /** Only these rules' labels are known (rule examples); null = every rule is labelled. */
  only: string | null;
}

function features(text: string): number[] {
  const toks: string[] = [];
  tokenize(text, (_s, _e, raw) => toks.push(normaliseToken(raw)));
  return unitFeatures(toks);
}

function loadData(): { samples: Sample[]; ruleIds: string[] } {
  const files = readdirSync(join(ROOT, 'rules'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `rules/${f}`, text: readFileSync(join(ROOT, 'rules', f), 'utf8') }));
  const rs = loadRuleset(files, { skipExamples: true });
  const samples: Sample[] = [];
  for (const rule of rs.rules) {
    for (const kind of ['flag', 'pass'] as const)
      for (const ex of rule.spec.examples[kind]) {
        const text = typeof ex === 'string' ? ex : ex.text;
        if (!text || (typeof ex !== 'string' && ex.provider)) continue;
        samples.push({ feats: features(text), labels: new Set(kind === 'flag' ? [rule.id] : []), only: rule.id });
      }
  }
  for (const file of CORPORA) {
    if (/heldout|blind/.test(file)) throw new Error('never train on measurement corpora');
    for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const s = JSON.parse(line) as { text: string; expect: string[] };
      samples.push({ feats: features(s.text), labels: new Set(s.expect), only: null });
      // The model reads one sentence at a time: every sentence of a fine paragraph is fine on its own
      // too ("Vem är bäst för mig?" before "Jämför betygen …"), so it learns explainers out of context.
      if (s.expect.length === 0) {
        const parts = sentencesOf(s.text);
        if (parts.length > 1) for (const part of parts) samples.push({ feats: features(part), labels: new Set(), only: null });
      }
    }
  }
  return { samples, ruleIds: rs.rules.map((r) => r.id).filter((id) => !SKIP.has(id)) };
}

/** A paragraph's sentences (split after . ! ? and line breaks), as the engine reads them. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?؟])\s+|\n+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** mulberry32: a small seeded generator for the shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(samples: Sample[], rule: string): { w: Float64Array; b: number } {
  const data = samples.filter((s) => s.only === null || s.only === rule);
  const pos = data.filter((s) => s.labels.has(rule)).length;
  const posWeight = Math.sqrt(Math.max(1, (data.length - pos) / Math.max(1, pos)));
  const w = new Float64Array(MODEL_BUCKETS);
  let b = 0;
  const order = data.map((_, i) => i);
  const rand = rng(14);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = 0.3 / (1 + epoch * 0.3);
    for (const idx of order) {
      const s = data[idx];
      let z = b;
      for (const f of s.feats) z += w[f];
      const p = 1 / (1 + Math.exp(-z));
      const y = s.labels.has(rule) ? 1 : 0;
      const g = (p - y) * (y ? posWeight : 1);
      b -= lr * g;
      for (const f of s.feats) w[f] -= lr * (g + L2 * w[f]);
    }
  }
  return { w, b };
}

function prob(m: { w: Float64Array; b: number }, feats: number[]): number {
  let z = m.b;
  for (const f of feats) z += m.w[f];
  return 1 / (1 + Math.exp(-z));
}

function threshold(samples: Sample[], rule: string): number {
  const oof: { p: number; y: boolean }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const trainSet = samples.filter((_, i) => i % FOLDS !== k);
    const test = samples.filter((s, i) => i % FOLDS === k && s.only === null);
    const m = train(trainSet, rule);
    for (const s of test) oof.push({ p: prob(m, s.feats), y: s.labels.has(rule) });
  }
  for (let t = 0.5; t < 0.96; t += 0.05) {
    const flagged = oof.filter((o) => o.p >= t);
    if (flagged.length === 0) break;
    const right = flagged.filter((o) => o.y).length;
    if (right / flagged.length >= TARGET_PRECISION) return Math.round(t * 100) / 100;
  }
  return 1.01;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Trains every rule's model and returns the generated file's text. */
export function buildModelFile(): string {
  const { samples, ruleIds } = loadData();
  const rules: { id: string; bias: number; scale: number; threshold: number; weights: string }[] = [];
  for (const id of ruleIds) {
    const positives = samples.filter((s) => s.labels.has(id)).length;
    if (positives < MIN_POSITIVES) continue;
    const m = train(samples, id);
    let max = 0;
    for (const v of m.w) max = Math.max(max, Math.abs(v));
    const scale = Number((max / 127 || 1e-6).toPrecision(6));
    const q = new Uint8Array(MODEL_BUCKETS);
    for (let i = 0; i < MODEL_BUCKETS; i++) q[i] = Math.max(-127, Math.min(127, Math.round(m.w[i] / scale))) & 0xff;
    rules.push({ id, bias: Number(m.b.toFixed(4)), scale, threshold: threshold(samples, id), weights: toBase64(q) });
  }
  const data = { version: `hashed-ngrams-lr-1/${samples.length}`, buckets: MODEL_BUCKETS, rules };
  return `// Generated by scripts/train-model.ts (npx tsx scripts/train-model.ts). Do not edit.
// Per-rule logistic regression over hashed word and character n-grams; int8 weights, base64.
import type { ModelData } from './model-weights';

export const MODEL_DATA: ModelData = ${JSON.stringify(data, null, 1)};
`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const text = buildModelFile();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(same ? 'model.generated.ts is up to date' : 'model.generated.ts differs: run npx tsx scripts/train-model.ts');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} KB)`);
}
