/**
 * Compiled ruleset types: rules with their term sets resolved against one shared TermIndex.
 */
import type { CheckSpec, RuleSpec } from './schema';
import type { LoadedModel } from './model-weights';
import type { TermIndex } from './terms';
import type { Part, Severity } from './types';

/** A set of term ids ("any of these terms"). */
export interface TermSet {
  id: number;
  terms: number[];
}

export type Within = number | 'sentence' | 'clause' | 'block';
export type Where = 'before' | 'after' | 'window' | 'clause' | 'sentence' | 'block' | 'section' | 'document';

export interface CompiledNear {
  set: TermSet;
  within: Within;
}
export interface CompiledUnless {
  set: TermSet;
  where: Where;
  within: number;
  except?: TermSet;
  /** Cancels only when none of these is in the same `where` unit (e.g. no "vi"/"oss" in the sentence). */
  without?: TermSet;
}
export interface CompiledClause {
  trigger: TermSet;
  near: CompiledNear[];
  unless: CompiledUnless[];
  atStart: boolean;
  scope: ReadonlySet<Part>;
  severity: Severity;
  /** Set when the clause only ever gives possible findings. */
  possible?: true;
}
export type CompiledCheck =
  | { type: 'rating_vs_provider'; scaleMax: number; near: TermSet; within: Within; unless: CompiledUnless[] }
  | {
      type: 'language_parity';
      base: string;
      claims: { key: string; set: TermSet }[];
      rules: string[];
      standaloneLanguages: string[];
    };

export interface CompiledRule {
  id: string;
  file: string;
  spec: RuleSpec;
  severity: Severity;
  scope: ReadonlySet<Part>;
  clauses: CompiledClause[];
  unless: CompiledUnless[];
  /** Certain findings need one of these terms in the unit around them (else they become possible). */
  speaker?: { set: TermSet; where: 'sentence' | 'block' | 'section' | 'document'; except?: TermSet };
  checks: CompiledCheck[];
  checkSpecs: CheckSpec[];
}

/** A problem found while loading rules. */
export interface RulesetIssue {
  file: string;
  ruleId?: string;
  field: string;
  message: string;
}

export interface Ruleset {
  version: string;
  languages: string[];
  officialDomains: string[];
  rules: CompiledRule[];
  index: TermIndex;
  /** Number of term sets (for per-document caches). */
  setCount: number;
  /** Rules that were not loaded because they fail their own examples (non-strict loading). */
  issues: RulesetIssue[];
  /** The learned second opinion (possible findings); the bundled ruleset carries it, loaded rule files do not. */
  model?: LoadedModel;
}

/** Thrown when rule files are invalid; `issues` names file, rule id and field of every problem. */
export class RulesetError extends Error {
  constructor(public readonly issues: RulesetIssue[]) {
    super(
      `invalid ruleset (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}${i.ruleId ? ` [${i.ruleId}]` : ''} ${i.field}: ${i.message}`).join('\n'),
    );
    this.name = 'RulesetError';
  }
}
