/** Rule details for the workspace pages, from the bundled ruleset (compiled once, cached). */
import { defaultRuleset, type CompiledRule } from '../compliance';
import type { Locale } from '../i18n/locale-info';

/** The current ruleset (examples not re-run: CI verifies them). */
export const reviewRuleset = () => defaultRuleset({ verify: false });

/** The rule with this id in the current ruleset, or null. */
export function ruleById(id: string): CompiledRule | null {
  return reviewRuleset().rules.find((r) => r.id === id) ?? null;
}

/** Rule title in the locale; the id when the rule is unknown. */
export function ruleTitler(locale: Locale): (id: string) => string {
  return (id) => {
    const r = ruleById(id);
    return r ? r.spec.title[locale] ?? r.spec.title.sv : id;
  };
}

/** All rule ids of the current ruleset. */
export const allRuleIds = () => reviewRuleset().rules.map((r) => r.id);
