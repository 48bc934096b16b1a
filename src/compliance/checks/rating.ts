/**
 * Built-in fact check `rating_vs_provider`: star claims ("3 av 4 stjärnor", "4/4", "★★★★☆",
 * "betyg 4", JSON-LD AggregateRating) next to the check's `near` terms are compared with AF's scale
 * and, when known, the provider's official ratings.
 */
import type { EvalContext } from '../context';
import type { Candidate } from '../matcher';
import { cancelled } from '../matcher';
import type { CompiledCheck, CompiledRule } from '../ruleset';
import type { ProviderFacts } from '../types';

type RatingCheck = Extract<CompiledCheck, { type: 'rating_vs_provider' }>;

const NUM = /^[0-9]+$/;
const OF = new Set(['av', 'of', '/', 'من', 'ka', 'از', 'kati']);
const STAR_WORD = /^(stjarn|star|نجم|نجوم|xiddig|ستاره|ኮኾብ)/;
const STAR_FILLED = /[★⭐🌟✪✫✬✭✮✯✰]/gu;
const STAR_ANY = /[★☆⭐✩✪✫✬✭✮✯✰🌟]/gu;
const TOP = new Set(['toppbetyg', 'toppbetyget', 'hogsta', 'top-rated', 'toprated']);

interface Claim {
  stars: number;
  scale?: number;
  first: number;
  last: number;
}

/** Reads a number token, joining a decimal part written "3,5" / "3.5". */
function numberAt(ctx: EvalContext, i: number): { value: number; last: number } | null {
  const a = ctx.a;
  const tok = a.norm[i];
  if (!NUM.test(tok)) return null;
  const next = i + 1 < a.norm.length ? a.norm[i + 1] : undefined;
  if (next !== undefined && NUM.test(next) && a.piece[i + 1] === a.piece[i] && a.start[i + 1] === a.end[i] + 1) {
    const sep = a.doc.pieces[a.piece[i]].text[a.end[i]];
    if (sep === ',' || sep === '.') return { value: Number(`${tok}.${next}`), last: i + 1 };
  }
  return { value: Number(tok), last: i };
}

/** Cheap pre-test for STAR_ANY: every star glyph is at or above U+2600 (or a surrogate pair). */
function mayHoldStar(tok: string): boolean {
  for (let i = 0; i < tok.length; i++) if (tok.charCodeAt(i) >= 0x2600) return true;
  return false;
}

function claimsIn(ctx: EvalContext, s: number, e: number): Claim[] {
  const a = ctx.a;
  const out: Claim[] = [];
  for (let i = s; i <= e; i++) {
    const tok = a.norm[i];
    const glyphs = mayHoldStar(tok) ? tok.match(STAR_ANY) : null;
    if (glyphs) {
      out.push({ stars: (tok.match(STAR_FILLED) ?? []).length, scale: glyphs.length, first: i, last: i });
      continue;
    }
    if (TOP.has(tok)) {
      out.push({ stars: Infinity, first: i, last: i });
      continue;
    }
    const n = numberAt(ctx, i);
    if (!n || n.value > 10) continue;
    let j = n.last + 1;
    if (j <= e && (OF.has(a.norm[j]) || (a.norm[j] === 'out' && a.norm[j + 1] === 'of'))) {
      if (a.norm[j] === 'out') j++;
      const m = j + 1 <= e ? numberAt(ctx, j + 1) : null;
      if (m && m.value <= 10) {
        const last = m.last + 1 <= e && STAR_WORD.test(a.norm[m.last + 1]) ? m.last + 1 : m.last;
        out.push({ stars: n.value, scale: m.value, first: i, last });
        i = last;
        continue;
      }
    }
    if (j <= e && STAR_WORD.test(a.norm[j])) {
      out.push({ stars: n.value, first: i, last: j });
      i = j;
      continue;
    }
    if (i > s && /^betyg/.test(a.norm[i - 1])) out.push({ stars: n.value, first: i - 1, last: n.last });
  }
  return out;
}

/** Runs the rating fact check for one rule. */
export function ratingCheck(ctx: EvalContext, rule: CompiledRule, check: RatingCheck, provider?: ProviderFacts): Candidate[] {
  const out: Candidate[] = [];
  const near = ctx.hits(check.near);
  const seen = new Set<string>();
  const ratings = provider?.ratings;
  const held = ratings && ratings.length ? Math.max(0, ...ratings.map((r) => r.stars ?? 0)) : undefined;
  for (let k = 0; k < near.length; k += 2) {
    const f = near[k];
    if (!rule.scope.has(ctx.part(f))) continue;
    // A JSON-LD block is read as a whole: its rating and its names are separate strings.
    const [s, e] = ctx.part(f) === 'jsonld'
      ? ctx.extent('zone', f)
      : typeof check.within === 'number'
        ? [Math.max(0, f - check.within), Math.min(ctx.size - 1, near[k + 1] + check.within)]
        : ctx.extent(check.within, f);
    const key = `${s}:${e}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of claimsIn(ctx, s, e)) {
      if (ctx.zone(c.first) !== ctx.zone(f)) continue;
      const overScale = (c.scale !== undefined && c.scale > check.scaleMax) || (Number.isFinite(c.stars) && c.stars > check.scaleMax);
      const overHeld = held !== undefined && (Number.isFinite(c.stars) ? c.stars > held : held < check.scaleMax);
      if (!overScale && !overHeld) continue;
      if (cancelled(ctx, check.unless, c.first, c.last) || cancelled(ctx, rule.unless, c.first, c.last)) continue;
      out.push({ ruleId: rule.id, severity: rule.severity, first: c.first, last: c.last });
    }
  }
  return out;
}
