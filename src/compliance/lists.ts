/**
 * Coordinated lists ("presentkort, värdecheckar eller pengar"): a negation before the first item
 * governs every item, although each comma starts a new clause for the tokeniser. The matcher asks
 * where the list that a trigger belongs to starts, and measures a `before` antipattern from there.
 */
import type { Analysis } from './analysis';
import { pieceOf } from './analyse';

// Closed word classes, so they live here rather than in the rules' glossary (sv, en, ar, so, fa, ti).
/** Words that join the last item of a list (normalised forms). */
const JOINERS = new Set(['eller', 'och', 'samt', 'or', 'and', 'nor', '&', 'او', 'و', 'ama', 'iyo', 'یا', 'ወይ', 'ወይም']);
/** Words that turn the next words against what came before ("Inga krav, bara presentkort"). */
const CONTRAST = new Set(['bara', 'endast', 'enbart', 'men', 'utan', 'daremot', 'istallet', 'but', 'only', 'just', 'instead', 'laakiin', 'لكن', 'بل', 'فقط', 'اما', 'ግን']);

/** At most this many tokens of an item may stand before the trigger within it. */
const MAX_ITEM_TOKENS = 3;

/** True when the gap before token t (first of its clause) is a comma inside the same sentence and piece. */
function commaBefore(a: Analysis, t: number): boolean {
  if (t === 0 || a.sentence[t - 1] !== a.sentence[t] || a.piece[t - 1] !== a.piece[t]) return false;
  return pieceOf(a, t).text.slice(a.end[t - 1], a.start[t]).trim() === ',';
}

/**
 * The token that a negation before the trigger [f, l] has to precede: `f` itself, or, when the
 * trigger is a later item of a comma-separated list, the last token of the list's first item.
 * An item counts as a list item when it has at most a few words before the trigger, no contrast
 * word, and the trigger either follows the comma or a joining word directly ("…, telefoner eller
 * pengar") or is followed by one ("…, nya telefoner eller pengar").
 */
export function listHead(a: Analysis, f: number, l: number): number {
  const n = a.norm.length;
  const next = l + 1;
  const continues = next < n && a.sentence[next] === a.sentence[l] && (JOINERS.has(a.norm[next]) || (a.clause[next] !== a.clause[l] && commaBefore(a, next)));
  let g = f;
  // Each step moves back over one comma; a list of more than a dozen items is not copy.
  for (let step = 0; step < 12; step++) {
    let t = g;
    while (t > 0 && a.clause[t - 1] === a.clause[g]) t--;
    if (!commaBefore(a, t) || g - t > MAX_ITEM_TOKENS) return g;
    for (let k = t; k <= g; k++) if (CONTRAST.has(a.norm[k])) return g;
    // The trigger's own item: right after the comma or a joining word, or followed by more list.
    // Earlier items end at a comma, so they are list items by position.
    if (step === 0 && g > t && !JOINERS.has(a.norm[g - 1]) && !continues) return g;
    g = t - 1;
  }
  return g;
}
