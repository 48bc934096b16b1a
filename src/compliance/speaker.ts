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
 * term occurs in the required unit around them. Changes the candidates in place. Linear in the
 * speaker hits however many candidates a (hostile) page has: each unit is judged once, and the
 * sentences of reported speech are collected once.
 */
export function downgradeUnvoiced(ctx: EvalContext, rules: readonly CompiledRule[], cands: Candidate[], providerKnown: boolean): void {
  if (providerKnown) return;
  const judges = new Map<string, VoiceJudge>();
  for (const r of rules) if (r.speaker) judges.set(r.id, voiceJudge(ctx, r.speaker));
  if (judges.size === 0) return;
  for (const c of cands) {
    if (c.certainty === 'possible') continue;
    const judge = judges.get(c.ruleId);
    if (!judge || judge(c.first)) continue;
    c.certainty = 'possible';
    c.lead = 'speaker_unclear';
    c.confidence = Math.min(c.confidence ?? 1, UNVOICED_CONFIDENCE);
  }
}

type Speaker = NonNullable<CompiledRule['speaker']>;
/** True when the provider's voice is heard in the unit around token t. */
type VoiceJudge = (t: number) => boolean;

/** A memoised judge per unit: a speaker term in the unit, outside reported speech. */
function voiceJudge(ctx: EvalContext, speaker: Speaker): VoiceJudge {
  const a = ctx.a;
  const hits = ctx.hits(speaker.set);
  let quotedSentences: Set<number> | undefined;
  if (speaker.except) {
    const q = ctx.hits(speaker.except);
    quotedSentences = new Set<number>();
    for (let k = 0; k < q.length; k += 2) quotedSentences.add(a.sentence[q[k]]);
  }
  const byUnit = new Map<number, boolean>();
  return (t) => {
    if (hits.length === 0) return false;
    const [lo, hi] = ctx.extent(speaker.where, t);
    let voiced = byUnit.get(lo);
    if (voiced === undefined) {
      voiced = false;
      for (let k = ctx.lowerBound(hits, lo); 2 * k < hits.length && hits[2 * k] <= hi; k++) {
        const h = hits[2 * k];
        if (quotedSentences?.has(a.sentence[h]) || opensWithQuotation(ctx, h)) continue;
        voiced = true;
        break;
      }
      byUnit.set(lo, voiced);
    }
    return voiced;
  };
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
  // Look back over a few spaces only: a hostile run of blanks must not be rescanned for every hit.
  const stop = Math.max(-1, i - 8);
  while (i > stop && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  return i >= 0 && QUOTE_OPENERS.has(text[i]);
}
