/**
 * Morphology for concept terms written `~lemma` in the rules: which (normalised) words count as a
 * form of a lemma in a given language. So one vocabulary entry covers inflections and compounds:
 * `~present` (sv) matches "presenten", "presenter", "välkomstpresent", "julpresenterna" but not
 * "presentation" or "presentera"; `~reward` (en) matches "rewards", "rewarded".
 *
 * - Swedish: the lemma's base (a final -a/-e dropped: gåva → gåv) plus one of the closed set of
 *   noun, adjective and participle endings, optionally as the head of a compound (a modifier of at
 *   least three letters before it, with or without the linking -s-). The Snowball Swedish stemmer
 *   (tried via @orama/stemmers) is too light for this: it leaves the definite forms "gåvan",
 *   "presentkortet", "stjärnan" unstemmed, and it cannot split compounds.
 * - English: Porter2 (Snowball English, @orama/stemmers) stems compared for equality.
 * - Somali, Polish, Bosnian, Arabic, Persian: no maintained stemmer for the Worker exists for
 *   Somali, Polish or Bosnian, and the Snowball Arabic stemmer over-strips short nouns
 *   ("بطاقات" → "طاقا"), so these use closed affix lists per language (clitics, articles, case and
 *   number endings), which a reader can check.
 * - Tigrinya (Ge'ez script): suffixes fuse into the last syllable, so a lemma matches as a prefix
 *   of the word.
 */
import { stemmer as englishStem } from '@orama/stemmers/english';
import { foldLiteral } from './normalise';

export type MorphLang = 'sv' | 'en' | 'so' | 'pl' | 'bs' | 'ar' | 'fa' | 'ti';
export const MORPH_LANGS: readonly MorphLang[] = ['sv', 'en', 'so', 'pl', 'bs', 'ar', 'fa', 'ti'];

interface AffixRules {
  /** Endings a form may add to the base (longest first is not needed: all are tried). */
  suffixes: readonly string[];
  /** Prefixes (clitics, articles) a form may carry. */
  prefixes: readonly string[];
  /** Final letters dropped from the lemma to get the base (gåva → gåv). */
  dropFinal: RegExp | null;
  /** Minimum length of a compound modifier in front of the base (0 = no compounds). */
  compound: number;
}

// Swedish: noun (all declensions, definite/plural/genitive), adjective and participle endings.
const SV_SUFFIXES = [
  '', 'a', 'an', 'ans', 'ar', 'arna', 'arnas', 'as', 'e', 'en', 'ens', 'er', 'erna', 'ernas', 'et', 'ets',
  'n', 'na', 'nas', 'or', 'orna', 'ornas', 's', 't', 'ts', 'r', 'rna', 'ade', 'at', 'ad', 'ar', 'ande', 'ende',
];
const RULES: Record<Exclude<MorphLang, 'en' | 'ti'>, AffixRules> = {
  sv: { suffixes: SV_SUFFIXES, prefixes: [''], dropFinal: /[ae]$/, compound: 3 },
  // Somali: definite articles (-ka/-ta/-da/-ha/-ga …), remote/past (-kii/-tii), plurals (-o, -ooyin, -yaal).
  so: {
    suffixes: ['', 'ka', 'ta', 'da', 'ha', 'ga', 'kii', 'tii', 'dii', 'hii', 'gii', 'kan', 'tan', 'dan', 'kaas', 'taas', 'daas', 'o', 'ooyin', 'yo', 'yaal', 'aha', 'ahaa', 'ay', 'a', 'yada', 'ada', 'ihii', 'ta', 'ad'],
    prefixes: [''],
    dropFinal: null,
    compound: 0,
  },
  // Polish: case and number endings of nouns and adjectives.
  pl: {
    suffixes: ['', 'a', 'u', 'y', 'i', 'e', 'em', 'om', 'ow', 'ach', 'ami', 'ie', 'ego', 'emu', 'ym', 'ych', 'ymi', 'ej', 'ą', 'ę', 'owy', 'owe', 'owa', 'owego', 'owej', 'kowy', 'kowe', 'o', 'ami'],
    prefixes: [''],
    dropFinal: /[aeoy]$/,
    compound: 0,
  },
  // Bosnian/Croatian/Serbian (Latin): case and number endings.
  bs: {
    suffixes: ['', 'a', 'u', 'e', 'i', 'o', 'om', 'em', 'ima', 'ama', 'ovi', 'ova', 'ove', 'ovima', 'ni', 'na', 'no', 'nu', 'og', 'ih', 'im'],
    prefixes: [''],
    dropFinal: /[aeo]$/,
    compound: 0,
  },
  // Arabic (after normalisation: teh marbuta → heh, hamza carriers → alef): conjunction/preposition
  // clitics and the article in front, number and possessive endings behind.
  ar: {
    suffixes: ['', 'ه', 'ها', 'ات', 'ين', 'ون', 'ان', 'ك', 'كم', 'نا', 'هم', 'ي', 'تك', 'تكم', 'تنا', 'ته', 'تها'],
    prefixes: ['', 'ال', 'و', 'وال', 'ب', 'بال', 'ل', 'لل', 'ف', 'فال', 'ك', 'كال', 'س'],
    dropFinal: /ه$/,
    compound: 0,
  },
  // Persian/Dari: plural, ezafe, indefinite and possessive endings (zero-width non-joiners are
  // removed by normalisation, so "هدیه‌ای" is read as "هديهاي").
  fa: {
    suffixes: ['', 'ها', 'هاي', 'ي', 'اي', 'يي', 'ش', 'تان', 'مان', 'شان', 'ت', 'م', 'ان', 'را'],
    prefixes: ['', 'ب', 'مي', 'ن'],
    dropFinal: null,
    compound: 0,
  },
};

/** A compiled `~lemma` for one language: the base a word must contain. */
export interface Morph {
  lang: MorphLang;
  lemma: string;
  /** Base after dropping a final vowel (sv, pl, bs, ar) or the Porter2 stem (en). */
  base: string;
  /** The base is shorter than the lemma, so a form needs an ending ("gåv" alone is not "gåva"; "gav" is a verb). */
  needsEnding: boolean;
}

/** Compiles a normalised lemma for a language. */
export function compileMorph(lemma: string, lang: MorphLang): Morph {
  lemma = foldLiteral(lemma);
  if (lang === 'en') return { lang, lemma, base: englishStem(lemma), needsEnding: false };
  if (lang === 'ti') return { lang, lemma, base: lemma, needsEnding: false };
  const r = RULES[lang];
  let base = lemma;
  // Keep at least three letters of the base ("tå" is not a lemma worth stemming).
  if (r.dropFinal && base.length > 3 && r.dropFinal.test(base)) base = base.slice(0, -1);
  return { lang, lemma, base, needsEnding: base !== lemma };
}

const enCache = new Map<string, string>();
/** Porter2 stem of an English word (cached; the vocabulary of running text is small). */
export function enStem(tok: string): string {
  let s = enCache.get(tok);
  if (s === undefined) {
    s = /^[a-z]+$/.test(tok) ? englishStem(tok) : tok;
    if (enCache.size > 100_000) enCache.clear();
    enCache.set(tok, s);
  }
  return s;
}

/**
 * Candidate bases of a normalised word in a language: every way of peeling a prefix and a suffix
 * off it (and, for Swedish, a compound modifier). The analyser looks these up in a map of lemma
 * bases, so matching costs one pass per distinct word.
 */
export function candidateBases(tok: string, lang: MorphLang): string[] {
  return candidateForms(tok, lang).cores;
}

/** candidateBases with, for each core, whether an ending was peeled off (`ended`). */
export function candidateForms(tok: string, lang: MorphLang): { cores: string[]; ended: boolean[] } {
  if (lang === 'en') return { cores: [enStem(tok), tok], ended: [true, true] };
  if (lang === 'ti') {
    // Ge'ez: any prefix of at least two syllables may be the lemma.
    const cores: string[] = [];
    for (let i = 2; i <= tok.length; i++) cores.push(tok.slice(0, i));
    return { cores, ended: cores.map(() => true) };
  }
  const r = RULES[lang];
  const cores: string[] = [];
  const ended: boolean[] = [];
  for (const p of r.prefixes) {
    if (p && !tok.startsWith(p)) continue;
    const rest = tok.slice(p.length);
    for (const s of r.suffixes) {
      if (s && !rest.endsWith(s)) continue;
      const core = s ? rest.slice(0, rest.length - s.length) : rest;
      if (core.length < 2) continue;
      cores.push(core);
      ended.push(s !== '');
    }
  }
  return { cores, ended };
}

/** Minimum compound-modifier length in a language (0 = the language does not compound in writing). */
export function compoundMin(lang: MorphLang): number {
  return lang === 'sv' ? RULES.sv.compound : 0;
}
