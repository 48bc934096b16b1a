/**
 * Language identification of sentences and blocks, from the analysed tokens: script first (Arabic
 * vs Persian letters, Ethiopic → Tigrinya), then counts of function words for the Latin-script
 * languages the rules cover (Swedish, English, Somali, Polish, Bosnian). Returns 'und' when unsure.
 *
 * Why not franc/eld: the engine must stay above 10 MB/s, and a trigram model over hundreds of
 * languages costs more per sentence than the whole rule pass; the rules' languages are few and
 * separate well by script and by their commonest words, which a one-sentence text nearly always has.
 * Runs once per analysis over all tokens (one Map lookup per token).
 *
 * Which vocabulary applies where (`termAppliesIn`): a language's own sentences use its vocabulary;
 * Swedish copy borrows English words ("bonus", "gift card", "cash"); copy in the other languages
 * borrows from every vocabulary ("presentkort", "Arbetsförmedlingen"); English sentences use English
 * vocabulary only, so "At present" is not the Swedish "present" (a gift). Undetected sentences use
 * every vocabulary.
 */
import type { Analysis } from './analysis';
import type { Lexeme } from './lexicon';

// Normalised forms (diacritics folded: "för" → "for", "się" → "sie").
const STOP: Record<string, string> = {
  sv: 'och att det som en ett ar pa for med till du vi av inte har hos oss dig kan far din ditt dina vara var om nar sa eller men ocksa efter alla ska jag vill fran mer den de vart dem sig hur vad nagon nagot sina sitt bara utan ingen inga inget detta denna dessa hon han',
  en: 'the and to of you we is for with our your are in get can will be on at this that by from it who have not all more an us if when what they their any into been has was were would about only just which',
  so: 'iyo waa ka ku oo ayaan la aad u in waxaa ah kuu ayaad waxaad si ee kale haddii marka ama laga loo waxaan nagu noo kula ugu wax aan ayay waxay',
  pl: 'jako w z do po sie ze nie jest dla od przez czy lub oraz tylko juz ich sa byc jestesmy nasz nasza nasze twoj twoja wasz pan pani jak ktory ktora ktore mozesz otrzymasz kazdy kazda',
  bs: 'je se da su sto kao ili samo nasa nase vas vasa biti smo ce nije koji koja koje mozete dobijete svaki svaka ako kod',
};
/** Words shared by several lists count for the first language listed here. */
const ORDER = ['sv', 'en', 'so', 'pl', 'bs'];
const STOP_LANG = new Map<string, number>();
ORDER.forEach((lang, i) => {
  for (const w of STOP[lang].split(' ')) if (!STOP_LANG.has(w)) STOP_LANG.set(w, i);
});
const PERSIAN = /[پچژگکی]/;

/** Function-word counts per language of the range being scored, reused (a fresh array per call: 12,000 per MB of text). */
const COUNTS = new Int32Array(ORDER.length);

/** STOP_LANG of a lexeme's normalised form (-1 none), looked up once per lexeme (Analysis.stop). */
export function stopLangOf(lex: Lexeme): number {
  let k = lex.stopLang;
  if (k === -2) k = lex.stopLang = STOP_LANG.get(lex.norm) ?? -1;
  return k;
}

/** Scores tokens [s, e] and returns the language code or 'und' (a tie between languages is 'und' when tieIsUnsure). */
export function detectRange(a: Analysis, s: number, e: number, tieIsUnsure = true): string {
  const stop = a.stop;
  const counts = COUNTS.fill(0);
  let arabic = 0;
  let persian = 0;
  let ethiopic = 0;
  let latin = 0;
  for (let i = s; i <= e; i++) {
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
    // "och" in the programme's name ("Rusta och matcha") is Swedish in every language's copy.
    if (tok === 'och' && i > s && a.norm[i - 1] === 'rusta') continue;
    if (stop !== undefined) {
      const lang = stop[i];
      if (lang >= 0) counts[lang]++;
    } else {
      const lang = STOP_LANG.get(tok);
      if (lang !== undefined) counts[lang]++;
    }
  }
  if (ethiopic > latin && ethiopic >= arabic) return 'ti';
  if (arabic > latin) return persian > 0 ? 'fa' : 'ar';
  if (latin === 0) return 'und';
  let best = -1;
  let bestCount = 0;
  let second = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > bestCount) {
      second = bestCount;
      bestCount = counts[k];
      best = k;
    } else if (counts[k] > second) second = counts[k];
  }
  // A tie is no evidence either way.
  if (best < 0 || (tieIsUnsure && bestCount === second)) return 'und';
  return ORDER[best];
}

/**
 * Language of every sentence (indexed by sentence id). A sentence too short to tell takes its
 * block's language, and a block too short to tell takes the document's.
 */
export function detectSentenceLanguages(a: Analysis): string[] {
  const n = a.norm.length;
  const nSent = n ? a.sentence[n - 1] + 1 : 0;
  const out = new Array<string>(nSent).fill('und');
  const blockOf = new Map<number, string>();
  let docLang: string | undefined;
  let i = 0;
  while (i < n) {
    const sid = a.sentence[i];
    let j = i;
    while (j + 1 < n && a.sentence[j + 1] === sid) j++;
    let lang = detectRange(a, i, j);
    if (lang === 'und') {
      const b = a.block[i];
      let bl = blockOf.get(b);
      if (bl === undefined) {
        let s = i;
        let e = j;
        while (s > 0 && a.block[s - 1] === b) s--;
        while (e + 1 < n && a.block[e + 1] === b && e - s < 400) e++;
        blockOf.set(b, (bl = detectRange(a, s, e)));
      }
      lang = bl;
      if (lang === 'und') lang = docLang ??= detectRange(a, 0, Math.min(n - 1, 2000));
    }
    out[sid] = lang;
    i = j + 1;
  }
  return out;
}

/** True when a term from the vocabularies `termLangs` applies in a sentence of language `lang`. */
export function termAppliesIn(termLangs: ReadonlySet<string>, lang: string): boolean {
  if (lang === 'und' || termLangs.has(lang)) return true;
  if (lang === 'en') return false;
  if (lang === 'sv') return termLangs.has('en');
  // Copy in the other languages borrows freely (Swedish and English words, and Polish and Bosnian
  // share much of their vocabulary and are the hardest to tell apart in one short sentence).
  return true;
}
