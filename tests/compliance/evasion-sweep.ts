/**
 * The evasion sweep: every text flag example of every rule, with the words that carry its finding
 * disguised by each transform in evasion-transforms.ts, must still draw a finding of the same rule.
 * The words are the evidence of the plain example's finding, so the sweep disguises exactly what a
 * provider who knows the checker would disguise.
 */
import { checkText, type CheckOptions, type Finding, type Ruleset } from '../../src/compliance/index';
import { EVASION_TRANSFORMS, disguise, wordsIn } from './evasion-transforms';

/** `key word`: only the longest word of the evidence is disguised; `all words`: every word of it. */
export type SweepMode = 'key word' | 'all words';

/** Letter-separating transforms run in key-word mode only: spaced-out neighbours merge into one run. */
const SEPARATING = new Set(['spaced letters', 'dotted letters', 'dashed letters']);

export interface SweepCase {
  ruleId: string;
  transform: string;
  mode: SweepMode;
  text: string;
  /** Certainty of the rule's finding on the disguised text, or null when it is missed. */
  found: 'certain' | 'possible' | null;
  /** Certainty on the plain example. */
  plain: 'certain' | 'possible';
}

/** The strongest certainty among the findings of `ruleId`, or null when there is none. */
function bestCertainty(findings: Finding[], ruleId: string): 'certain' | 'possible' | null {
  const fs = findings.filter((f) => f.ruleId === ruleId);
  if (fs.length === 0) return null;
  return fs.some((f) => f.certainty === 'certain') ? 'certain' : 'possible';
}

/** Runs every transform over every text flag example that flags in plain form. */
export function runEvasionSweep(rs: Ruleset): SweepCase[] {
  const cases: SweepCase[] = [];
  for (const rule of rs.rules) {
    if (rule.checks.some((c) => c.type === 'language_parity')) continue; // parity compares blocks, not words
    for (const ex of rule.spec.examples.flag) {
      const e = typeof ex === 'string' ? { text: ex } : ex;
      if (e.html !== undefined || !e.text) continue;
      const opts: CheckOptions = { rules: [rule.id], provider: e.provider, pageUrl: e.pageUrl };
      const found = checkText(rs, e.text, opts).filter((f) => f.ruleId === rule.id);
      const plain = bestCertainty(found, rule.id);
      if (plain === null) continue;
      const spans = found.flatMap((f) => f.evidence.flatMap((s) => wordsIn(e.text!, s.start, s.end)));
      if (spans.length === 0) continue;
      const unique = [...new Map(spans.map((s) => [s.join(':'), s])).values()];
      const key = unique.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
      for (const [name, transform] of Object.entries(EVASION_TRANSFORMS)) {
        for (const mode of ['key word', 'all words'] as const) {
          if (mode === 'all words' && (SEPARATING.has(name) || unique.length === 1)) continue;
          const text = disguise(e.text, mode === 'key word' ? [key] : unique, transform);
          cases.push({ ruleId: rule.id, transform: name, mode, text, plain, found: bestCertainty(checkText(rs, text, opts), rule.id) });
        }
      }
    }
  }
  return cases;
}

export interface SweepRow {
  /** "TRANSFORM / MODE" */
  key: string;
  cases: number;
  found: number;
  rate: number;
  /** Share found with the same certainty as the plain example. */
  sameCertainty: number;
}

/** Hit rates per transform and mode, sorted by key. */
export function summariseSweep(cases: SweepCase[]): SweepRow[] {
  const rows = new Map<string, SweepRow>();
  for (const c of cases) {
    const key = `${c.transform} / ${c.mode}`;
    const r = rows.get(key) ?? { key, cases: 0, found: 0, rate: 0, sameCertainty: 0 };
    r.cases++;
    if (c.found !== null) r.found++;
    if (c.found === c.plain) r.sameCertainty++;
    rows.set(key, r);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, rate: r.found / r.cases, sameCertainty: r.sameCertainty / r.cases }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
