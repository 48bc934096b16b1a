/**
 * Token and sentence segmentation. Words are runs of letters, digits and marks (zero-width characters
 * and soft hyphens stay inside the word so normalisation can drop them); a few symbols (%, /, +, :-,
 * #, currency, runs of star glyphs) are tokens of their own. Between two tokens the gap decides the
 * boundary: clause (comma, dash, colon …), sentence (. ! ? … bullets, line breaks before a capital) or
 * paragraph (blank line). Spaced-out letters ("p r e s e n t") are merged into one token, and number
 * + unit tokens ("500kr", "5stjärnor") are split.
 */

import { hashStep, type Lexeme, lexeme, lexemeAt, numberUnitSplit } from './lexicon';

export const BOUNDARY_NONE = 0;
export const BOUNDARY_CLAUSE = 1;
export const BOUNDARY_SENTENCE = 2;
export const BOUNDARY_PARAGRAPH = 3;

/** Receives tokens in order: offsets into the scanned text, the raw token, the boundary before it. */
export type TokenEmitter = (start: number, end: number, raw: string, boundary: number, merged: boolean) => void;
/** Like TokenEmitter, with the token's interned lexeme instead of the raw string. */
export type LexemeEmitter = (start: number, end: number, lex: Lexeme, boundary: number, merged: boolean) => void;

const WORD_CLASS = '\\p{L}\\p{N}\\p{M}\\u00AD\\u034F\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF@$';
const STARS = '★☆⭐✩✪✫✬✭✮✯✰🌟';
/** Term syntax additionally allows glob characters inside words. */
const TERM_TOKEN_RE = new RegExp(`\\\\#|\\*?[${STARS}]+\\*?|~?[${WORD_CLASS}*{},]+|[${STARS}]+|:-|[%#/+€£]`, 'gu');

// Character classes of the scanner; together they are the token syntax
// [WORD]+ | [STARS]+ | :- | [%#/+€£], read by code point.
const C_UNKNOWN = 0;
const C_WORD = 1;
const C_STAR = 2;
const C_SYMBOL = 3;
const C_COLON = 4;
const C_OTHER = 5;
const WORD_CP = new RegExp(`^[${WORD_CLASS}]$`, 'u');
const STAR_CP = new RegExp(`^[${STARS}]$`, 'u');
const SYMBOL_CP = /^[%#/+€£]$/;

function classify(ch: string): number {
  if (WORD_CP.test(ch)) return C_WORD;
  if (STAR_CP.test(ch)) return C_STAR;
  if (SYMBOL_CP.test(ch)) return C_SYMBOL;
  if (ch === ':') return C_COLON;
  return C_OTHER;
}
/** Class per BMP code unit (filled on first use); lone surrogates are C_OTHER. */
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP_CLASS[c] = classify(String.fromCharCode(c));
for (let c = 0xd800; c <= 0xdfff; c++) BMP_CLASS[c] = C_OTHER;
const ASTRAL_CLASS = new Map<number, number>();

function astralClass(cp: number): number {
  let k = ASTRAL_CLASS.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    if (ASTRAL_CLASS.size > 10_000) ASTRAL_CLASS.clear();
    ASTRAL_CLASS.set(cp, k);
  }
  return k;
}

const SPACED_SEP = /^[ \u00A0\u2009\u202F.\-_·*]$/;

const ABBREVIATIONS = new Set(['ex', 'bl', 'ca', 'resp', 'dvs', 'inkl', 'exkl', 'nr', 'st', 'kl', 'jfr', 'etc', 'osv', 'mfl', 'ung', 'eg', 'ie', 'no', 'vs', 'org', 'tel', 'fr', 'tom']);
const SENTENCE_PUNCT = /[.!?…؟።\u061F•▪►✓✔|]/;
const HARD_PUNCT = /[!?؟•▪►✓✔|]/;
const CLAUSE_PUNCT = /[,;:–—()[\]"«»“”،؛]| - /;

function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Classifies the gap between two tokens; `next` is the raw token after it. */
export function gapBoundary(gap: string, next: string, prev = ''): number {
  if (gap === ' ' || gap === '') return BOUNDARY_NONE;
  // The commonest gap after a single space.
  if (gap === ', ') return BOUNDARY_CLAUSE;
  // Decimal and thousands separators ("4.5", "1,5", "1.000").
  if ((gap === '.' || gap === ',') && /[0-9]$/.test(prev) && /^[0-9]/.test(next)) return BOUNDARY_NONE;
  const nl = gap.indexOf('\n');
  if (nl >= 0 && gap.indexOf('\n', nl + 1) >= 0 && /\n[ \t\u00A0\r]*\n/.test(gap)) return BOUNDARY_PARAGRAPH;
  // "t.ex. 3 dagar", "ca. 50", "nr. 1": a period after a common abbreviation does not end a sentence.
  if (nl < 0 && /^\.\s?$/.test(gap) && ABBREVIATIONS.has(prev.toLowerCase())) return BOUNDARY_NONE;
  if (HARD_PUNCT.test(gap)) return BOUNDARY_SENTENCE;
  if (SENTENCE_PUNCT.test(gap) || nl >= 0) {
    // "t.ex. presentkort", PDF line breaks mid-sentence: a lower-case continuation is not a new sentence.
    if (!isLower(next[0] ?? '')) return BOUNDARY_SENTENCE;
  }
  if (CLAUSE_PUNCT.test(gap) || SENTENCE_PUNCT.test(gap)) return BOUNDARY_CLAUSE;
  return BOUNDARY_NONE;
}

/**
 * Tokenises `text`, calling `emit` for each token in order. The first token gets `firstBoundary`.
 */
export function tokenize(text: string, emit: TokenEmitter, firstBoundary = BOUNDARY_SENTENCE): void {
  tokenizeLexemes(text, (s, e, lex, b, merged) => emit(s, e, lex.raw, b, merged), firstBoundary);
}

/** Emits a lexeme, split in two when it is a number written together with its unit ("100kr"). */
function emitSplit(emit: LexemeEmitter, s: number, e: number, lex: Lexeme, b: number): void {
  const cut = lex.cut;
  if (cut > 0) {
    const head = (lex.head ??= lexeme(lex.raw.slice(0, cut)));
    const tail = (lex.tail ??= lexeme(lex.raw.slice(cut)));
    emit(s, s + cut, head, b, false);
    emit(s + cut, e, tail, BOUNDARY_NONE, false);
  } else emit(s, e, lex, b, false);
}

/** text.slice(s, e) of a gap, without allocating the commonest ones after a space (", " and ". "). */
function gapText(text: string, s: number, e: number): string {
  if (e - s === 2 && text.charCodeAt(s + 1) === 32) {
    const c = text.charCodeAt(s);
    if (c === 44) return ', ';
    if (c === 46) return '. ';
  }
  return text.slice(s, e);
}

/** Letters merged into one spaced-out token at most ("p r e s e n t k o r t t i l l a l l a" has 18). */
const MAX_SPACED_RUN = 200;

/**
 * A pending run of single letters separated by one separator character (a spaced-out word). A
 * class rather than closures inside the scanner: the scanner runs once per text piece, and
 * per-call closures cost an allocation and (under esbuild's keepNames, as tsx and wrangler build
 * it) a defineProperty each.
 */
class SpacedRun {
  start = -1;
  end = -1;
  raw = '';
  count = 0;
  boundary = 0;
  /** Gap before the run was wider than one separator (or the text start). */
  openWide = true;
  /** The run's tokens as (start, end, boundary) triples, and their lexemes. */
  readonly pos: number[] = [];
  readonly lex: Lexeme[] = [];

  begin(start: number, end: number, lex: Lexeme, boundary: number, openWide: boolean): void {
    this.openWide = openWide;
    this.start = start;
    this.end = end;
    this.raw = lex.raw;
    this.count = 1;
    this.boundary = boundary;
    this.pos.push(start, end, boundary);
    this.lex.push(lex);
  }

  /** Adds a token; `letter` is false for a lone combining mark (it joins without counting). */
  add(start: number, end: number, lex: Lexeme, boundary: number, letter: boolean): void {
    this.end = end;
    this.raw += lex.raw;
    if (letter) this.count++;
    this.pos.push(start, end, boundary);
    this.lex.push(lex);
  }

  flush(emit: LexemeEmitter, closeWide: boolean): void {
    // Three or more letters always merge; two merge when the pair stands apart from its
    // neighbours by wider gaps (" d u " inside "V ä l j e r   d u   o s s").
    if (this.count >= 3 || (this.count === 2 && this.openWide && closeWide)) {
      emit(this.start, this.end, lexeme(this.raw), this.boundary, true);
    } else {
      const pos = this.pos;
      for (let k = 0; k < this.lex.length; k++) emitSplit(emit, pos[3 * k], pos[3 * k + 1], this.lex[k], pos[3 * k + 2]);
    }
    this.count = 0;
    this.raw = '';
    this.pos.length = 0;
    this.lex.length = 0;
  }
}

/**
 * tokenize() emitting lexemes (what the analyser uses). A hand-written scanner over char codes (a per-code-point class table instead of a Unicode
 * property regex) that looks each token up in the lexicon without cutting a substring.
 */
export function tokenizeLexemes(text: string, emit: LexemeEmitter, firstBoundary = BOUNDARY_SENTENCE): void {
  let prevEnd = -1;
  let prevLex: Lexeme | null = null;
  const run = new SpacedRun();

  const len = text.length;
  let i = 0;
  while (i < len) {
    // --- scan the next token: [start, end) and its hash ---
    let c = text.charCodeAt(i);
    let w = 1;
    let cls = BMP_CLASS[c];
    if (cls === C_UNKNOWN) cls = BMP_CLASS[c] = classify(String.fromCharCode(c));
    if (cls === C_OTHER && c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cls = astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        w = 2;
      }
    }
    const start = i;
    let h = 0;
    if (cls === C_WORD || cls === C_STAR) {
      const run = cls;
      for (;;) {
        h = hashStep(h, c);
        if (w === 2) h = hashStep(h, text.charCodeAt(i + 1));
        i += w;
        if (i >= len) break;
        c = text.charCodeAt(i);
        w = 1;
        let k = BMP_CLASS[c];
        if (k === C_UNKNOWN) k = BMP_CLASS[c] = classify(String.fromCharCode(c));
        if (k === C_OTHER && c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            k = astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
            w = 2;
          }
        }
        if (k !== run) break;
      }
    } else if (cls === C_SYMBOL) {
      h = hashStep(h, c);
      i++;
    } else if (cls === C_COLON && i + 1 < len && text.charCodeAt(i + 1) === 45 /* - */) {
      h = hashStep(hashStep(h, c), 45);
      i += 2;
    } else {
      i += w;
      continue;
    }
    const end = i;
    const lex = lexemeAt(text, start, end, h);

    // --- boundaries, spaced-out runs, number + unit splits ---
    // Fast path: a single space between words (most gaps).
    const plain = start === prevEnd + 1 && text.charCodeAt(prevEnd) === 32;
    const gap = plain ? ' ' : prevEnd < 0 ? '' : gapText(text, prevEnd, start);
    const boundary = prevEnd < 0 ? firstBoundary : plain ? BOUNDARY_NONE : gapBoundary(gap, lex.raw, prevLex === null ? '' : prevLex.raw);
    const prevSymbol = prevLex !== null && prevLex.symbol;
    prevEnd = end;
    prevLex = lex;
    const wideGap = !plain && (gap.length !== 1 || !SPACED_SEP.test(gap));
    if (run.count > 0 && !wideGap && lex.loneMark) {
      run.add(start, end, lex, boundary, false);
      continue;
    }
    const single = lex.short && (lex.singleLetter || (run.count > 0 && lex.leetDigit));
    if (single) {
      if (run.count > 0 && !wideGap) {
        if (run.count < MAX_SPACED_RUN) run.add(start, end, lex, boundary, true);
        else {
          // A run this long is no word but hostile input: cut it, so merged tokens (and the term
          // search inside them) stay bounded and the time linear.
          run.flush(emit, false);
          run.begin(start, end, lex, boundary, false);
        }
        continue;
      }
      if (run.count > 0) run.flush(emit, true);
      if (!lex.singleLetter) {
        // A lone digit does not start a spaced-out word.
        emitSplit(emit, start, end, lex, boundary);
        continue;
      }
      run.begin(start, end, lex, boundary, wideGap || prevSymbol);
      continue;
    }
    if (run.count > 0) run.flush(emit, wideGap || lex.symbol);
    emitSplit(emit, start, end, lex, boundary);
  }
  if (run.count > 0) run.flush(emit, true);
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
