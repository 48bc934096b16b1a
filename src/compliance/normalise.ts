/**
 * Token normalisation shared by the text and the rule terms, so that spelling tricks fold away:
 * NFKC, case fold, zero-width/soft-hyphen removal, diacritics (å ä ö → a a o), Arabic/Persian letter
 * variants and digits, look-alike letters (Cyrillic/Greek homoglyphs inside Latin words) and
 * leetspeak digits inside words (pr3sentk0rt → presentkort).
 */

// Zero-width characters, soft hyphen, bidi embeddings/overrides/isolates and marks, word joiner,
// invisible operators, BOM, Arabic tatweel, Mongolian vowel separator, combining grapheme joiner.
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u0640]/g;
const MARKS = /\p{M}/gu;
const LATIN = /[a-z]/;

/** Cyrillic and Greek letters that look like Latin ones (lower case, after case fold). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i', ℓ: 'l',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 's',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

/** Arabic-script letter variants folded to one form (hamza carriers, teh marbuta, Persian yeh/kaf). */
const ARABIC: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك', 'ۀ': 'ه',
};
const ARABIC_RE = /[أإآٱؤئىةیکۀ]/g;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/** Folds case, width, accents and script variants of a literal (used for both terms and text). */
export function foldLiteral(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  // Fast path: plain ASCII needs nothing more.
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  s = s.normalize('NFD').replace(MARKS, '');
  s = s.replace(ARABIC_RE, (c) => ARABIC[c] ?? c);
  s = s.replace(EASTERN_DIGITS, (c) => String((c.charCodeAt(0) & 0xf) % 10));
  if (s.includes('ß')) s = s.replace(/ß/g, 'ss');
  return s;
}

/**
 * Normalises one text token. Besides foldLiteral it maps homoglyphs when the token is (partly) Latin
 * or consists only of look-alikes, and maps leetspeak digits that sit inside a word.
 */
export function normaliseToken(raw: string): string {
  let s = foldLiteral(raw);
  if (/^[a-z]*$/.test(s)) return s;
  HOMOGLYPH_RE.lastIndex = 0;
  if (HOMOGLYPH_RE.test(s)) {
    const mapped = s.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c);
    // Only fold when the result is Latin: a real Cyrillic/Greek word keeps its letters.
    if (LATIN.test(s) || /^[a-z0-9]+$/.test(mapped)) s = mapped;
  }
  if (/[0-9@$]/.test(s) && /[a-z]/.test(s)) s = mapLeet(s);
  return s;
}

function mapLeet(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (LEET[s[i]] === undefined) {
      out += s[i++];
      continue;
    }
    // A run of leet characters ("50" in "p3r50nnummer") is mapped when it sits inside a word
    // (letters on both sides), or trails two or more letters as a single character ("gåv4").
    let j = i;
    while (j < s.length && LEET[s[j]] !== undefined) j++;
    const run = s.slice(i, j);
    const inside = isLetter(s[i - 1]) && isLetter(s[j]);
    const trailing = j === s.length && run.length === 1 && isLetter(s[i - 1]) && isLetter(s[i - 2]) && !/[0-9]/.test(s.slice(0, i));
    const leading = i === 0 && /^[@$]$/.test(run) && isLetter(s[j]);
    out += inside || trailing || leading ? [...run].map((c) => LEET[c]).join('') : run;
    i = j;
  }
  return out;
}
