/**
 * Evaluates the rule engine on every labelled copy corpus, the same way for all of them, and prints
 * the figures issue 14 reports: precision over certain findings, recall over certain + possible
 * findings, recall over certain findings only, per rule, per language and per kind, the share of fine
 * items flagged as certain (false-alarm rate), and the hit rate on evasion variants.
 *
 * Usage:
 *   npx tsx scripts/evaluate-corpora.ts [--corpus NAME[,NAME…]] [--json FILE] [--errors]
 *
 * Corpora (all under tests/fixtures/copy/):
 *   tuned    sentences.jsonl      tuned on (rounds 1–3)
 *   dev      dev/sentences.jsonl  tuned on (round 3)
 *   dev2     dev2/…               tuned on (round 3)
 *   dev3     dev3/…               tuned on (round 3)
 *   dev4     dev4/…               tuned on (round 4)
 *   dev5     dev5/…               tuned on (round 5: who speaks)
 *   dev6     dev6/…               tuned on (round 6: third-person voice, non-Swedish copy)
 *   dev7     dev7/…               tuned on (round 7: the provider's own voice, quoted speech, non-Swedish violations)
 *   dev8     dev8/…               tuned on (round 8: precision, the right rule and only it)
 *   dev9     dev9/…               tuned on (round 9: pages that explain the programme)
 *   heldout  heldout/…            measurement, never tuned on
 *   blind    blind/…              measurement, never tuned on (round 4)
 *   blind2   blind2/…             measurement, never tuned on (written after round 8, 2026-12-05)
 *
 * The engine runs as the self-check runs it: `checkText` on plain text with the bundled ruleset
 * (`defaultRuleset({ verify: false })`), the item's language passed as the hint when the ruleset
 * knows it. A finding with `certainty === 'possible'` counts as possible; one without the field as
 * certain (see tests/compliance/corpus-metrics.ts).
 *
 * Measurement corpora (heldout, blind) print ONLY aggregate figures — never an item's id or text —
 * so engineers can run this without seeing held-out items. `--errors` lists misses and wrong flags
 * by item id for the other corpora only.
 *
 * `--json FILE` writes (stable shape; add fields, never rename):
 *   {
 *     generatedAt: ISO timestamp,
 *     rulesetVersion: string,
 *     corpora: {
 *       [name]: {
 *         file, tunedOn: boolean, items, fineItems,
 *         precision, recall, recallCertain,             // null when undefined (no findings / no labels)
 *         fineFlaggedRate, fineFlagged, fineFlaggedAny,
 *         evasion: { items, hit, hitCertain, rate, rateCertain },
 *         perRule:     { [ruleId]: { items, tp, fn, fp, tpCertain, fpPossible, recall, recallCertain, precision } },
 *         perLanguage: { [lang]:   { …same…, fineItems, fineFlagged, fineFlaggedRate } },
 *         perKind:     { [kind]:   { …same as perLanguage… } }   // only corpora with a `kind` field
 *       }
 *     }
 *   }
 * where tp = labels found by any finding, fn = labels found by none, fp = certain findings of a rule
 * the item is not labelled with, precision = tpCertain / (tpCertain + fp), recall = tp / (tp + fn),
 * recallCertain = tpCertain / (tp + fn).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRuleset } from '../src/compliance/index';
import { evaluateCorpus, type CorpusItem, type CorpusMetrics, type SliceMetrics } from '../tests/compliance/corpus-metrics';
import { readCorpus } from '../tests/compliance/corpus-score';
import { ROOT } from '../tests/compliance/rules-on-disk';

/** Every corpus, in the order they are reported. `measurement` ones never show item ids or texts. */
export const CORPORA: { name: string; file: string; tunedOn: boolean; measurement: boolean }[] = [
  { name: 'tuned', file: 'tests/fixtures/copy/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev', file: 'tests/fixtures/copy/dev/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev2', file: 'tests/fixtures/copy/dev2/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev3', file: 'tests/fixtures/copy/dev3/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev4', file: 'tests/fixtures/copy/dev4/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev5', file: 'tests/fixtures/copy/dev5/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev6', file: 'tests/fixtures/copy/dev6/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev7', file: 'tests/fixtures/copy/dev7/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev8', file: 'tests/fixtures/copy/dev8/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'dev9', file: 'tests/fixtures/copy/dev9/sentences.jsonl', tunedOn: true, measurement: false },
  { name: 'heldout', file: 'tests/fixtures/copy/heldout/sentences.jsonl', tunedOn: false, measurement: true },
  { name: 'blind', file: 'tests/fixtures/copy/blind/sentences.jsonl', tunedOn: false, measurement: true },
  { name: 'blind2', file: 'tests/fixtures/copy/blind2/sentences.jsonl', tunedOn: false, measurement: true },
];

interface Args {
  corpora: string[];
  json?: string;
  errors: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpora: CORPORA.map((c) => c.name), errors: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = argv[++i];
    else if (a === '--corpus') args.corpora = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--errors') args.errors = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/evaluate-corpora.ts [--corpus NAME[,NAME…]] [--json FILE] [--errors]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.json === undefined && argv.includes('--json')) throw new Error('--json needs a file name');
  const known = new Set(CORPORA.map((c) => c.name));
  const unknown = args.corpora.filter((c) => !known.has(c));
  if (unknown.length || !args.corpora.length) throw new Error(`unknown corpus ${unknown.join(', ') || '(none)'}; use ${[...known].join(', ')}`);
  return args;
}

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function sliceRow(name: string, m: SliceMetrics & { fineItems?: number; fineFlagged?: number; fineFlaggedRate?: number | null }) {
  return {
    slice: name,
    items: m.items,
    tp: m.tp,
    fn: m.fn,
    fp: m.fp,
    'P(certain)': pct(m.precision),
    'R(all)': pct(m.recall),
    'R(certain)': pct(m.recallCertain),
    ...(m.fineItems !== undefined ? { fine: m.fineItems, 'fine flagged': m.fineFlagged } : {}),
  };
}

function printCorpus(name: string, tunedOn: boolean, m: CorpusMetrics): void {
  console.log(`\n=== ${name} (${tunedOn ? 'tuned on' : 'not tuned on'}) — ${m.items} items, ${m.fineItems} fine ===`);
  console.log(
    `precision (certain) ${pct(m.precision)} · recall (certain + possible) ${pct(m.recall)} · recall (certain) ${pct(m.recallCertain)} · ` +
      `fine flagged as certain ${m.fineFlagged}/${m.fineItems} (${pct(m.fineFlaggedRate)}), any ${m.fineFlaggedAny} · ` +
      `evasion ${m.evasion.items ? `${m.evasion.hit}/${m.evasion.items} (${pct(m.evasion.rate)}), certain ${m.evasion.hitCertain}` : '—'}`,
  );
  console.table(Object.entries(m.perRule).filter(([, r]) => r.items || r.fp || r.fpPossible).map(([id, r]) => sliceRow(id, r)));
  console.table(Object.entries(m.perLanguage).map(([l, r]) => sliceRow(l, r)));
  if (Object.keys(m.perKind).length) console.table(Object.entries(m.perKind).map(([k, r]) => sliceRow(k, r)));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const rs = defaultRuleset({ verify: false });
  const out: Record<string, unknown> = {};
  for (const c of CORPORA.filter((c) => args.corpora.includes(c.name))) {
    if (!existsSync(join(ROOT, c.file))) {
      console.log(`\n=== ${c.name}: ${c.file} is missing, skipped ===`);
      continue;
    }
    const items = readCorpus(c.file) as CorpusItem[];
    const { metrics, results } = evaluateCorpus(rs, items);
    printCorpus(c.name, c.tunedOn, metrics);
    if (args.errors && !c.measurement) {
      for (const r of results) {
        for (const e of r.item.expect) if (!r.certain.includes(e) && !r.possible.includes(e)) console.log(`FN ${e} ${r.item.id}`);
        for (const e of r.certain) if (!r.item.expect.includes(e)) console.log(`FP ${e} ${r.item.id}`);
      }
    } else if (args.errors) console.log(`(--errors: ${c.name} is a measurement corpus; items are never listed)`);
    const { perKind, ...rest } = metrics;
    out[c.name] = { file: c.file, tunedOn: c.tunedOn, ...rest, ...(Object.keys(perKind).length ? { perKind } : {}) };
  }
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ generatedAt: new Date().toISOString(), rulesetVersion: rs.version, corpora: out }, null, 2) + '\n');
    console.log(`\nwrote ${args.json}`);
  }
}

main();
