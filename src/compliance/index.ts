/**
 * Public API of the chapter 22 rule engine (runtime-neutral: Node and Cloudflare Workers).
 *
 *   const rs = defaultRuleset();
 *   const findings = checkHtml(rs, html, { lang: 'en', pageUrl, provider });
 */
export { loadRuleset, verifyExamples } from './loader';
export type { LoadOptions } from './loader';
export { checkText, checkHtml, runDocument, checkDetailed } from './engine';
export type { DocumentResult } from './engine';
export { checkCoverage } from './coverage';
export type { Coverage } from './coverage';
export { defaultRuleset } from './default-ruleset';
export { RulesetError } from './ruleset';
export type { Ruleset, RulesetIssue, CompiledRule } from './ruleset';
export { SEVERITIES, PARTS, CERTAINTIES, POSSIBLE_REASONS, severityRank } from './types';
export type { Finding, CheckOptions, Severity, ProviderFacts, Part, Certainty, PossibleReason, EvidenceSpan } from './types';
export { normaliseToken } from './normalise';
export { fnv1a64 } from './fingerprint';
