// The blind corpus (tests/fixtures/copy/blind, round 4 of issue 14): 302 paragraph-length items
// written from the rules catalogue only, never used to tune anything. It joins the held-out gates.
// Before figures (main's engine, 2026-12-04): precision (certain) 0.868, recall (certain + possible)
// 0.612, 11 of 125 fine items flagged as certain (0.088), evasion variants 24 of 29. The gates sit just
// below them and are raised when the engine improves; they never move down to let a change through.
// Round 6 (dev6: who speaks at page level, non-Swedish vocabulary), with the model (the self-check's
// engine): P 0.926, R 0.820, 5 of 125 fine flagged as certain, evasion 29 of 29. This gate runs the rule
// files from disk, which carry no model: P 0.926, R 0.645, 5 of 125, evasion 25 of 29; the gates were
// raised to sit just below those. Round 7 (dev7): with the model P 0.935, R 0.852, 4 of 125, evasion 29
// of 29; rules alone P 0.935, R 0.661, 4 of 125, evasion 25 of 29.
// Only aggregate figures are printed, never an item's id or text (see the corpus README).
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, type CorpusItem } from './corpus-metrics';
import { readCorpus } from './corpus-score';
import { diskRuleset } from './rules-on-disk';

/**
 * The measurement corpora and their gates. blind2 was written on 2026-12-05, after round 8, by a helper
 * from the catalogue only; its first figures (rules from disk, no model): P 0.943, R 0.657, 3 of 115 fine
 * flagged as certain, evasion 26 of 31 (with the model, as the self-check runs: P 0.943, R 0.819, 3 of
 * 115, evasion 30 of 31). Main at the start of the session (c129eba) gave, with the model, P 0.940,
 * R 0.795, 3 of 115, evasion 29 of 31.
 */
const CORPORA = [
  { name: 'blind', title: 'blind corpus (round 4)', gates: { precision: 0.92, recall: 0.65, fineFlaggedRate: 0.035, evasion: 0.85 }, minItems: 260, minEvasion: 24 },
  { name: 'blind2', title: 'blind corpus, round 2 (written after round 8)', gates: { precision: 0.93, recall: 0.64, fineFlaggedRate: 0.035, evasion: 0.8 }, minItems: 260, minEvasion: 24 },
];

describe.each(CORPORA)('$title', ({ name, gates: GATES, minItems, minEvasion }) => {
  const items = readCorpus(`tests/fixtures/copy/${name}/sentences.jsonl`) as CorpusItem[];
  const rs = diskRuleset();
  const { metrics } = evaluateCorpus(rs, items);

  it(`is the corpus its README describes: ≥ ${minItems} items, ≥ 40 % fine, ≥ 22 % non-Swedish, ≥ ${minEvasion} evasion variants, known rule ids`, () => {
    expect(items.length).toBeGreaterThanOrEqual(minItems);
    expect(metrics.fineItems / items.length).toBeGreaterThanOrEqual(0.4);
    expect(items.filter((i) => i.lang !== 'sv').length / items.length).toBeGreaterThanOrEqual(0.22);
    expect(items.filter((i) => i.evasion).length).toBeGreaterThanOrEqual(minEvasion);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const known = new Set(rs.rules.map((r) => r.id));
    const kinds = new Set(['web', 'social', 'sms', 'flyer', 'faq', 'news']);
    for (const i of items) {
      for (const r of i.expect) expect(known.has(r), `${i.id}: ${r}`).toBe(true);
      expect(kinds.has(i.kind ?? ''), `${i.id}: kind`).toBe(true);
    }
  });

  it(`keeps precision (certain) ≥ ${GATES.precision} and recall (certain + possible) ≥ ${GATES.recall}`, () => {
    console.log(`${name}: ${items.length} items · P(certain) ${metrics.precision} · R(all) ${metrics.recall} · R(certain) ${metrics.recallCertain}`);
    console.table(Object.fromEntries(Object.entries(metrics.perRule).filter(([, r]) => r.items).map(([id, r]) => [id, { n: r.items, P: r.precision, R: r.recall }])));
    console.table(Object.fromEntries(Object.entries(metrics.perLanguage).map(([l, r]) => [l, { n: r.items, P: r.precision, R: r.recall }])));
    expect(metrics.precision).toBeGreaterThanOrEqual(GATES.precision);
    expect(metrics.recall).toBeGreaterThanOrEqual(GATES.recall);
  });

  it(`flags at most ${GATES.fineFlaggedRate * 100} % of the fine items as certain`, () => {
    console.log(`${name}: fine items flagged as certain: ${metrics.fineFlagged} of ${metrics.fineItems}`);
    expect(metrics.fineFlaggedRate).toBeLessThanOrEqual(GATES.fineFlaggedRate);
  });

  it(`catches at least ${GATES.evasion * 100} % of the evasion variants`, () => {
    console.log(`${name}: evasion variants caught: ${metrics.evasion.hit} of ${metrics.evasion.items}`);
    expect(metrics.evasion.rate).toBeGreaterThanOrEqual(GATES.evasion);
  });
});
