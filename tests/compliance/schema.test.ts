import { describe, expect, it } from 'vitest';
import { loadRuleset, RulesetError, type RulesetIssue } from '../../src/compliance/index';
import { ruleFiles } from './rules-on-disk';

const rulesetYaml = () => ruleFiles().find((f) => f.path.endsWith('ruleset.yaml'))!;
const ruleFile = (id: string) => ruleFiles().find((f) => f.path.endsWith(`${id}.yaml`))!;

function issuesOf(files: { path: string; text: string }[]): RulesetIssue[] {
  try {
    loadRuleset(files, { skipExamples: true });
  } catch (e) {
    if (e instanceof RulesetError) return e.issues;
    throw e;
  }
  return [];
}

describe('rule schema validation', () => {
  it('loads every catalogue rule and nothing fails its own examples', () => {
    const rs = loadRuleset(ruleFiles(), { strict: true });
    expect(rs.rules.map((r) => r.id).sort()).toEqual(
      [
        'R22-AFVENUES', 'R22-BENEFITCLAIMS', 'R22-CHOICEHANDLING', 'R22-COBRANDING', 'R22-ELIGIBILITY', 'R22-ENDORSEMENT',
        'R22-FEE', 'R22-IDENTIFICATION', 'R22-IMPERSONATION', 'R22-INDUCEMENT', 'R22-LANGPARITY', 'R22-LOGO',
        'R22-OBLIGATIONS', 'R22-PRESSURE', 'R22-RATING', 'R22-REFERRAL', 'R22-RESULTS', 'R22-SUPERLATIVE', 'R22-UNSOLICITED',
      ].sort(),
    );
    expect(rs.issues).toEqual([]);
  });

  it('names file, rule id and field for a wrong severity', () => {
    const f = ruleFile('R22-FEE');
    const issues = issuesOf([rulesetYaml(), { path: f.path, text: f.text.replace('severity: critical', 'severity: urgent') }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'rules/R22-FEE.yaml', ruleId: 'R22-FEE', field: 'severity' });
  });

  it('reports a misspelt key instead of ignoring it', () => {
    const f = ruleFile('R22-LOGO');
    const issues = issuesOf([rulesetYaml(), { path: f.path, text: f.text.replace('suggestion:', 'sugestion:') }]);
    const fields = issues.map((i) => i.field);
    expect(fields).toContain('suggestion');
    expect(issues.some((i) => /sugestion/.test(i.message))).toBe(true);
  });

  it('reports an unknown glossary reference at the exact term', () => {
    const f = ruleFile('R22-INDUCEMENT');
    const issues = issuesOf([rulesetYaml(), { path: f.path, text: f.text.replace('"@device"', '"@gadgets"') }]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'rules/R22-INDUCEMENT.yaml', ruleId: 'R22-INDUCEMENT', field: 'match[0].trigger[2]', message: expect.stringContaining('@gadgets') }),
    ]);
  });

  it('reports bad term syntax in the glossary with its path', () => {
    const rs = rulesetYaml();
    const issues = issuesOf([{ path: rs.path, text: rs.text.replace('"swish*"', '"swish{"') }, ruleFile('R22-FEE')]);
    expect(issues[0]).toMatchObject({ file: 'rules/ruleset.yaml', field: expect.stringMatching(/^glossary\.cash\.sv\[\d+\]$/) });
  });

  it('requires at least 8 flag and 8 pass examples', () => {
    const f = ruleFile('R22-ELIGIBILITY');
    // Keep the first 7 flag examples (one-line entries right under "  flag:").
    const lines = f.text.split('\n');
    const from = lines.indexOf('  flag:') + 1;
    let to = from;
    while (lines[to]?.startsWith('    - ')) to++;
    const text = [...lines.slice(0, from + 7), ...lines.slice(to)].join('\n');
    const issues = issuesOf([rulesetYaml(), { path: f.path, text }]);
    expect(issues).toEqual([expect.objectContaining({ ruleId: 'R22-ELIGIBILITY', field: 'examples.flag', message: expect.stringContaining('at least 8') })]);
  });

  it('requires the file name to match the id', () => {
    const f = ruleFile('R22-FEE');
    const issues = issuesOf([rulesetYaml(), { path: 'rules/R22-FEES.yaml', text: f.text }]);
    expect(issues).toEqual([expect.objectContaining({ file: 'rules/R22-FEES.yaml', ruleId: 'R22-FEE', field: 'id' })]);
  });

  it('reports YAML syntax errors with the file', () => {
    const issues = issuesOf([rulesetYaml(), { path: 'rules/R22-BROKEN.yaml', text: 'id: R22-BROKEN\ntitle: [unclosed\n' }]);
    expect(issues[0]).toMatchObject({ file: 'rules/R22-BROKEN.yaml', field: '(yaml)' });
  });

  it('a rule failing its own example does not load (strict throws, lenient skips it)', () => {
    const f = ruleFile('R22-SUPERLATIVE');
    const broken = { path: f.path, text: f.text.replace('    - "Vi har 14 kontor i Skåne."', '    - "Sveriges bästa leverantör av Rusta och matcha."') };
    const files = [rulesetYaml(), broken, ruleFile('R22-FEE')];
    expect(() => loadRuleset(files, { strict: true })).toThrow(RulesetError);
    try {
      loadRuleset(files, { strict: true });
    } catch (e) {
      expect((e as RulesetError).issues).toEqual([
        expect.objectContaining({ file: 'rules/R22-SUPERLATIVE.yaml', ruleId: 'R22-SUPERLATIVE', field: expect.stringMatching(/^examples\.pass\[\d+\]$/) }),
      ]);
    }
    const lenient = loadRuleset(files, { strict: false });
    expect(lenient.rules.map((r) => r.id)).toEqual(['R22-FEE']);
    expect(lenient.issues[0].ruleId).toBe('R22-SUPERLATIVE');
  });
});
