// The certainty-aware corpus scoring shared by scripts/evaluate-corpora.ts and the blind gate.
import { describe, expect, it } from 'vitest';
import { scoreResults, type ItemResult } from './corpus-metrics';

const item = (id: string, lang: string, expect: string[], certain: string[], possible: string[] = [], extra = {}): ItemResult => ({
  item: { id, lang, text: '', expect, ...extra },
  certain,
  possible,
});

describe('scoreResults', () => {
  const m = scoreResults(
    [
      item('a', 'sv', ['R1'], ['R1']), // certain hit
      item('b', 'sv', ['R1'], [], ['R1'], { evasion: true }), // possible hit on an evasion variant
      item('c', 'en', ['R2'], [], [], { evasion: true }), // miss
      item('d', 'en', [], ['R2']), // fine flagged as certain
      item('e', 'sv', [], [], ['R1']), // fine with a possible finding only
      item('f', 'sv', ['R1', 'R2'], ['R1', 'R3'], ['R2'], { kind: 'web' }),
    ],
    ['R1', 'R2', 'R3', 'R4'],
  );

  it('counts precision over certain findings and recall over certain + possible', () => {
    // labels: a R1, b R1, c R2, f R1 R2 → 5; found any: a, b, f R1, f R2 → 4; certain: a, f R1 → 2
    expect(m.tp).toBe(4);
    expect(m.fn).toBe(1);
    expect(m.tpCertain).toBe(2);
    expect(m.fp).toBe(2); // d R2, f R3
    expect(m.fpPossible).toBe(1); // e R1
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.8);
    expect(m.recallCertain).toBe(0.4);
  });

  it('reports fine items flagged as certain separately from any finding', () => {
    expect(m.fineItems).toBe(2);
    expect(m.fineFlagged).toBe(1);
    expect(m.fineFlaggedRate).toBe(0.5);
    expect(m.fineFlaggedAny).toBe(2);
  });

  it('scores evasion variants as hit only when every label is found', () => {
    expect(m.evasion).toEqual({ items: 2, hit: 1, hitCertain: 0, rate: 0.5, rateCertain: 0 });
  });

  it('breaks figures down per rule (every rule listed), per language and per kind', () => {
    expect(Object.keys(m.perRule)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(m.perRule.R1).toMatchObject({ items: 3, tp: 3, fn: 0, tpCertain: 2, fp: 0, fpPossible: 1, recall: 1, precision: 1 });
    expect(m.perRule.R2).toMatchObject({ items: 2, tp: 1, fn: 1, fp: 1, recall: 0.5, precision: 0 });
    expect(m.perRule.R4).toMatchObject({ items: 0, recall: null, precision: null });
    expect(m.perLanguage.en).toMatchObject({ items: 2, tp: 0, fn: 1, fp: 1, fineItems: 1, fineFlagged: 1 });
    expect(Object.keys(m.perLanguage)).toEqual(['sv', 'en']);
    expect(m.perKind).toEqual({ web: expect.objectContaining({ items: 1, tp: 2, fp: 1 }) });
  });
});
