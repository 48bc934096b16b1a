/**
 * Built-in meta check `language_parity`: claims (glossary keys such as gift, cash, guarantee,
 * …) and findings of the listed rules that occur only in non-base-language blocks. Flags when the
 * page also has base-language (Swedish) blocks that lack the same claim, or when the block's language
 * is listed in `standalone_languages`. Claim terms cancelled by the rule's `unless` do not count.
 */
import type { EvalContext } from '../context';
import { detectRange } from '../language';
import type { Candidate } from '../matcher';
import { cancelled } from '../matcher';
import type { CompiledCheck, CompiledRule } from '../ruleset';

type ParityCheck = Extract<CompiledCheck, { type: 'language_parity' }>;

/** The language of the block containing token t (its first 400 tokens; a tie is not 'und' here). */
function detectBlockLanguage(ctx: EvalContext, t: number): string {
  const [s, e] = ctx.extent('block', t);
  return detectRange(ctx.a, s, Math.min(e, s + 399), false);
}

export function languageParityCheck(ctx: EvalContext, rule: CompiledRule, check: ParityCheck, prior: Candidate[]): Candidate[] {
  const a = ctx.a;
  const langCache = new Map<number, string>();
  const lang = (t: number) => {
    const b = a.block[t];
    let l = langCache.get(b);
    if (l === undefined) langCache.set(b, (l = detectBlockLanguage(ctx, t)));
    return l;
  };
  let hasBase: boolean | undefined;
  const docHasBase = () => {
    if (hasBase !== undefined) return hasBase;
    hasBase = false;
    let lastBlock = -1;
    for (let t = 0; t < a.norm.length; t++) {
      if (a.block[t] === lastBlock) continue;
      lastBlock = a.block[t];
      if (lang(t) === check.base) return (hasBase = true);
    }
    return hasBase;
  };

  const out: Candidate[] = [];
  const consider = (spans: [number, number][]) => {
    const foreign = spans.filter(([f]) => rule.scope.has(ctx.part(f)) && lang(f) !== check.base && lang(f) !== 'und');
    if (foreign.length === 0) return;
    if (spans.some(([f]) => lang(f) === check.base)) return;
    for (const [f, l] of foreign)
      if (docHasBase() || check.standaloneLanguages.includes(lang(f))) out.push({ ruleId: rule.id, severity: rule.severity, first: f, last: l });
  };

  for (const claim of check.claims) {
    const hits = ctx.hits(claim.set);
    const spans: [number, number][] = [];
    // Negated or explanatory mentions ("we give no gifts") are not claims.
    for (let k = 0; k < hits.length; k += 2) if (!cancelled(ctx, rule.unless, hits[k], hits[k + 1])) spans.push([hits[k], hits[k + 1]]);
    consider(spans);
  }
  for (const ruleId of check.rules) consider(prior.filter((c) => c.ruleId === ruleId).map((c) => [c.first, c.last]));
  return out;
}
