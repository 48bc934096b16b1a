// Every rule's own examples, one test each: flag examples must be flagged by that rule, pass examples not.
import { describe, expect, it } from 'vitest';
import { checkHtml, checkText } from '../../src/compliance/index';
import { diskRuleset } from './rules-on-disk';

const rs = diskRuleset();

for (const rule of rs.rules) {
  const deps = rule.checks.flatMap((c) => (c.type === 'language_parity' ? c.rules : []));
  describe(rule.id, () => {
    for (const kind of ['flag', 'pass'] as const) {
      rule.spec.examples[kind].forEach((ex, i) => {
        const e = typeof ex === 'string' ? { text: ex } : ex;
        const input = e.html ?? e.text ?? '';
        it(`${kind}[${i}] ${input.slice(0, 70)}`, () => {
          const opts = { rules: [rule.id, ...deps], provider: e.provider, pageUrl: e.pageUrl };
          const findings = (e.html !== undefined ? checkHtml(rs, input, opts) : checkText(rs, input, opts)).filter((f) => f.ruleId === rule.id);
          if (kind === 'flag') expect(findings.length, 'expected a finding').toBeGreaterThan(0);
          else expect(findings.map((f) => f.match)).toEqual([]);
        });
      });
    }
  });
}
