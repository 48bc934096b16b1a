/**
 * Token and sentence segmentation. Words are runs of letters, digits and marks (zero-width characters
 * and soft hyphens stay inside the word so normalisation can drop them); a few symbols (%, /, +, :-,
 * #, currency, runs of star glyphs) are tokens of their own. Between two tokens the gap decides the
 * boundary: clause (comma, dash, colon …), sentence (. ! ? … bullets, line breaks before a capital) or
 * paragraph (blank line). Spaced-out letters ("p r e s e n t") are merged into one token, and number
 * + unit tokens ("500kr", "5stjärnor") are split.
 */

export const BOUNDARY_NONE = 0;
export const BOUNDARY_CLAUSE = 1;
export const BOUNDARY_SENTENCE = 2;
export const BOUNDARY_PARAGRAPH = 3;

/** Receives tokens in order: offsets into the scanned text, the raw token, the boundary before it. */
export type TokenEmitter = (start: number, end: number, raw: string, boundary: number, merged: boolean) => void;

const WORD_CLASS = '\\p{L}\\p{N}\\p{M}\\u00AD\\u200B-\\u200D\\u2060\\uFEFF@$';
const STARS = '★☆⭐✩✪✫✬✭✮✯✰🌟';
const TOKEN_RE = new RegExp(`[${WORD_CLASS}]+|[${STARS}]+|:-|[%#/+€£]`, 'gu');
/** Term syntax additionally allows glob characters inside words. */
const TERM_TOKEN_RE = new RegExp(`\\\\#|\\*?[${STARS}]+\\*?|[${WORD_CLASS}*{},]+|[${STARS}]+|:-|[%#/+€£]`, 'gu');

const SPACED_SEP = /^[ \u00A0\u2009\u202F.\-_·*]$/;
const SINGLE_LETTER = /^\p{L}\p{M}*$/u;
/** Marks or invisible joiners standing alone between spaced-out letters ("ع ُ", Persian ZWNJ). */
const LONE_MARK = /^[\p{M}\u200B-\u200D\u2060\uFEFF\u00AD]+$/u;
const LEET_DIGIT = /^[013457@$]$/;
const NUM_UNIT = /^(\p{Nd}+)([\p{L}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+)$/u;
const UNIT_NUM = /^([\p{L}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+)(\p{Nd}+)$/u;
const HAS_DIGIT = /\d/;
/** Symbol tokens (%, /, :-, +, currency) bound a spaced-out word like a wide gap does. */
const SYMBOL = /^[^\p{L}\p{N}\p{M}]/u;

const ABBREVIATIONS = new Set(['ex', 'bl', 'ca', 'resp', 'dvs', 'inkl', 'exkl', 'nr', 'st', 'kl', 'jfr', 'etc', 'osv', 'mfl', 'ung', 'eg', 'ie', 'no', 'vs', 'org', 'tel', 'fr', 'tom']);
const SENTENCE_PUNCT = /[.!?…؟።\u061F•▪►✓✔|]/;
const HARD_PUNCT = /[!?؟•▪►✓✔|]/;
const CLAUSE_PUNCT = /[,;:–—()[\]"«»“”،؛]| - /;

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Classifies the gap between two tokens; `next` is the raw token after it. */
export function gapBoundary(gap: string, next: string, prev = ''): number {
  if (gap === ' ' || gap === '') return BOUNDARY_NONE;
  // Decimal and thousands separators ("4.5", "1,5", "1.000").
  if ((gap === '.' || gap === ',') && /[0-9]$/.test(prev) && /^[0-9]/.test(next)) return BOUNDARY_NONE;
  const nl = gap.indexOf('\n');
  if (nl >= 0 && gap.indexOf('\n', nl + 1) >= 0 && /\n[ \t\u00A0\r]*\n/.test(gap)) return BOUNDARY_PARAGRAPH;
  const nextLower = isLower(next[0] ?? '');
  // "t.ex. 3 dagar", "ca. 50", "nr. 1": a period after a common abbreviation does not end a sentence.
  if (nl < 0 && /^\.\s?$/.test(gap) && ABBREVIATIONS.has(prev.toLowerCase())) return BOUNDARY_NONE;
  if (HARD_PUNCT.test(gap)) return BOUNDARY_SENTENCE;
  if (SENTENCE_PUNCT.test(gap) || nl >= 0) {
    // "t.ex. presentkort", PDF line breaks mid-sentence: a lower-case continuation is not a new sentence.
    if (!nextLower) return BOUNDARY_SENTENCE;
  }
  if (CLAUSE_PUNCT.test(gap) || SENTENCE_PUNCT.test(gap)) return BOUNDARY_CLAUSE;
  return BOUNDARY_NONE;
}

/** Splits "500kr" / "iphone15" style tokens; keeps leetspeak ("gåv4") whole. Returns split index or -1. */
function numberUnitSplit(raw: string): number {
  // Both shapes start or end with a digit; most words do neither.
  const c0 = raw.charCodeAt(0);
  const c1 = raw.charCodeAt(raw.length - 1);
  if (!((c0 >= 48 && c0 <= 57) || (c1 >= 48 && c1 <= 57) || c0 > 127 || c1 > 127)) return -1;
  if (!HAS_DIGIT.test(raw)) return -1;
  let m = NUM_UNIT.exec(raw);
  if (m) return m[1].length;
  m = UNIT_NUM.exec(raw);
  if (m && !(m[2].length === 1 && LEET_DIGIT.test(m[2]) && m[1].length >= 2)) return m[1].length;
  return -1;
}

/**
 * Tokenises `text`, calling `emit` for each token in order. The first token gets `firstBoundary`.
 */
export function tokenize(text: string, emit: TokenEmitter, firstBoundary = BOUNDARY_SENTENCE): void {
  TOKEN_RE.lastIndex = 0;
  let prevEnd = -1;
  let prevRaw = '';
  // Pending run of single letters separated by one separator character (spaced-out words).
  let runStart = -1;
  let runEnd = -1;
  let runRaw = '';
  let runCount = 0;
  let runBoundary = 0;
  let runTokens: [number, number, string, number][] = [];
  // Gap before the current run was wider than one separator (or the text start).
  let runOpenWide = true;

  const flushRun = (closeWide: boolean) => {
    // Three or more letters always merge; two merge when the pair stands apart from its
    // neighbours by wider gaps (" d u " inside "V ä l j e r   d u   o s s").
    if (runCount >= 3 || (runCount === 2 && runOpenWide && closeWide)) {
      emit(runStart, runEnd, runRaw, runBoundary, true);
    } else {
      for (const t of runTokens) emitSplit(t[0], t[1], t[2], t[3]);
    }
    runCount = 0;
    runRaw = '';
    runTokens = [];
  };
  const emitSplit = (s: number, e: number, raw: string, b: number) => {
    const cut = numberUnitSplit(raw);
    if (cut > 0) {
      emit(s, s + cut, raw.slice(0, cut), b, false);
      emit(s + cut, e, raw.slice(cut), BOUNDARY_NONE, false);
    } else emit(s, e, raw, b, false);
  };

  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    // Fast path: a single space between words (most gaps).
    const plain = start === prevEnd + 1 && text.charCodeAt(prevEnd) === 32;
    const gap = plain ? ' ' : prevEnd < 0 ? '' : text.slice(prevEnd, start);
    const boundary = prevEnd < 0 ? firstBoundary : plain ? BOUNDARY_NONE : gapBoundary(gap, raw, prevRaw);
    const prevRawBefore = prevRaw;
    prevEnd = end;
    prevRaw = raw;
    const wideGap = !plain && (gap.length !== 1 || !SPACED_SEP.test(gap));
    if (runCount > 0 && !wideGap && raw.length <= 2 && LONE_MARK.test(raw)) {
      runEnd = end;
      runRaw += raw;
      runTokens.push([start, end, raw, boundary]);
      continue;
    }
    const single = raw.length <= 2 && (SINGLE_LETTER.test(raw) || (runCount > 0 && LEET_DIGIT.test(raw)));
    if (single) {
      if (runCount > 0 && !wideGap) {
        runEnd = end;
        runRaw += raw;
        runCount++;
        runTokens.push([start, end, raw, boundary]);
        continue;
      }
      if (runCount > 0) flushRun(true);
      if (!SINGLE_LETTER.test(raw)) {
        // A lone digit does not start a spaced-out word.
        emitSplit(start, end, raw, boundary);
        continue;
      }
      runOpenWide = wideGap || SYMBOL.test(prevRawBefore);
      runStart = start;
      runEnd = end;
      runRaw = raw;
      runCount = 1;
      runBoundary = boundary;
      runTokens = [[start, end, raw, boundary]];
      continue;
    }
    if (runCount > 0) flushRun(wideGap || SYMBOL.test(raw));
    emitSplit(start, end, raw, boundary);
  }
  if (runCount > 0) flushRun(true);
}

/** Splits a rule term into its raw parts with the same tokeniser (glob characters kept). */
export function tokenizeTerm(term: string): string[] {
  TERM_TOKEN_RE.lastIndex = 0;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = TERM_TOKEN_RE.exec(term)) !== null) {
    const raw = m[0];
    const cut = raw.includes('*') || raw.includes('{') ? -1 : numberUnitSplit(raw);
    if (cut > 0) out.push(raw.slice(0, cut), raw.slice(cut));
    else out.push(raw);
  }
  return out;
}
