/**
 * Features of the learned second opinion (model.ts): hashed word unigrams, word bigrams and
 * character 4-grams inside words (with word-boundary marks), over the engine's normalised tokens —
 * so spelling tricks are already folded away and inflections and compounds share most 4-grams
 * ("välkomstpresenten" and "presenter" share "pres", "rese", "esen", "sent"). Shared by the
 * training script and the runtime; runtime-neutral.
 */

/** Number of hash buckets (a power of two). */
export const MODEL_BUCKETS = 1 << 13;

/** 32-bit FNV-1a over a string's UTF-16 code units, seeded per feature kind. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** fnv(`${a} ${b}`, seed) without building the string (one per word pair of every sentence read). */
function fnvPair(a: string, b: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < a.length; i++) {
    h ^= a.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 32;
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < b.length; i++) {
    h ^= b.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 4-gram hash over w[k..k+3] of "^" + tok + "$" without building substrings. */
function gramHash(tok: string, k: number): number {
  let h = (0x811c9dc5 ^ 3) >>> 0;
  for (let i = k; i < k + 4; i++) {
    const c = i === 0 ? 94 /* ^ */ : i === tok.length + 1 ? 36 /* $ */ : tok.charCodeAt(i - 1);
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Per-token features (the word itself and its character 4-grams), cached: running text repeats words. */
const tokenCache = new Map<string, Int32Array>();
function tokenFeatures(t: string): Int32Array {
  let f = tokenCache.get(t);
  if (f !== undefined) return f;
  const mask = MODEL_BUCKETS - 1;
  const grams = t.length >= 3 ? t.length - 1 : 0;
  f = new Int32Array(1 + grams);
  f[0] = fnv(t, 1) & mask;
  for (let k = 0; k < grams; k++) f[1 + k] = gramHash(t, k) & mask;
  if (tokenCache.size > 100_000) tokenCache.clear();
  tokenCache.set(t, f);
  return f;
}

/** Generation stamps per bucket, so a unit's features are deduplicated without a Set. */
const stamp = new Uint32Array(MODEL_BUCKETS);
let generation = 0;

/**
 * Bucket indexes of the features of a unit (a sentence) given as normalised tokens, deduplicated
 * (so repetition does not count twice). The order follows the text; the model's sum does not depend on it.
 */
export function unitFeatures(tokens: readonly string[], from = 0, to = tokens.length - 1): number[] {
  return Array.from(scratch.subarray(0, unitFeaturesInto(tokens, from, to, scratch)));
}
const scratch = new Int32Array(MODEL_BUCKETS);

/**
 * unitFeatures written into `out` (which needs MODEL_BUCKETS slots: the features are distinct
 * buckets), returning how many; the model runs this per sentence without allocating.
 */
export function unitFeaturesInto(tokens: readonly string[], from: number, to: number, out: Int32Array): number {
  let n = 0;
  const mask = MODEL_BUCKETS - 1;
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  const g = generation;
  let prev = '';
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!t) continue;
    const tf = tokenFeatures(t);
    for (let k = 0; k < tf.length; k++) {
      const b = tf[k];
      if (stamp[b] !== g) {
        stamp[b] = g;
        out[n++] = b;
      }
    }
    if (prev) {
      const b = fnvPair(prev, t, 2) & mask;
      if (stamp[b] !== g) {
        stamp[b] = g;
        out[n++] = b;
      }
    }
    prev = t;
  }
  return n;
}
