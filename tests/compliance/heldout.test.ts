// The held-out corpus (tests/fixtures/copy/heldout): written from the rules catalogue only, never
// used to tune rules. Its figures are printed per rule; the gates sit a little below the measured
// values to catch regressions. Measured 2026-11-23: session 2 P 0.946, R 0.640, 4 of 99 fine
// sentences flagged; session 3, after tuning against three development corpora: P 0.964, R 0.787,
// 3 of 99. Never raise recall here by tuning rules to these sentences (see its README).
import { describe, expect, it } from 'vitest';
import { readCorpus, scoreCorpus } from './corpus-score';
import { diskRuleset } from './rules-on-disk';

const sentences = readCorpus('tests/fixtures/copy/heldout/sentences.jsonl');

describe('held-out corpus', () => {
  const rs = diskRuleset();
  const score = scoreCorpus(rs, sentences);

  it('has sentences for the text-judgeable rules, flagged and fine', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(200);
    expect(score.fineCount).toBeGreaterThanOrEqual(80);
    const known = new Set(rs.rules.map((r) => r.id));
    for (const s of sentences) for (const r of s.expect) expect(known.has(r), `${s.id}: ${r}`).toBe(true);
  });

  it('keeps precision ≥ 0.92 and recall ≥ 0.75 overall (per-rule figures printed)', () => {
    console.log(`held-out corpus: ${sentences.length} sentences`);
    console.table(score.rows);
    expect(score.precision).toBeGreaterThanOrEqual(0.92);
    expect(score.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('flags at most 5 % of the fine sentences', () => {
    console.log(`fine sentences flagged: ${score.fineFlagged.map((f) => `${f.id} (${f.rules.join(', ')})`).join('; ') || 'none'}`);
    expect(score.fineFlagged.length / score.fineCount).toBeLessThanOrEqual(0.05);
  });
});
