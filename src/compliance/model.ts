/**
 * The learned second opinion: one logistic-regression model per rule over hashed word and
 * character n-grams (model-features.ts), trained by scripts/train-model.ts from the labelled
 * corpora and shipped as data (model.generated.ts, int8 weights). It reads every sentence that
 * holds at least one rule concept, and where it thinks a rule is broken but no rule clause
 * matched, it adds a *possible* finding with the model's probability as confidence and the rule's
 * explanation. Rule matches stay certain; the model only raises their confidence.
 *
 * Why a linear model over character n-grams: it needs no tokeniser per language, shares evidence
 * between inflections and compounds, runs in microseconds per sentence without any runtime
 * dependency, and a few hundred labelled sentences per rule are enough to train it; its output
 * is a probability an officer can sort by. Runtime-neutral (atob only).
 */
import type { EvalContext } from './context';
import type { Candidate } from './matcher';
import { cancelled } from './matcher';
import { MODEL_BUCKETS, unitFeaturesInto } from './model-features';
import type { LoadedModel } from './model-weights';
import type { CompiledRule } from './ruleset';

/**
 * Sentences (by id) holding at least one hit of a rule's trigger concept (an offer, a guarantee,
 * stars, AF's marks …): the model reads only these. Reading every sentence with any concept
 * (including `near` terms such as "jobb" or "arbetsförmedlingen") found more (blind recall 0.86
 * against 0.75) but cost as much again as the whole rule pass, below the 10 MB/s target.
 */
function sentencesWithConcepts(ctx: EvalContext, rules: CompiledRule[]): Uint8Array {
  const a = ctx.a;
  const n = a.norm.length;
  const nSent = n ? a.sentence[n - 1] + 1 : 0;
  const mark = new Uint8Array(nSent);
  const seen = new Set<number>();
  for (const rule of rules)
    for (const clause of rule.clauses)
      for (const set of [clause.trigger]) {
        if (seen.has(set.id)) continue;
        seen.add(set.id);
        const hits = ctx.hits(set);
        for (let k = 0; k < hits.length; k += 2) mark[a.sentence[hits[k]]] = 1;
      }
  return mark;
}

/**
 * z[r] = bias[r] + the weights of the features for rule r (bucket-major w), each sum added in
 * feature order. Six rules at a time with the running sums in locals: one pass over a feature's row
 * updates six sums without loading and storing z per weight (about twice as fast as one rule at a
 * time through z), and every sum sees the same additions in the same order as a plain loop.
 */
function sumWeights(z: Float64Array, bias: Float64Array, w: Float32Array, R: number, feats: Int32Array, nf: number): void {
  let r = 0;
  for (; r + 6 <= R; r += 6) {
    let s0 = bias[r];
    let s1 = bias[r + 1];
    let s2 = bias[r + 2];
    let s3 = bias[r + 3];
    let s4 = bias[r + 4];
    let s5 = bias[r + 5];
    for (let k = 0; k < nf; k++) {
      const b = feats[k] * R + r;
      s0 += w[b];
      s1 += w[b + 1];
      s2 += w[b + 2];
      s3 += w[b + 3];
      s4 += w[b + 4];
      s5 += w[b + 5];
    }
    z[r] = s0;
    z[r + 1] = s1;
    z[r + 2] = s2;
    z[r + 3] = s3;
    z[r + 4] = s4;
    z[r + 5] = s5;
  }
  for (; r < R; r++) {
    let s = bias[r];
    for (let k = 0; k < nf; k++) s += w[feats[k] * R + r];
    z[r] = s;
  }
}

/**
 * Runs the model over the document. Returns possible candidates for sentences where no certain
 * candidate of the same rule exists, and raises the confidence of certain ones (0.9 + 0.1 × p).
 */
export function modelCandidates(ctx: EvalContext, model: LoadedModel, rules: CompiledRule[], certain: Candidate[]): Candidate[] {
  const a = ctx.a;
  const n = a.norm.length;
  if (n === 0) return [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const active = model.ids.map((id) => byId.get(id));
  if (active.every((r) => r === undefined)) return [];
  const marked = sentencesWithConcepts(ctx, rules);
  // Certain candidates per model rule, by sentence id.
  const certainIn: Map<number, Candidate[]>[] = model.ids.map(() => new Map());
  const slot = new Map(model.ids.map((id, r) => [id, r]));
  // Sentences with any certain candidate of a model rule (most have none: skip the lookups there).
  const anyCertain = new Uint8Array(marked.length);
  for (const c of certain) {
    const r = slot.get(c.ruleId);
    if (r === undefined) continue;
    const sid = a.sentence[c.first];
    anyCertain[sid] = 1;
    const list = certainIn[r].get(sid);
    if (list) list.push(c);
    else certainIn[r].set(sid, [c]);
  }
  // Compare logits with the thresholds' logits: no exp() for the common case of nothing to report.
  const logitThreshold = Array.from(model.threshold, (t) => (t >= 1 ? Infinity : Math.log(t / (1 - t))));
  const out: Candidate[] = [];
  const R = model.ids.length;
  const z = new Float64Array(R);
  const feats = new Int32Array(MODEL_BUCKETS);
  const w = model.weights;
  let i = 0;
  while (i < n) {
    const sid = a.sentence[i];
    let j = i;
    while (j + 1 < n && a.sentence[j + 1] === sid && a.piece[j + 1] === a.piece[i]) j++;
    if (marked[sid] && ctx.part(i) !== 'url') {
      sumWeights(z, model.bias, w, R, feats, unitFeaturesInto(a.norm, i, j, feats));
      for (let r = 0; r < R; r++) {
        const rule = active[r];
        if (!rule) continue;
        const known = anyCertain[sid] ? certainIn[r].get(sid) : undefined;
        if (known) {
          const p = 1 / (1 + Math.exp(-z[r]));
          for (const c of known) c.confidence = 0.9 + 0.1 * p;
          continue;
        }
        if (z[r] < logitThreshold[r]) continue;
        if (!rule.scope.has(ctx.part(i))) continue;
        // The rule's own exceptions (explanations of the rules, staff job ads …) hold for the model too.
        if (cancelled(ctx, rule.unless, i, j)) continue;
        out.push({ ruleId: rule.id, severity: rule.severity, first: i, last: j, certainty: 'possible', confidence: 1 / (1 + Math.exp(-z[r])), lead: 'model_only' });
      }
    }
    i = j + 1;
  }
  return out;
}
