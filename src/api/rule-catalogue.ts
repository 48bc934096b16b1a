/**
 * The public rule catalogue: each loaded rule's id, titles, severity, basis, messages,
 * suggestions, link, audience, languages and examples, as the API and docs show them.
 */
import type { CompiledRule, Ruleset } from '../compliance';
import { MEASURED_RECALL } from '../compliance/recall.generated';

export interface RuleExampleJson {
  text?: string;
  html?: string;
  pageUrl?: string;
  note?: string;
}

export interface RuleJson {
  id: string;
  title: Record<string, string>;
  severity: CompiledRule['severity'];
  basis: { level: 'found' | 'partly found' | 'inferred'; sources: { id: string; text: string; sv?: string }[]; note?: string; noteSv?: string };
  message: Record<string, string>;
  suggestion: Record<string, string>;
  link: string;
  audience: string;
  languages: string[];
  examples: { flag: RuleExampleJson[]; pass: RuleExampleJson[] };
  /** Measured recall of the rule on copy it was not tuned on (null = not measured). */
  measuredRecall: { corpora: string[]; recall: number | null; violations: number; perLanguage: Record<string, { recall: number | null; violations: number }> } | null;
}

/** The rule's measured recall from the latest evaluation (src/compliance/recall.generated.ts). */
export function measuredRecallOf(id: string): RuleJson['measuredRecall'] {
  const r = MEASURED_RECALL.perRule[id];
  if (!r) return null;
  return { corpora: [...MEASURED_RECALL.corpora], recall: r.recall, violations: r.violations, perLanguage: { ...MEASURED_RECALL.perLanguage } };
}

type ExampleSpec = CompiledRule['spec']['examples']['flag'][number];

function exampleJson(e: ExampleSpec): RuleExampleJson {
  if (typeof e === 'string') return { text: e };
  const out: RuleExampleJson = {};
  if (e.text !== undefined) out.text = e.text;
  if (e.html !== undefined) out.html = e.html;
  if (e.pageUrl !== undefined) out.pageUrl = e.pageUrl;
  if (e.note !== undefined) out.note = e.note;
  return out;
}

/** The catalogue entry of one compiled rule. */
export function ruleJson(rule: CompiledRule): RuleJson {
  const s = rule.spec;
  return {
    id: rule.id,
    title: { ...s.title },
    severity: rule.severity,
    basis: {
      level: s.basis.level,
      sources: s.basis.sources.map((x) => ({ id: x.id, text: x.text, ...(x.sv ? { sv: x.sv } : {}) })),
      ...(s.basis.note ? { note: s.basis.note } : {}),
      ...(s.basis.noteSv ? { noteSv: s.basis.noteSv } : {}),
    },
    message: { ...s.message },
    suggestion: { ...s.suggestion },
    link: s.link,
    audience: s.audience,
    languages: [...s.languages],
    examples: { flag: s.examples.flag.map(exampleJson), pass: s.examples.pass.map(exampleJson) },
    measuredRecall: measuredRecallOf(rule.id),
  };
}

/** The whole catalogue, rules in id order. */
export function ruleCatalogue(ruleset: Ruleset): { rulesetVersion: string; languages: string[]; rules: RuleJson[] } {
  return {
    rulesetVersion: ruleset.version,
    languages: [...ruleset.languages],
    rules: [...ruleset.rules].sort((a, b) => a.id.localeCompare(b.id)).map(ruleJson),
  };
}
