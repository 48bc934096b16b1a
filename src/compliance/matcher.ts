/**
 * Evaluates rule clauses on an analysed document: trigger hits in scope, `near` co-occurrence
 * within a token window / clause / sentence / block, and `unless` antipatterns. Produces candidate
 * matches as token spans.
 */
import type { EvalContext } from './context';
import { listHead } from './lists';
import type { CompiledClause, CompiledRule, CompiledUnless, TermSet, Within } from './ruleset';
import type { Part, PossibleReason, Severity } from './types';

/** A rule match before it becomes a Finding: inclusive token span. */
export interface Candidate {
  ruleId: string;
  severity: Severity;
  first: number;
  last: number;
  /** Set by the model layer: `possible` candidates with the model's probability. */
  certainty?: 'certain' | 'possible';
  confidence?: number;
  /** Why a possible candidate is only possible. */
  lead?: PossibleReason;
  /** Further evidence spans (token ranges) merged into this candidate. */
  extra?: [number, number][];
}

const LONGEST_TERM = 8;

/** Finds the nearest hit of `set` satisfying `within` around [f, l] (not overlapping it), or null. */
export function findNear(
  ctx: EvalContext,
  set: TermSet,
  within: Within,
  f: number,
  l: number,
  scope: ReadonlySet<Part> | null,
): [number, number] | null {
  const hits = ctx.hits(set);
  if (hits.length === 0) return null;
  const a = ctx.a;
  let lo: number;
  let hi: number;
  if (typeof within === 'number') {
    lo = f - within - LONGEST_TERM;
    hi = l + within;
  } else [lo, hi] = ctx.extent(within, f);
  const zone = ctx.zone(f);
  let best: [number, number] | null = null;
  let bestDist = Infinity;
  for (let k = ctx.lowerBound(hits, lo); 2 * k < hits.length; k++) {
    const nf = hits[2 * k];
    const nl = hits[2 * k + 1];
    if (nf > hi) break;
    // Overlapping the trigger does not count, except inside one merged run of spaced-out letters.
    if (nl >= f && nf <= l && !(nf === nl && nf === f && a.flags[f] & 2)) continue;
    if (ctx.zone(nf) !== zone) continue;
    if (scope && !scope.has(ctx.part(nf))) continue;
    const dist = nf > l ? nf - l : f - nl;
    if (typeof within === 'number') {
      if (dist > within) continue;
    } else {
      const ids = within === 'sentence' ? a.sentence : within === 'clause' ? a.clause : a.block;
      if (ids[nf] !== ids[f]) continue;
    }
    if (dist < bestDist) {
      best = [nf, nl];
      bestDist = dist;
    }
  }
  return best;
}

/** True when any antipattern cancels a match whose trigger spans [f, l]. */
export function cancelled(ctx: EvalContext, unless: CompiledUnless[], f: number, l: number): boolean {
  for (const u of unless) if (unlessHit(ctx, u, f, l)) return true;
  return false;
}

function unlessHit(ctx: EvalContext, u: CompiledUnless, f: number, l: number): boolean {
  const hits = ctx.hits(u.set);
  if (hits.length === 0) return false;
  const a = ctx.a;
  let lo: number;
  let hi: number;
  // A negation before a list governs its later items too: measure from the list's first item.
  const head = u.where === 'before' ? listHead(a, f, l) : f;
  switch (u.where) {
    case 'before':
      lo = head - u.within - LONGEST_TERM;
      hi = f - 1;
      break;
    case 'after':
      lo = l + 1;
      hi = l + u.within;
      break;
    case 'window':
      lo = f - u.within - LONGEST_TERM;
      hi = l + u.within;
      break;
    default:
      [lo, hi] = ctx.extent(u.where, f);
  }
  for (let k = ctx.lowerBound(hits, lo); 2 * k < hits.length; k++) {
    const nf = hits[2 * k];
    const nl = hits[2 * k + 1];
    if (nf > hi) break;
    if (u.where === 'before') {
      if (nl >= head || head - nl > u.within || a.clause[nl] !== a.clause[head]) continue;
    } else if (u.where === 'after') {
      if (nf - l > u.within || a.clause[nf] !== a.clause[l]) continue;
    } else if (u.where === 'window') {
      const dist = nf > l ? nf - l : nl < f ? f - nl : 0;
      if (dist > u.within || ctx.zone(nf) !== ctx.zone(f)) continue;
    }
    if (u.except && overlapsAny(ctx, u.except, nf, nl)) continue;
    if (u.without && presentIn(ctx, u.without, u.where, f, l)) return false;
    return true;
  }
  return false;
}

/**
 * True when a hit of `set` lies in the unit around [f, l] (the `where` unit, or the sentence for
 * the token-distance kinds), not counting the trigger itself.
 */
function presentIn(ctx: EvalContext, set: TermSet, where: CompiledUnless['where'], f: number, l: number): boolean {
  const unit = where === 'before' || where === 'after' || where === 'window' ? 'sentence' : where;
  const [lo, hi] = ctx.extent(unit, f);
  const hits = ctx.hits(set);
  for (let k = ctx.lowerBound(hits, lo); 2 * k < hits.length; k++) {
    const nf = hits[2 * k];
    if (nf > hi) break;
    if (hits[2 * k + 1] >= f && nf <= l) continue;
    return true;
  }
  return false;
}

function overlapsAny(ctx: EvalContext, set: TermSet, f: number, l: number): boolean {
  const hits = ctx.hits(set);
  for (let k = ctx.lowerBound(hits, f - LONGEST_TERM); 2 * k < hits.length; k++) {
    const ef = hits[2 * k];
    if (ef > l) break;
    if (hits[2 * k + 1] >= f) return true;
  }
  return false;
}

function atBlockStart(ctx: EvalContext, f: number): boolean {
  const a = ctx.a;
  return f === 0 || a.block[f - 1] !== a.block[f] || a.piece[f - 1] !== a.piece[f];
}

function evalClause(ctx: EvalContext, rule: CompiledRule, clause: CompiledClause, out: Candidate[]): void {
  const hits = ctx.hits(clause.trigger);
  const a = ctx.a;
  for (let k = 0; k < hits.length; k += 2) {
    const f = hits[k];
    const l = hits[k + 1];
    if (!clause.scope.has(ctx.part(f))) continue;
    if (clause.atStart && !atBlockStart(ctx, f)) continue;
    let first = f;
    let last = l;
    let ok = true;
    for (const near of clause.near) {
      const hit = findNear(ctx, near.set, near.within, f, l, clause.scope);
      if (!hit) {
        ok = false;
        break;
      }
      // Widen the reported span to the co-occurring words when they share the sentence.
      if (a.sentence[hit[0]] === a.sentence[f] && a.piece[hit[0]] === a.piece[f]) {
        first = Math.min(first, hit[0]);
        last = Math.max(last, hit[1]);
      }
    }
    if (!ok) continue;
    if (cancelled(ctx, clause.unless, f, l) || cancelled(ctx, rule.unless, f, l)) continue;
    out.push(clause.possible ? { ruleId: rule.id, severity: clause.severity, first, last, certainty: 'possible', confidence: 0.5, lead: 'lead_clause' } : { ruleId: rule.id, severity: clause.severity, first, last });
  }
}

/** Runs every clause of a rule. */
export function matchRule(ctx: EvalContext, rule: CompiledRule): Candidate[] {
  const out: Candidate[] = [];
  for (const clause of rule.clauses) evalClause(ctx, rule, clause, out);
  return out;
}
