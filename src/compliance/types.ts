/**
 * Public types of the chapter 22 rule engine: severities, options, provider facts and the
 * Finding shape shared by the crawler, the API and the CLI.
 */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Numeric rank of a severity (low = 0 … critical = 3). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Page parts a rule can read (see rules/README.md). */
export const PARTS = [
  'body',
  'title',
  'h1',
  'heading',
  'meta',
  'alt',
  'image_src',
  'image_title',
  'aria',
  'jsonld',
  'url',
] as const;
export type Part = (typeof PARTS)[number];

/** Official facts about the provider whose page is being checked (from the directory). */
export interface ProviderFacts {
  id?: number | string;
  name?: string;
  /** Official AF ratings (betyg), one per contract/area and period; stars null = no rating held. */
  ratings?: { area?: string; stars: number | null; period: string }[];
  /** Domains the provider owns. */
  domains?: string[];
}

export const CERTAINTIES = ['certain', 'possible'] as const;
/** `certain`: a rule's concepts matched; `possible`: only the learned model thinks so. */
export type Certainty = (typeof CERTAINTIES)[number];

/** One piece of evidence for a finding: offsets into the original input and the text there. */
export interface EvidenceSpan {
  start: number;
  end: number;
  match: string;
}

export interface CheckOptions {
  /** Language of messages and suggestions (default sv; falls back to sv). */
  lang?: string;
  /** Only run these rule ids. */
  rules?: string[];
  /** Drop findings below this severity. */
  minSeverity?: Severity;
  provider?: ProviderFacts;
  /** URL of the page; part of the fingerprint and used for domain checks. */
  pageUrl?: string;
  /** Drop findings whose confidence is below this (0–1). */
  minConfidence?: number;
  /** Only findings of this certainty (default both). */
  certainty?: Certainty;
  /** Run the learned model for possible findings (default true when the ruleset has one). */
  model?: boolean;
}

/**
 * One rule violation. `start`/`end` are UTF-16 offsets into the ORIGINAL input: the text for
 * checkText, the HTML source for checkHtml (there the slice may contain markup or entities between
 * the words; `match` is the extracted visible text). `line`/`column` are 1-based (column in UTF-16
 * code units). Findings on the page URL (part `url`) have start = end = 0, line = column = 0 and a
 * context starting "page URL:". Findings in JSON-LD summaries (e.g. an AggregateRating read as
 * "aggregaterating 5 av 5") point at the JSON value in the source and have a context starting "JSON-LD:".
 */
/**
 * Why a finding is a lead rather than certain: `model_only` — only the learned model found it;
 * `lead_clause` — a rule clause that gives leads only (e.g. a domain named after the programme);
 * `speaker_unclear` — a rule matched, but nothing in the text shows the provider is the one speaking
 * (a claim in the third person may be the press, an association or AF).
 */
export const POSSIBLE_REASONS = ['model_only', 'lead_clause', 'speaker_unclear'] as const;
export type PossibleReason = (typeof POSSIBLE_REASONS)[number];

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  suggestion: string;
  link: string;
  match: string;
  start: number;
  end: number;
  line: number;
  column: number;
  context: string;
  rulesetVersion: string;
  fingerprint: string;
  /** How sure the engine is (0–1): rule matches ≥ 0.9, model-only findings the model's probability. */
  confidence: number;
  /** `certain` when a rule matched; `possible` for a lead (see possibleReason). */
  certainty: Certainty;
  /** Why a finding is only possible (absent on certain findings). */
  possibleReason?: PossibleReason;
  /** Language of the sentence the finding is in (sv, en, ar, fa, so, ti, pl, bs or und). */
  language: string;
  /** Every span that is evidence for this one violation (e.g. an image's alt and its file name). */
  evidence: EvidenceSpan[];
}
