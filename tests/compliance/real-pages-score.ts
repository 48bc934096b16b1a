/**
 * Scores the engine's findings on real pages against hand judgements (issue 14, item 7): a finding
 * is right when a judged violation has the same rule and overlaps one of its spans, wrong otherwise;
 * a judged violation that no finding of its rule overlaps is missed. Used by
 * `scripts/evaluate-real-pages.ts`; the page texts themselves are never stored in the repository.
 */
import type { Finding } from '../../src/compliance/index';
import { isPossible } from './corpus-metrics';

/** One judged violation: a rule and the offending span (UTF-16 offsets into the cached text). */
export interface JudgedViolation {
  rule: string;
  start: number;
  end: number;
  why: string;
}

/** A page's judgement as stored in tests/fixtures/real-pages/judgements.json. */
export interface PageJudgement {
  url: string;
  kind: 'provider' | 'af' | 'directory' | 'news' | 'association';
  lang: string;
  /** File name of the cached text in the cache directory (index.json maps url → file too). */
  file?: string;
  textSha256: string;
  violations: JudgedViolation[];
  note?: string;
}

/** The verdict on one finding. */
export interface ScoredFinding {
  rule: string;
  certainty: 'certain' | 'possible';
  right: boolean;
  start: number;
  end: number;
  match: string;
}

export interface PageScore {
  url: string;
  kind: string;
  lang: string;
  findings: ScoredFinding[];
  missed: JudgedViolation[];
  /** Violations judged on the page. */
  judged: number;
}

/** The spans a finding points at: its evidence spans when the engine gives them, else start–end. */
function spansOf(f: Finding): { start: number; end: number }[] {
  const evidence = (f as Finding & { evidence?: { start: number; end: number }[] }).evidence;
  const spans = Array.isArray(evidence) ? evidence.filter((e) => typeof e?.start === 'number' && typeof e?.end === 'number') : [];
  return spans.length ? spans : [{ start: f.start, end: f.end }];
}

/**
 * True when a span overlaps a judged violation. Half-open ranges; a finding on the page URL
 * (start = end = 0) overlaps only a violation judged on the URL (also start = end = 0).
 */
export function overlaps(a: { start: number; end: number }, v: { start: number; end: number }): boolean {
  if (a.start === a.end || v.start === v.end) return a.start === v.start && a.end === v.end;
  return a.start < v.end && v.start < a.end;
}

/** Scores one page's findings against its judgement. */
export function scorePage(j: PageJudgement, findings: Finding[]): PageScore {
  const hit = new Set<JudgedViolation>();
  const scored = findings.map((f): ScoredFinding => {
    const matches = j.violations.filter((v) => v.rule === f.ruleId && spansOf(f).some((s) => overlaps(s, v)));
    for (const v of matches) hit.add(v);
    return { rule: f.ruleId, certainty: isPossible(f) ? 'possible' : 'certain', right: matches.length > 0, start: f.start, end: f.end, match: f.match };
  });
  return { url: j.url, kind: j.kind, lang: j.lang, findings: scored, missed: j.violations.filter((v) => !hit.has(v)), judged: j.violations.length };
}

/** Right/wrong counts by certainty. */
export interface Tally {
  certainRight: number;
  certainWrong: number;
  possibleRight: number;
  possibleWrong: number;
  missed: number;
}

export interface RealPagesSummary {
  pages: number;
  overall: Tally & { certainRightShare: number | null };
  perRule: Record<string, Tally>;
  perKind: Record<string, Tally & { pages: number }>;
  /** Wrong certain findings on AF's own pages, per ten AF pages. */
  afWrongCertainPerTenPages: number | null;
  judgedViolations: number;
}

const empty = (): Tally => ({ certainRight: 0, certainWrong: 0, possibleRight: 0, possibleWrong: 0, missed: 0 });

function add(t: Tally, f: ScoredFinding): void {
  if (f.certainty === 'certain') f.right ? t.certainRight++ : t.certainWrong++;
  else f.right ? t.possibleRight++ : t.possibleWrong++;
}

/** Aggregates page scores per rule and per kind of page. */
export function summarise(pages: PageScore[]): RealPagesSummary {
  const overall = empty();
  const perRule = new Map<string, Tally>();
  const perKind = new Map<string, Tally & { pages: number }>();
  const rule = (r: string) => perRule.get(r) ?? (perRule.set(r, empty()), perRule.get(r)!);
  let judged = 0;
  for (const p of pages) {
    const kind = perKind.get(p.kind) ?? (perKind.set(p.kind, { ...empty(), pages: 0 }), perKind.get(p.kind)!);
    kind.pages++;
    for (const f of p.findings) (add(overall, f), add(rule(f.rule), f), add(kind, f));
    for (const v of p.missed) (overall.missed++, rule(v.rule).missed++, kind.missed++);
    judged += p.judged;
  }
  const af = perKind.get('af');
  const certain = overall.certainRight + overall.certainWrong;
  return {
    pages: pages.length,
    overall: { ...overall, certainRightShare: certain ? +(overall.certainRight / certain).toFixed(3) : null },
    perRule: Object.fromEntries([...perRule.entries()].sort(([a], [b]) => a.localeCompare(b))),
    perKind: Object.fromEntries([...perKind.entries()].sort(([a], [b]) => a.localeCompare(b))),
    afWrongCertainPerTenPages: af && af.pages ? +((af.certainWrong / af.pages) * 10).toFixed(2) : null,
    judgedViolations: judged,
  };
}
