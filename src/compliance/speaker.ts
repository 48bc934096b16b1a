/**
 * Who speaks (issue 14, round 6): a rule with a `speaker` key is certain only where the provider's
 * own voice is heard — "vi", "hos oss", the reader addressed, a call to action — in the unit around
 * the match (not inside reported speech: a sentence saying who said it, or a paragraph opening with a
 * quotation dash), or where the caller knows whose page it is (the crawler passes the provider behind the
 * site). Elsewhere a superlative, a figure or a star is as likely the press, an association or AF
 * describing the market, so the match stays a possible lead for a reviewer instead of a certain finding.
 */
import type { EvalContext } from './context';
import type { Candidate } from './matcher';
import type { CompiledRule } from './ruleset';

/** Confidence of a clause match heard without the provider's voice: a lead, below the model's certain band. */
export const UNVOICED_CONFIDENCE = 0.6;

/**
 * Marks the certain candidates of rules with a `speaker` requirement as possible where no speaker
 * term occurs in the required unit around them. Changes the candidates in place.
 */
export function downgradeUnvoiced(ctx: EvalContext, rules: readonly CompiledRule[], cands: Candidate[], providerKnown: boolean): void {
  if (providerKnown) return;
  const byId = new Map<string, CompiledRule>();
  for (const r of rules) if (r.speaker) byId.set(r.id, r);
  if (byId.size === 0) return;
  for (const c of cands) {
    if (c.certainty === 'possible') continue;
    const speaker = byId.get(c.ruleId)?.speaker;
    if (!speaker || voiced(ctx, speaker, c.first)) continue;
    c.certainty = 'possible';
    c.lead = 'speaker_unclear';
    c.confidence = Math.min(c.confidence ?? 1, UNVOICED_CONFIDENCE);
  }
}

type Speaker = NonNullable<CompiledRule['speaker']>;

/** True when a speaker term lies in the unit around token t, outside sentences of reported speech. */
function voiced(ctx: EvalContext, speaker: Speaker, t: number): boolean {
  const hits = ctx.hits(speaker.set);
  if (hits.length === 0) return false;
  const [lo, hi] = ctx.extent(speaker.where, t);
  const quoted = speaker.except ? ctx.hits(speaker.except) : undefined;
  for (let k = ctx.lowerBound(hits, lo); 2 * k < hits.length && hits[2 * k] <= hi; k++) {
    const h = hits[2 * k];
    if (quoted && sentenceHas(ctx, quoted, h)) continue;
    if (opensWithQuotation(ctx, h)) continue;
    return true;
  }
  return false;
}

/** Characters that open quoted speech: the Swedish quotation dash, and quotation marks. */
const QUOTE_OPENERS = new Set(['–', '—', '"', '”', '“', '«', '»', '„']);

/**
 * True when the paragraph of token t opens with a quotation dash or mark ("– Vi har …"): Swedish news
 * gives a quote its own paragraph and often names the speaker only in the next sentence.
 */
function opensWithQuotation(ctx: EvalContext, t: number): boolean {
  const a = ctx.a;
  const first = ctx.extent('block', t)[0];
  const text = a.doc.pieces[a.piece[first]].text;
  let i = a.start[first] - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  return i >= 0 && QUOTE_OPENERS.has(text[i]);
}

/** True when a hit of the flat pair list lies in the sentence of token t. */
function sentenceHas(ctx: EvalContext, hits: Int32Array, t: number): boolean {
  const [lo, hi] = ctx.extent('sentence', t);
  const k = ctx.lowerBound(hits, lo);
  return 2 * k < hits.length && hits[2 * k] <= hi;
}
