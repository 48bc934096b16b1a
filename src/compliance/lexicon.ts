/**
 * Interned lexemes: one record per distinct raw token, holding what the tokeniser and the analyser
 * need to know about it (normalised form, single letter / lone mark / leet digit / symbol, number +
 * unit split point, the term starts) computed once. Running text repeats a small vocabulary, so per
 * token the cost is one hash-table probe keyed by a range of the scanned text, without allocating a
 * substring. The table is bounded for endless streams of new tokens.
 */
import { foldLiteral, isLeetLead, normaliseToken } from './normalise';

export interface Lexeme {
  raw: string;
  /** normaliseToken(raw). */
  norm: string;
  /** raw.length <= 2. */
  short: boolean;
  /** One letter with optional combining marks. */
  singleLetter: boolean;
  /** One leetspeak character (0 1 3 4 5 7 @ $). */
  leetDigit: boolean;
  /** Short run of marks or invisible joiners (inside spaced-out letters). */
  loneMark: boolean;
  /** Starts with a character that is not a letter, digit or mark (%, /, :-, +, currency). */
  symbol: boolean;
  /** numberUnitSplit(raw): split index of "500kr" / "iphone15", or -1. */
  cut: number;
  /** The two halves when cut > 0 (filled on first use). */
  head?: Lexeme;
  tail?: Lexeme;
  /**
   * The analyser's cache (analyse.ts): the term index it last looked `norm` up in, and the term
   * starts it found there. Opaque here so the lexicon does not depend on the term index.
   */
  startsIndex?: object;
  starts?: unknown;
  /** `norm` is the exact second word of some multi-word term of `startsIndex`. */
  second: boolean;
  /** Language index of `norm` as a function word (language.ts), -1 none, -2 not looked up yet. */
  stopLang: number;
}

const SINGLE_LETTER = /^\p{L}\p{M}*$/u;
/** Marks or invisible joiners standing alone between spaced-out letters ("ع ُ", Persian ZWNJ). */
const LONE_MARK = /^[\p{M}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u034F]+$/u;
export const LEET_DIGIT = /^[013457@$]$/;
const NUM_UNIT = /^(\p{Nd}+)([\p{L}\p{M}\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+)$/u;
const UNIT_NUM = /^([\p{L}\p{M}\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+)(\p{Nd}+)$/u;
const HAS_DIGIT = /\d/;
const SYMBOL = /^[^\p{L}\p{N}\p{M}]/u;

/** Splits "500kr" / "iphone15" style tokens; keeps leetspeak ("gåv4") whole. Returns split index or -1. */
export function numberUnitSplit(raw: string): number {
  // Both shapes start or end with a digit; most words do neither.
  const c0 = raw.charCodeAt(0);
  const c1 = raw.charCodeAt(raw.length - 1);
  if (!((c0 >= 48 && c0 <= 57) || (c1 >= 48 && c1 <= 57) || c0 > 127 || c1 > 127)) return -1;
  if (!HAS_DIGIT.test(raw)) return -1;
  let m = NUM_UNIT.exec(raw);
  // "0ss", "3rsättning": a leet word, not a number and its unit.
  if (m) return m[1].length === 1 && isLeetLead(foldLiteral(raw)) ? -1 : m[1].length;
  m = UNIT_NUM.exec(raw);
  if (m && !(m[2].length === 1 && LEET_DIGIT.test(m[2]) && m[1].length >= 2)) return m[1].length;
  return -1;
}

function makeLexeme(raw: string): Lexeme {
  const short = raw.length <= 2;
  return {
    raw,
    norm: normaliseToken(raw),
    short,
    singleLetter: short && SINGLE_LETTER.test(raw),
    leetDigit: short && LEET_DIGIT.test(raw),
    loneMark: short && LONE_MARK.test(raw),
    symbol: SYMBOL.test(raw),
    cut: numberUnitSplit(raw),
    head: undefined,
    tail: undefined,
    startsIndex: undefined,
    starts: undefined,
    second: false,
    stopLang: -2,
  };
}

/** Adds one UTF-16 code unit to a running token hash (start from 0). */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

const INITIAL_BITS = 12;
const MAX_ENTRIES = 200_000;
let mask = (1 << INITIAL_BITS) - 1;
let hashes = new Int32Array(mask + 1);
let entries: (Lexeme | undefined)[] = new Array(mask + 1).fill(undefined);
let size = 0;

function resize(bits: number): void {
  const old = entries;
  const oldHashes = hashes;
  mask = (1 << bits) - 1;
  hashes = new Int32Array(mask + 1);
  entries = new Array(mask + 1).fill(undefined);
  for (let i = 0; i < old.length; i++) {
    const lex = old[i];
    if (lex === undefined) continue;
    let j = oldHashes[i] & mask;
    while (entries[j] !== undefined) j = (j + 1) & mask;
    entries[j] = lex;
    hashes[j] = oldHashes[i];
  }
}

/**
 * The lexeme for text[start, end), whose code units hashed with hashStep give `h`.
 */
export function lexemeAt(text: string, start: number, end: number, h: number): Lexeme {
  h = finish(h);
  const len = end - start;
  let i = h & mask;
  for (;;) {
    const lex = entries[i];
    if (lex === undefined) break;
    if (hashes[i] === h && lex.raw.length === len) {
      const raw = lex.raw;
      let k = 0;
      while (k < len && raw.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return lex;
    }
    i = (i + 1) & mask;
  }
  let raw = text.slice(start, end);
  // A long slice may be a view into the whole scanned text; copy it so the table does not keep
  // old documents alive.
  if (raw.length >= 13) raw = raw.split('').join('');
  const lex = makeLexeme(raw);
  if (size >= MAX_ENTRIES) {
    // Keep memory bounded on endless streams of new tokens: start over.
    mask = (1 << INITIAL_BITS) - 1;
    hashes = new Int32Array(mask + 1);
    entries = new Array(mask + 1).fill(undefined);
    size = 0;
    i = h & mask;
  } else if (2 * (size + 1) > mask + 1) {
    resize(32 - Math.clz32(mask) + 1);
    i = h & mask;
    while (entries[i] !== undefined) i = (i + 1) & mask;
  }
  entries[i] = lex;
  hashes[i] = h;
  size++;
  return lex;
}

/** The lexeme for a whole string. */
export function lexeme(raw: string): Lexeme {
  let h = 0;
  for (let i = 0; i < raw.length; i++) h = hashStep(h, raw.charCodeAt(i));
  return lexemeAt(raw, 0, raw.length, h);
}
