/**
 * Heuristic language identification of a block of tokens: script first (Arabic vs Persian letters,
 * Ethiopic), then stop-word counts for Swedish, English and Somali. Returns 'und' when unsure.
 */
import type { EvalContext } from './context';

const STOP: Record<string, Set<string>> = {
  sv: new Set('och att det som en ett ar pa for med till du vi av inte har hos oss dig kan far din ditt dina vara var om nar sa eller men ocksa efter alla ska jag vill fran mer'.split(' ')),
  en: new Set('the and to of you we is for with our your are in get can will be on at this that by from it who have not all more an'.split(' ')),
  so: new Set('iyo waa ka ku oo ayaan la aad u na in waxaa ah kuu ayaad waxaad si ee kale haddii marka ama laga loo'.split(' ')),
};
/** Stop word → language (first list wins for shared words). */
const STOP_LANG = new Map<string, string>();
for (const lang of ['sv', 'en', 'so']) for (const w of STOP[lang]) if (!STOP_LANG.has(w)) STOP_LANG.set(w, lang);
const PERSIAN = /[پچژگکی]/;

/** Detects the language of the block containing token t (cached per block by the caller). */
export function detectBlockLanguage(ctx: EvalContext, t: number): string {
  const [s, e] = ctx.extent('block', t);
  const counts: Record<string, number> = { sv: 0, en: 0, so: 0 };
  let arabic = 0;
  let persian = 0;
  let ethiopic = 0;
  let latin = 0;
  const a = ctx.a;
  for (let i = s; i <= e && i < s + 400; i++) {
    const tok = a.norm[i];
    const c = tok.charCodeAt(0);
    if (c >= 0x600 && c <= 0x6ff) {
      arabic++;
      // Persian letters are folded by normalisation; check the raw text instead.
      const piece = a.doc.pieces[a.piece[i]];
      if (PERSIAN.test(piece.text.slice(a.start[i], a.end[i]))) persian++;
      continue;
    }
    if (c >= 0x1200 && c <= 0x137f) {
      ethiopic++;
      continue;
    }
    if (c >= 97 && c <= 122) latin++;
    const lang = STOP_LANG.get(tok);
    if (lang !== undefined) counts[lang]++;
  }
  if (ethiopic > latin && ethiopic >= arabic) return 'ti';
  if (arabic > latin) return persian > 0 ? 'fa' : 'ar';
  if (latin === 0) return 'und';
  const best = (Object.entries(counts) as [string, number][]).sort((x, y) => y[1] - x[1])[0];
  if (best[1] === 0) return 'und';
  return best[0];
}
