/**
 * Per-document evaluation context: lazily merged hit lists per term set and the token extents of
 * sentences, clauses, blocks and sections, shared by the clause matcher and the fact checks.
 */
import type { Analysis } from './analyse';
import { sectionOf } from './analyse';
import type { TermSet } from './ruleset';
import type { Part } from './types';

export class EvalContext {
  private setCache: (number[] | undefined)[] = [];
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

  /** Flat [first, last] pairs of every hit of any term of the set, sorted by position. */
  hits(set: TermSet): number[] {
    const cached = this.setCache[set.id];
    if (cached) return cached;
    let out: number[];
    if (set.terms.length === 1) out = this.a.hits.get(set.terms[0]) ?? [];
    else {
      // Pack (first, length) into one number so a numeric typed-array sort orders the hits.
      let count = 0;
      for (const id of set.terms) count += (this.a.hits.get(id)?.length ?? 0) >> 1;
      const keys = new Float64Array(count);
      let k = 0;
      for (const id of set.terms) {
        const h = this.a.hits.get(id);
        if (h) for (let i = 0; i < h.length; i += 2) keys[k++] = h[i] * 1024 + (h[i + 1] - h[i]);
      }
      keys.sort();
      out = new Array(count * 2);
      for (let i = 0; i < count; i++) {
        const f = Math.floor(keys[i] / 1024);
        out[2 * i] = f;
        out[2 * i + 1] = f + (keys[i] - f * 1024);
      }
    }
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
      if (!this.blockExt) this.blockExt = extents(n, (i) => a.block[i]);
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
  lowerBound(hits: number[], lo: number): number {
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
