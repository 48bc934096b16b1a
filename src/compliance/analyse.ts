/**
 * Turns a SourceDocument into an Analysis: every token with its normalised form, its sentence,
 * clause, block, section, zone and part, and the positions where each rule term occurs.
 */
import type { Piece, SourceDocument } from './document';
import type { Analysis } from './analysis';
import type { Lexeme } from './lexicon';
import type { TermIndex } from './terms';
import { patternMatches, type Starts, type TokenPattern } from './terms';
import { detectSentenceLanguages, stopLangOf, termAppliesIn } from './language';
import { BOUNDARY_CLAUSE, BOUNDARY_PARAGRAPH, BOUNDARY_SENTENCE, tokenizeLexemes } from './tokenize';

/** True when the lexeme is the exact second word of some multi-word term. */
function secondWord(lex: Lexeme, index: TermIndex): boolean {
  if (lex.startsIndex !== index) startsOf(lex, index);
  return lex.second;
}

/** Term starts of a lexeme's normalised form (cached on the lexeme per index). */
function startsOf(lex: Lexeme, index: TermIndex): Starts {
  if (lex.startsIndex !== index) {
    lex.starts = index.starts(lex.norm);
    lex.second = index.isSecondWord(lex.norm);
    lex.startsIndex = index;
  }
  return lex.starts as Starts;
}

/** Section of a token: the HTML sectioning element, or the block for plain text / top level. */
export function sectionOf(a: Analysis, t: number): number {
  const s = a.doc.pieces[a.piece[t]].section;
  return s >= 0 ? s : -1 - a.block[t];
}

export function pieceOf(a: Analysis, t: number): Piece {
  return a.doc.pieces[a.piece[t]];
}

/**
 * The token columns an analysis is written into, with room for `cap` tokens. An Analysis holds
 * views into them, so a set may be reused only once the analysis that used it is dropped:
 * runDocument lends one set from run to run (see engine.ts). Fresh memory is costly to first touch
 * (page faults; a 1 MB text needs about 8 MB of columns), and reused columns skip that.
 */
export class ColumnBuffers {
  cap = 0;
  start = new Int32Array(0);
  end = new Int32Array(0);
  piece = new Int32Array(0);
  sentence = new Int32Array(0);
  clause = new Int32Array(0);
  block = new Int32Array(0);
  flags = new Int32Array(0);
  stop = new Int8Array(0);
  /** Each token's lexeme (read by findHits only; cleared after each analysis). */
  lexes: Lexeme[] = [];
  /** The normalised tokens (Analysis.norm, set to the analysis' length). */
  norm: string[] = [];
  /** All term hits of the analysis (Analysis.hits are views into it). */
  hitStore = new Int32Array(0);

  /** Room for `size` hit numbers (the old contents are not kept). */
  hitArray(size: number): Int32Array {
    if (this.hitStore.length < size) this.hitStore = new Int32Array(Math.max(size, 2 * this.hitStore.length));
    return this.hitStore;
  }

  /** Drops the references to the last analysis' strings, keeping the memory (not a hostile document's hits). */
  release(): void {
    this.norm.fill(undefined as unknown as string);
    if (this.hitStore.length > 1 << 20) this.hitStore = new Int32Array(0);
  }

  /** Makes room for at least `cap` tokens, keeping the first `keep`. */
  reserve(cap: number, keep: number): void {
    if (cap <= this.cap) return;
    const g = (c: Int32Array) => {
      const out = new Int32Array(cap);
      out.set(c.subarray(0, keep));
      return out;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.piece = g(this.piece);
    this.sentence = g(this.sentence);
    this.clause = g(this.clause);
    this.block = g(this.block);
    this.flags = g(this.flags);
    const stop = new Int8Array(cap);
    stop.set(this.stop.subarray(0, keep));
    this.stop = stop;
    const l = new Array<Lexeme>(cap);
    for (let i = 0; i < keep; i++) l[i] = this.lexes[i];
    this.lexes = l;
    this.cap = cap;
  }
}

/**
 * Tokenises and normalises every piece, then finds all term occurrences. The columns are written
 * into `buffers` (fresh ones by default; see ColumnBuffers for reuse).
 */
export function analyse(doc: SourceDocument, index: TermIndex, buffers: ColumnBuffers = new ColumnBuffers()): Analysis {
  let cap = 1024;
  for (const p of doc.pieces) cap += Math.floor(p.text.length / 5);
  // Columns sized from the text length (about one token per five characters; grown when short).
  const B = buffers;
  B.reserve(cap, 0);
  cap = B.cap;
  let cStart = B.start;
  let cEnd = B.end;
  let cPiece = B.piece;
  let cSentence = B.sentence;
  let cClause = B.clause;
  let cBlock = B.block;
  let cFlags = B.flags;
  let lexes = B.lexes;
  const grow = () => {
    B.reserve(cap * 2, n);
    cap = B.cap;
    cStart = B.start;
    cEnd = B.end;
    cPiece = B.piece;
    cSentence = B.sentence;
    cClause = B.clause;
    cBlock = B.block;
    cFlags = B.flags;
    lexes = B.lexes;
  };
  let n = 0;
  let sentence = -1;
  let clause = -1;
  let block = -1;
  let p = 0;
  let text = '';
  let prevEnd = -1;
  let firstInPiece = true;
  const emit = (s: number, e: number, lex: Lexeme, boundary: number, merged: boolean) => {
    if (firstInPiece) {
      firstInPiece = false;
      sentence++;
      clause++;
    } else if (boundary >= BOUNDARY_CLAUSE) {
      clause++;
      if (boundary >= BOUNDARY_SENTENCE) sentence++;
      if (boundary === BOUNDARY_PARAGRAPH) block++;
    }
    let flag = merged ? 2 : 0;
    if (prevEnd >= 0 && s - prevEnd === 1 && text.charCodeAt(prevEnd) === 45 /* - */) flag |= 1;
    prevEnd = e;
    if (n === cap) grow();
    cStart[n] = s;
    cEnd[n] = e;
    cPiece[n] = p;
    cSentence[n] = sentence;
    cClause[n] = clause;
    cBlock[n] = block;
    cFlags[n] = flag;
    lexes[n++] = lex;
  };
  for (p = 0; p < doc.pieces.length; p++) {
    text = doc.pieces[p].text;
    prevEnd = -1;
    block++;
    firstInPiece = true;
    tokenizeLexemes(text, emit, BOUNDARY_PARAGRAPH);
  }
  const norms = B.norm;
  norms.length = n;
  fromLexemes(lexes, n, norms, B.stop);
  const a: Analysis = {
    doc,
    norm: norms,
    start: cStart.subarray(0, n),
    end: cEnd.subarray(0, n),
    piece: cPiece.subarray(0, n),
    sentence: cSentence.subarray(0, n),
    clause: cClause.subarray(0, n),
    block: cBlock.subarray(0, n),
    flags: cFlags.subarray(0, n),
    hits: new Array<Int32Array | undefined>(index.termCount).fill(undefined),
    sentenceLang: [],
  };
  findHits(a, index, lexes, B);
  a.stop = B.stop.subarray(0, n);
  // Do not keep the lexemes alive through reused buffers.
  lexes.fill(undefined as unknown as Lexeme, 0, n);
  a.sentenceLang = detectSentenceLanguages(a);
  filterByLanguage(a, index);
  return a;
}

/**
 * Each token's normalised form and function-word language, from its lexeme. A function of its own:
 * a loop over every token inside analyse() (called once per check) had V8 compile analyse in the
 * middle of the loop and throw that code away right after it, on every call.
 */
function fromLexemes(lexes: readonly Lexeme[], n: number, norms: string[], stop: Int8Array): void {
  for (let i = 0; i < n; i++) {
    const lex = lexes[i];
    norms[i] = lex.norm;
    stop[i] = stopLangOf(lex);
  }
}

/** Drops hits of one language's vocabulary in sentences of a language that does not use it. */
function filterByLanguage(a: Analysis, index: TermIndex): void {
  const { hits, sentence, sentenceLang } = a;
  for (let id = 0; id < hits.length; id++) {
    const list = hits[id];
    if (list === undefined) continue;
    const langs = index.languagesOf(id);
    if (langs === undefined) continue;
    let w = 0;
    for (let k = 0; k < list.length; k += 2) {
      if (!termAppliesIn(langs, sentenceLang[sentence[list[k]]])) continue;
      list[w++] = list[k];
      list[w++] = list[k + 1];
    }
    if (w < list.length) hits[id] = w === 0 ? undefined : list.subarray(0, w);
  }
}

/**
 * Term hits as they are found: (id, first, last) triples in one growing Int32Array, then one
 * exact-size list per term. Pushing into a list per term reallocated each list as it grew, the
 * largest allocation of a check (5.6 of 20 MB for the 1 MB bench text). One collector is reused
 * (analyse is synchronous and does not nest).
 */
class HitCollector {
  buf = new Int32Array(3 * 4096);
  len = 0;
  count = new Int32Array(0);
  lastFirst = new Int32Array(0);
  lastLast = new Int32Array(0);

  reset(termCount: number): void {
    if (this.count.length < termCount) {
      this.count = new Int32Array(termCount);
      this.lastFirst = new Int32Array(termCount);
      this.lastLast = new Int32Array(termCount);
    } else this.count.fill(0);
    this.len = 0;
  }

  add(id: number, first: number, last: number): void {
    // Avoid duplicate hits (same term reached by direct and joined lookup).
    if (this.count[id] > 0 && this.lastFirst[id] === first && this.lastLast[id] === last) return;
    this.count[id]++;
    this.lastFirst[id] = first;
    this.lastLast[id] = last;
    if (this.len + 3 > this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    const buf = this.buf;
    buf[this.len] = id;
    buf[this.len + 1] = first;
    buf[this.len + 2] = last;
    this.len += 3;
  }

  /** Fills `hits` with each term's pairs in the order found, as views into one store. */
  build(hits: (Int32Array | undefined)[], buffers: ColumnBuffers): void {
    const { buf, len, count } = this;
    const store = buffers.hitArray(2 * (len / 3));
    // lastFirst becomes the write position of each term's list.
    const at = this.lastFirst;
    let off = 0;
    for (let id = 0; id < hits.length; id++) {
      if (count[id] === 0) continue;
      at[id] = off;
      hits[id] = store.subarray(off, off + 2 * count[id]);
      off += 2 * count[id];
    }
    for (let k = 0; k < len; k += 3) {
      const id = buf[k];
      store[at[id]++] = buf[k + 1];
      store[at[id]++] = buf[k + 2];
    }
    // Do not hold on to the hits of a hostile document.
    if (this.buf.length > 3 * (1 << 18)) this.buf = new Int32Array(3 * 4096);
  }
}
const collector = new HitCollector();

function matchRest(a: Analysis, positions: TokenPattern[][], i: number, from: number): boolean {
  const { norm: toks, sentence, piece } = a;
  if (i + positions.length > toks.length) return false;
  for (let w = from; w < positions.length; w++) {
    const t = i + w;
    if (sentence[t] !== sentence[i] || piece[t] !== piece[i]) return false;
    const alts = positions[w];
    const tok = toks[t];
    let ok = false;
    for (let k = 0; k < alts.length && !ok; k++) ok = patternMatches(alts[k], tok);
    if (!ok) return false;
  }
  return true;
}

function findHits(a: Analysis, index: TermIndex, lexes: Lexeme[], buffers: ColumnBuffers): void {
  const hits = collector;
  hits.reset(index.termCount);
  const n = a.norm.length;
  const terms = index.terms;
  const { norm: toks, piece, flags, sentence } = a;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    const st = startsOf(lexes[i], index);
    // Most tokens start no term and are not joined: skip them quickly.
    if (st.bySecond === null && st.single.length === 0 && st.otherMulti.length === 0 && f === 0) continue;
    const singleIds = st.singleIds;
    for (let k = 0; k < singleIds.length; k++) hits.add(singleIds[k], i, i);
    // Multi-word terms keyed by their second word: that word matches already.
    if (st.bySecond !== null && i + 1 < n && sentence[i + 1] === sentence[i] && piece[i + 1] === piece[i] && secondWord(lexes[i + 1], index)) {
      const cands = st.bySecond.get(toks[i + 1]);
      if (cands !== undefined)
        for (let k = 0; k < cands.length; k++) {
          const v = cands[k];
          const positions = terms[v].positions;
          if (positions.length === 2 || matchRest(a, positions, i, 2)) hits.add(terms[v].id, i, i + positions.length - 1);
        }
    }
    const otherMulti = st.otherMulti;
    for (let k = 0; k < otherMulti.length; k++) {
      const v = otherMulti[k];
      const positions = terms[v].positions;
      if (matchRest(a, positions, i, 1)) hits.add(terms[v].id, i, i + positions.length - 1);
    }
    // A merged run of spaced-out letters may hide several words: look for terms inside it.
    if (f & 2) for (const v of index.inside(toks[i])) hits.add(terms[v].id, i, i);
    // "present-kort": try the two words written together as one word.
    if (f & 1 && i > 0 && piece[i - 1] === piece[i]) {
      const joined = toks[i - 1] + toks[i];
      for (const v of index.first(joined)) {
        const positions = terms[v].positions;
        // The joined word may also start a longer term ("Arbets-förmedlingens logotyp").
        if (positions.length === 1) hits.add(terms[v].id, i - 1, i);
        else if (matchRest(a, positions, i, 1)) hits.add(terms[v].id, i - 1, i + positions.length - 1);
      }
      for (const v of index.joinedTerms(joined)) hits.add(terms[v].id, i - 1, i);
    }
  }
  hits.build(a.hits, buffers);
  // Hyphen-joined hits are appended after the single-word hits of the same position; keep order.
  for (const list of a.hits) if (list !== undefined) sortPairs(list);
}

function sortPairs(list: Int32Array): void {
  let sorted = true;
  for (let i = 2; i < list.length; i += 2) if (list[i] < list[i - 2]) sorted = false;
  if (sorted) return;
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 0; i < pairs.length; i++) {
    list[2 * i] = pairs[i][0];
    list[2 * i + 1] = pairs[i][1];
  }
}
