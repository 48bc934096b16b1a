// The learned second opinion (issue 14): reproducible byte for byte from scripts/train-model.ts,
// trained without the measurement corpora, and what only the model finds is a possible finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModelFile } from '../../scripts/train-model';
import { checkText, defaultRuleset } from '../../src/compliance/index';
import { ROOT } from './rules-on-disk';

describe('learned model', () => {
  it('re-running scripts/train-model.ts reproduces the committed weights byte for byte', () => {
    const committed = readFileSync(join(ROOT, 'src/compliance/model.generated.ts'), 'utf8');
    expect(buildModelFile() === committed).toBe(true);
  }, 120_000);

  it('is never trained on the held-out or blind corpora', () => {
    const script = readFileSync(join(ROOT, 'scripts/train-model.ts'), 'utf8');
    const corpora = script.slice(script.indexOf('const CORPORA'), script.indexOf('\n', script.indexOf('const CORPORA')));
    expect(corpora).not.toMatch(/heldout|blind/);
  });

  it('possible findings carry a confidence below 1, the rule explanation, and can be filtered out', () => {
    const rs = defaultRuleset();
    // Paraphrased inducement the rules' clauses do not cover word for word.
    const text = 'Den som börjar hos oss den här månaden får ett litet tack i form av en överraskning värd 300 kronor.';
    const all = checkText(rs, text);
    for (const f of all) {
      expect(['certain', 'possible']).toContain(f.certainty);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.message.length).toBeGreaterThan(10);
      if (f.certainty === 'possible') expect(f.evidence[0].match.length).toBeGreaterThan(0);
    }
    expect(checkText(rs, text, { certainty: 'certain' }).every((f) => f.certainty === 'certain')).toBe(true);
    expect(checkText(rs, text, { model: false }).every((f) => f.certainty === 'certain')).toBe(true);
    expect(checkText(rs, text, { minConfidence: 1.01 })).toEqual([]);
  });

  it('does not read sentences without any rule concept', () => {
    expect(checkText(defaultRuleset(), 'Vårt kontor ligger vid torget. Vi har öppet vardagar nio till fem.')).toEqual([]);
  });
});
