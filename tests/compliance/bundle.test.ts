// src/compliance/rules.generated.ts must match rules/*.yaml (run `npm run rules:bundle` after editing rules).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, renderBundle } from '../../scripts/bundle-rules';
import { defaultRuleset } from '../../src/compliance/index';
import { RULE_FILES } from '../../src/compliance/rules.generated';
import { ruleFiles } from './rules-on-disk';

describe('bundled rules', () => {
  it('rules.generated.ts is in sync with rules/ (else: npm run rules:bundle)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderBundle());
    expect(RULE_FILES).toEqual(ruleFiles());
  });

  it('defaultRuleset() loads every bundled rule, and none fails its own examples', () => {
    expect(defaultRuleset().rules).toHaveLength(RULE_FILES.length - 1);
    const verified = defaultRuleset({ verify: true });
    expect(verified.issues).toEqual([]);
    expect(verified.rules).toHaveLength(RULE_FILES.length - 1);
  });
});
