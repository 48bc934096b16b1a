// Scoring of findings on real pages against hand judgements (scripts/evaluate-real-pages.ts), and the
// shape of the committed judgements (the page texts themselves live outside the repository).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/compliance/index';
import { overlaps, scorePage, summarise, type PageJudgement } from './real-pages-score';
import { diskRuleset, ROOT } from './rules-on-disk';

const finding = (ruleId: string, start: number, end: number, extra: Record<string, unknown> = {}): Finding =>
  ({ ruleId, start, end, match: 'm', severity: 'high', message: '', suggestion: '', link: '', line: 1, column: 1, context: '', rulesetVersion: 't', fingerprint: 'f', ...extra }) as Finding;

const page = (kind: PageJudgement['kind'], violations: PageJudgement['violations']): PageJudgement => ({ url: `https://x.se/${kind}`, kind, lang: 'sv', textSha256: '0', violations });

describe('real-page scoring', () => {
  it('treats spans as half-open and URL findings (0–0) as matching only URL judgements', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 0, end: 0 }, { start: 0, end: 0 })).toBe(true);
    expect(overlaps({ start: 0, end: 0 }, { start: 0, end: 9 })).toBe(false);
  });

  it('calls a finding right only for the same rule and an overlapping span, and counts misses', () => {
    const j = page('provider', [
      { rule: 'R22-RESULTS', start: 10, end: 20, why: '' },
      { rule: 'R22-RATING', start: 40, end: 50, why: '' },
    ]);
    const s = scorePage(j, [finding('R22-RESULTS', 15, 30), finding('R22-SUPERLATIVE', 15, 30), finding('R22-RATING', 0, 9)]);
    expect(s.findings.map((f) => f.right)).toEqual([true, false, false]);
    expect(s.missed.map((v) => v.rule)).toEqual(['R22-RATING']);
    expect(s.judged).toBe(2);
  });

  it('uses evidence spans when a finding has them, and reads certainty', () => {
    const j = page('provider', [{ rule: 'R22-LOGO', start: 100, end: 110, why: '' }]);
    const s = scorePage(j, [finding('R22-LOGO', 0, 5, { certainty: 'possible', evidence: [{ start: 0, end: 5 }, { start: 105, end: 108 }] })]);
    expect(s.findings[0]).toMatchObject({ right: true, certainty: 'possible' });
  });

  it('summarises per rule and kind, the share of certain findings right, and wrong certain findings per ten AF pages', () => {
    const pages = [
      scorePage(page('af', []), [finding('R22-BENEFITCLAIMS', 0, 4)]),
      scorePage(page('af', []), []),
      scorePage(page('provider', [{ rule: 'R22-RESULTS', start: 0, end: 4, why: '' }]), [finding('R22-RESULTS', 1, 2), finding('R22-FEE', 1, 2, { certainty: 'possible' })]),
    ];
    const s = summarise(pages);
    expect(s.overall).toMatchObject({ certainRight: 1, certainWrong: 1, possibleWrong: 1, missed: 0, certainRightShare: 0.5 });
    expect(s.perKind.af).toMatchObject({ pages: 2, certainWrong: 1 });
    expect(s.perRule['R22-FEE']).toMatchObject({ possibleWrong: 1 });
    expect(s.afWrongCertainPerTenPages).toBe(5);
    expect(s.judgedViolations).toBe(1);
  });
});

describe('committed real-page judgements', () => {
  const judgements: (PageJudgement & { file: string })[] = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/real-pages/judgements.json'), 'utf8'));
  const rules = new Set(diskRuleset().rules.map((r) => r.id));

  it('cover at least 40 pages with unique addresses, a kind, a language and a text hash — and no page text', () => {
    expect(judgements.length).toBeGreaterThanOrEqual(40);
    expect(new Set(judgements.map((j) => j.url)).size).toBe(judgements.length);
    for (const j of judgements) {
      expect(['provider', 'af', 'directory', 'news', 'association']).toContain(j.kind);
      expect(j.lang).toMatch(/^[a-z]{2}$/);
      expect(j.textSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.keys(j).sort()).toEqual(['file', 'kind', 'lang', 'note', 'textSha256', 'url', 'violations']);
      for (const v of j.violations) {
        expect(rules.has(v.rule), v.rule).toBe(true);
        expect(v.end).toBeGreaterThanOrEqual(v.start);
        expect(v.why.length).toBeGreaterThan(10);
      }
    }
  });
});
