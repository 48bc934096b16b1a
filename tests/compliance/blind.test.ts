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

const items = readCorpus('tests/fixtures/copy/blind/sentences.jsonl') as CorpusItem[];

const GATES = { precision: 0.92, recall: 0.65, fineFlaggedRate: 0.035, evasion: 0.85 };

describe('blind corpus (round 4)', () => {
  const rs = diskRuleset();
  const { metrics } = evaluateCorpus(rs, items);

  it('is the corpus its README describes: ≥ 260 items, ≥ 40 % fine, ≥ 22 % non-Swedish, ≥ 24 evasion variants, known rule ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(260);
    expect(metrics.fineItems / items.length).toBeGreaterThanOrEqual(0.4);
    expect(items.filter((i) => i.lang !== 'sv').length / items.length).toBeGreaterThanOrEqual(0.22);
    expect(items.filter((i) => i.evasion).length).toBeGreaterThanOrEqual(24);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const known = new Set(rs.rules.map((r) => r.id));
    const kinds = new Set(['web', 'social', 'sms', 'flyer', 'faq', 'news']);
    for (const i of items) {
      for (const r of i.expect) expect(known.has(r), `${i.id}: ${r}`).toBe(true);
      expect(kinds.has(i.kind ?? ''), `${i.id}: kind`).toBe(true);
    }
  });

  it(`keeps precision (certain) ≥ ${GATES.precision} and recall (certain + possible) ≥ ${GATES.recall}`, () => {
    console.log(
      `blind corpus: ${items.length} items · P(certain) ${metrics.precision} · R(all) ${metrics.recall} · R(certain) ${metrics.recallCertain}`,
    );
    console.table(Object.fromEntries(Object.entries(metrics.perRule).filter(([, r]) => r.items).map(([id, r]) => [id, { n: r.items, P: r.precision, R: r.recall }])));
    console.table(Object.fromEntries(Object.entries(metrics.perLanguage).map(([l, r]) => [l, { n: r.items, P: r.precision, R: r.recall }])));
    expect(metrics.precision).toBeGreaterThanOrEqual(GATES.precision);
    expect(metrics.recall).toBeGreaterThanOrEqual(GATES.recall);
  });

  it(`flags at most ${GATES.fineFlaggedRate * 100} % of the fine items as certain`, () => {
    console.log(`fine items flagged as certain: ${metrics.fineFlagged} of ${metrics.fineItems}`);
    expect(metrics.fineFlaggedRate).toBeLessThanOrEqual(GATES.fineFlaggedRate);
  });

  it(`catches at least ${GATES.evasion * 100} % of the evasion variants`, () => {
    console.log(`evasion variants caught: ${metrics.evasion.hit} of ${metrics.evasion.items}`);
    expect(metrics.evasion.rate).toBeGreaterThanOrEqual(GATES.evasion);
  });
});
