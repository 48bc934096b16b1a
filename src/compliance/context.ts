/**
 * Per-document evaluation context: lazily merged hit lists per term set and the token extents of
 * sentences, clauses, blocks and sections, shared by the clause matcher and the fact checks.
 */
import type { Analysis } from './analysis';
import { sectionOf } from './analyse';
import type { TermSet } from './ruleset';
import type { Part } from './types';

export class EvalContext {
  private setCache: (Int32Array | undefined)[] = [];
  private blockExt?: Map<number, [number, number]>;
  private sectionExt?: Map<number, [number, number]>;
  private zoneExt?: Map<number, [number, number]>;
  constructor(readonly a: Analysis) {}

  get size(): number {
    return this.a.norm.length;
  }
  zone(t: number): number {
    return this.a.doc.pieces[this.a.piece[t]].zone;
  }
  part(t: number): Part {
    return this.a.doc.pieces[this.a.piece[t]].part;
  }

  /** Flat [first, last] pairs of every hit of any term of the set, sorted by position (do not write). */
  hits(set: TermSet): Int32Array {
    const cached = this.setCache[set.id];
    if (cached) return cached;
    // Each term's list is sorted by (first, last): merge the non-empty ones.
    const lists: Int32Array[] = [];
    const hits = this.a.hits;
    for (const id of set.terms) {
      const h = hits[id];
      if (h !== undefined && h.length > 0) lists.push(h);
    }
    const out = lists.length === 0 ? EMPTY : lists.length === 1 ? lists[0] : lists.length === 2 ? mergePairs(lists[0], lists[1]) : mergeAll(lists);
    this.setCache[set.id] = out;
    return out;
  }

  /** Token range [first, last] of the unit (sentence, clause, block, section, zone, document) around t. */
  extent(unit: 'sentence' | 'clause' | 'block' | 'section' | 'zone' | 'document', t: number): [number, number] {
    const a = this.a;
    const n = a.norm.length;
    if (unit === 'document') return [0, n - 1];
    if (unit === 'sentence' || unit === 'clause') {
      const ids = unit === 'sentence' ? a.sentence : a.clause;
      const id = ids[t];
      let s = t;
      let e = t;
      while (s > 0 && ids[s - 1] === id) s--;
      while (e < n - 1 && ids[e + 1] === id) e++;
      return [s, e];
    }
    if (unit === 'block') {
      if (!this.blockExt) this.blockExt = blockExtents(a.block);
      return this.blockExt.get(a.block[t])!;
    }
    if (unit === 'zone') {
      if (!this.zoneExt) this.zoneExt = extents(n, (i) => this.zone(i));
      return this.zoneExt.get(this.zone(t))!;
    }
    if (!this.sectionExt) this.sectionExt = extents(n, (i) => sectionOf(a, i));
    return this.sectionExt.get(sectionOf(a, t))!;
  }

  /** Index (in pairs) of the first hit whose first token is >= lo. */
  lowerBound(hits: Int32Array, lo: number): number {
    let a = 0;
    let b = hits.length / 2;
    while (a < b) {
      const m = (a + b) >> 1;
      if (hits[2 * m] < lo) a = m + 1;
      else b = m;
    }
    return a;
  }
}

/** Token extents per unit id; units are contiguous runs of tokens. */
function extents(n: number, key: (i: number) => number): Map<number, [number, number]> {
  const m = new Map<number, [number, number]>();
  let cur: [number, number] | undefined;
  let curKey = NaN;
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k === curKey && cur) {
      cur[1] = i;
      continue;
    }
    curKey = k;
    cur = m.get(k);
    if (cur) cur[1] = i;
    else m.set(k, (cur = [i, i]));
  }
  return m;
}

const EMPTY = new Int32Array(0);

/** Merges two flat [first, last] pair lists sorted by (first, last) into a new sorted list. */
function mergePairs(x: Int32Array, y: Int32Array): Int32Array {
  const out = new Int32Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length) {
    if (x[i] < y[j] || (x[i] === y[j] && x[i + 1] <= y[j + 1])) {
      out[k++] = x[i++];
      out[k++] = x[i++];
    } else {
      out[k++] = y[j++];
      out[k++] = y[j++];
    }
  }
  while (i < x.length) out[k++] = x[i++];
  while (j < y.length) out[k++] = y[j++];
  return out;
}

/**
 * Merges k flat [first, last] pair lists sorted by (first, last) into one new sorted list, through
 * a binary heap of the lists' next pairs: one output array, where merging pairwise in rounds
 * allocated the whole result once per round (log2 k times).
 */
function mergeAll(lists: Int32Array[]): Int32Array {
  const k = lists.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += lists[i].length;
  const out = new Int32Array(total);
  // heap[] holds list indexes; key of list i: (lists[i][pos[i]], lists[i][pos[i] + 1]).
  const pos = new Int32Array(k);
  const heap = new Int32Array(k);
  const less = (i: number, j: number): boolean => {
    const x = lists[i];
    const y = lists[j];
    const p = pos[i];
    const q = pos[j];
    return x[p] < y[q] || (x[p] === y[q] && x[p + 1] < y[q + 1]);
  };
  const down = (at: number, size: number): void => {
    const item = heap[at];
    for (;;) {
      let c = 2 * at + 1;
      if (c >= size) break;
      if (c + 1 < size && less(heap[c + 1], heap[c])) c++;
      if (!less(heap[c], item)) break;
      heap[at] = heap[c];
      at = c;
    }
    heap[at] = item;
  };
  for (let i = 0; i < k; i++) heap[i] = i;
  let size = k;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i, size);
  let o = 0;
  while (size > 0) {
    const i = heap[0];
    const list = lists[i];
    const p = pos[i];
    out[o++] = list[p];
    out[o++] = list[p + 1];
    pos[i] = p + 2;
    if (p + 2 >= list.length) heap[0] = heap[--size];
    if (size > 0) down(0, size);
  }
  return out;
}

/** extents() for block ids, read straight from the column (the commonest unit). */
function blockExtents(block: Int32Array): Map<number, [number, number]> {
  const m = new Map<number, [number, number]>();
  const n = block.length;
  let i = 0;
  while (i < n) {
    const k = block[i];
    let j = i;
    while (j + 1 < n && block[j + 1] === k) j++;
    const cur = m.get(k);
    if (cur) cur[1] = j;
    else m.set(k, [i, j]);
    i = j + 1;
  }
  return m;
}
