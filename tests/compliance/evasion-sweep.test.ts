// The evasion sweep (issue 14, item 3): every rule's text flag examples, with the words that carry the
// finding disguised, still draw the rule's finding. Floors are the measured rates (see docs/rules.md,
// "Evasion sweep"); a change that loses a disguise fails here.
import { describe, expect, it } from 'vitest';
import { runEvasionSweep, summariseSweep } from './evasion-sweep';
import { disguise, EVASION_TRANSFORMS, wordsIn } from './evasion-transforms';
import { diskRuleset } from './rules-on-disk';

/** Minimum share found per "TRANSFORM / MODE"; every other row must find all (1.0). */
const FLOORS: Record<string, number> = {
  'leetspeak / all words': 0.7, // every word in heavy leet: "055" (oss) and "477" (att) are numbers too
  'leetspeak / key word': 0.97, // "bä57", "pl475": letters then a number, like "iphone15"
  'light leetspeak / all words': 0.98,
  // A spaced-out word runs into a one-letter word after it ("b ä s t i stan"), which a reader splits by sense.
  'spaced letters / key word': 0.94,
  'dotted letters / key word': 0.94,
  'dashed letters / key word': 0.94,
};

describe('evasion sweep over the rules\' flag examples', () => {
  const rows = summariseSweep(runEvasionSweep(diskRuleset()));
  it('covers every transform over a couple of hundred examples', () => {
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(EVASION_TRANSFORMS).length);
    for (const r of rows) expect(r.cases, r.key).toBeGreaterThan(150);
  });
  it.each(rows.map((r) => [r.key, r] as const))('%s', (key, r) => {
    expect(r.rate, `${r.found} of ${r.cases} found`).toBeGreaterThanOrEqual(FLOORS[key] ?? 1);
  });
});

describe('evasion transforms', () => {
  it('disguise only the given words and keep the rest of the text', () => {
    const text = 'Välj oss och få ett presentkort!';
    const spans = wordsIn(text, 20, 31);
    expect(disguise(text, spans, EVASION_TRANSFORMS['light leetspeak'])).toBe('Välj oss och få ett pr3s3ntk0rt!');
    expect(disguise(text, spans, EVASION_TRANSFORMS['spaced letters'])).toBe('Välj oss och få ett p r e s e n t k o r t!');
  });
});
