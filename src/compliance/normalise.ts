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
const UPPER_GREEK: Record<string, string> = { Η: 'H', Μ: 'M', Ν: 'N', Ζ: 'Z', Υ: 'Y' };
const UPPER_GREEK_RE = new RegExp(`[${Object.keys(UPPER_GREEK).join('')}]`);
const UPPER_GREEK_RE_G = new RegExp(UPPER_GREEK_RE.source, 'g');
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
  // Upper-case Greek letters that look Latin only in upper case (Η H, Μ M, Ν N, Ζ Z, Υ Y): read them
  // before case folding turns them into η μ ν ζ υ, when the word also holds Latin letters or only
  // look-alikes ("Νοτ"); a real Greek word keeps its letters.
  if (UPPER_GREEK_RE.test(raw)) {
    const mapped = raw.replace(UPPER_GREEK_RE_G, (c) => UPPER_GREEK[c] ?? c);
    if (/[A-Za-z]/.test(raw) || [...mapped.toLowerCase()].every((c) => (c >= 'a' && c <= 'z') || HOMOGLYPHS[c] !== undefined)) raw = mapped;
  }
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

/** What follows a number written together with it ("5kr", "3e", "5stjärnor"): never a leet word. */
const UNITS = new Set(['kr', 'st', 'e', 'a', 'h', 'm', 'p', 'x', 'k', 'g', 'd', 'ar', 'sek', 'min', 'nd', 'rd', 'th', 'km', 'kg', 'dgr', 'pers', 'tim', 'man', 'mil', 'tkr', 'mkr', 'ggr', 'gr']);
const UNIT_PREFIX = /^(?:st|kron|dag|veck|manad|tim|minut|stjarn|star|procent|percent|person|days?|weeks?|months?|years?|hours?|ars?$)/;

/**
 * A word that starts with one leet digit ("0ss", "3rsattning") rather than a number and its unit
 * ("5kr", "3dagar", "5stjarnor"). `folded` is the token after foldLiteral.
 */
export function isLeetLead(folded: string): boolean {
  if (!/^[01347][a-z]{2,}$/.test(folded)) return false;
  const rest = folded.slice(1);
  return !UNITS.has(rest) && !UNIT_PREFIX.test(rest);
}

/** Leet characters in two or more separate runs between letters ("3v3ry0n3", "ch0ic3"): a leet word. */
function isLeetWord(s: string): boolean {
  if (/[2689]/.test(s)) return false;
  const runs = s.match(/[013457@$]+/g);
  if (runs === null || runs.length < 2) return false;
  return (s.match(/\p{L}/gu)?.length ?? 0) >= 2;
}

function mapLeet(s: string): string {
  // A word with leet in several places is read whole, its first and last characters included.
  if (isLeetWord(s) || isLeetLead(s)) return [...s].map((c) => LEET[c] ?? c).join('');
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
    // @ and $ never write a number: in a word they are always letters ("o$$", "v@rje").
    const symbols = /^[@$]+$/.test(run);
    const inside = symbols || (isLetter(s[i - 1]) && isLetter(s[j]));
    const trailing = j === s.length && run.length === 1 && isLetter(s[i - 1]) && isLetter(s[i - 2]) && !/[0-9]/.test(s.slice(0, i));
    out += inside || trailing ? [...run].map((c) => LEET[c]).join('') : run;
    i = j;
  }
  return out;
}
