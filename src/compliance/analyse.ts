/**
 * Turns a SourceDocument into an Analysis: every token with its normalised form, its sentence,
 * clause, block, section, zone and part, and the positions where each rule term occurs.
 */
import type { Piece, SourceDocument } from './document';
import { normaliseToken } from './normalise';
import type { TermIndex } from './terms';
import { patternMatches, type TokenPattern } from './terms';
import { BOUNDARY_CLAUSE, BOUNDARY_PARAGRAPH, BOUNDARY_SENTENCE, tokenize } from './tokenize';

export interface Analysis {
  doc: SourceDocument;
  /** Normalised token strings. */
  norm: string[];
  /** Offsets of each token inside its piece's text. */
  start: Int32Array;
  end: Int32Array;
  piece: Int32Array;
  sentence: Int32Array;
  clause: Int32Array;
  block: Int32Array;
  /** 1 when the token follows a lone hyphen ("present-kort"), 2 when it is merged spaced-out letters. */
  flags: Int32Array;
  /** Term id → flat list of [firstToken, lastToken] pairs (inclusive), in text order. */
  hits: Map<number, number[]>;
}

const normCache = new Map<string, string>();

/** Normalised form of a raw token (cached; the cache is bounded for endless streams). */
function norm(raw: string): string {
  let n = normCache.get(raw);
  if (n === undefined) {
    n = normaliseToken(raw);
    if (normCache.size > 200_000) normCache.clear();
    normCache.set(raw, n);
  }
  return n;
}

/** Section of a token: the HTML sectioning element, or the block for plain text / top level. */
export function sectionOf(a: Analysis, t: number): number {
  const s = a.doc.pieces[a.piece[t]].section;
  return s >= 0 ? s : -1 - a.block[t];
}

export function pieceOf(a: Analysis, t: number): Piece {
  return a.doc.pieces[a.piece[t]];
}

const FIELDS = 7; // start, end, piece, sentence, clause, block, flags

/** Tokenises and normalises every piece, then finds all term occurrences. */
export function analyse(doc: SourceDocument, index: TermIndex): Analysis {
  let cap = 1024;
  for (const p of doc.pieces) cap += p.text.length >> 2;
  // One interleaved growable buffer keeps allocation low; split into columns at the end.
  let buf = new Int32Array(cap * FIELDS);
  const norms: string[] = [];
  let n = 0;
  let sentence = -1;
  let clause = -1;
  let block = -1;
  let p = 0;
  let text = '';
  let prevEnd = -1;
  let firstInPiece = true;
  const emit = (s: number, e: number, raw: string, boundary: number, merged: boolean) => {
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
    if ((n + 1) * FIELDS > buf.length) {
      const grown = new Int32Array(buf.length * 2);
      grown.set(buf);
      buf = grown;
    }
    const o = n * FIELDS;
    buf[o] = s;
    buf[o + 1] = e;
    buf[o + 2] = p;
    buf[o + 3] = sentence;
    buf[o + 4] = clause;
    buf[o + 5] = block;
    buf[o + 6] = flag;
    norms.push(norm(raw));
    n++;
  };
  for (p = 0; p < doc.pieces.length; p++) {
    text = doc.pieces[p].text;
    prevEnd = -1;
    block++;
    firstInPiece = true;
    tokenize(text, emit, BOUNDARY_PARAGRAPH);
  }
  const col = (k: number) => {
    const c = new Int32Array(n);
    for (let i = 0, o = k; i < n; i++, o += FIELDS) c[i] = buf[o];
    return c;
  };
  const a: Analysis = {
    doc,
    norm: norms,
    start: col(0),
    end: col(1),
    piece: col(2),
    sentence: col(3),
    clause: col(4),
    block: col(5),
    flags: col(6),
    hits: new Map(),
  };
  findHits(a, index);
  return a;
}

function addHit(a: Analysis, id: number, first: number, last: number): void {
  let list = a.hits.get(id);
  if (!list) a.hits.set(id, (list = []));
  // Avoid duplicate hits (same term reached by direct and joined lookup).
  const n = list.length;
  if (n >= 2 && list[n - 2] === first && list[n - 1] === last) return;
  list.push(first, last);
}

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

function findHits(a: Analysis, index: TermIndex): void {
  const n = a.norm.length;
  const terms = index.terms;
  const { norm: toks, piece, flags } = a;
  for (let i = 0; i < n; i++) {
    const st = index.starts(toks[i]);
    const single = st.single;
    for (let k = 0; k < single.length; k++) addHit(a, terms[single[k]].id, i, i);
    if (st.bySecond !== null && i + 1 < n) {
      const cands = st.bySecond.get(toks[i + 1]);
      if (cands !== undefined)
        for (const v of cands) {
          const positions = terms[v].positions;
          if (matchRest(a, positions, i, 1)) addHit(a, terms[v].id, i, i + positions.length - 1);
        }
    }
    for (const v of st.otherMulti) {
      const positions = terms[v].positions;
      if (matchRest(a, positions, i, 1)) addHit(a, terms[v].id, i, i + positions.length - 1);
    }
    const f = flags[i];
    // A merged run of spaced-out letters may hide several words: look for terms inside it.
    if (f & 2) for (const v of index.inside(toks[i])) addHit(a, terms[v].id, i, i);
    // "present-kort": try the two words written together as one word.
    if (f & 1 && i > 0 && piece[i - 1] === piece[i]) {
      const joined = toks[i - 1] + toks[i];
      for (const v of index.first(joined)) if (terms[v].positions.length === 1) addHit(a, terms[v].id, i - 1, i);
      for (const v of index.joinedTerms(joined)) addHit(a, terms[v].id, i - 1, i);
    }
  }
  // Hyphen-joined hits are appended after the single-word hits of the same position; keep order.
  for (const list of a.hits.values()) sortPairs(list);
}

function sortPairs(list: number[]): void {
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
