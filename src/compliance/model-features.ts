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

/**
 * Bucket indexes of the features of a unit (a sentence) given as normalised tokens, deduplicated
 * and sorted (so the dot product is independent of token order and repetition).
 */
export function unitFeatures(tokens: readonly string[], from = 0, to = tokens.length - 1): number[] {
  const set = new Set<number>();
  const mask = MODEL_BUCKETS - 1;
  let prev = '';
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!t) continue;
    set.add(fnv(t, 1) & mask);
    if (prev) set.add(fnv(`${prev} ${t}`, 2) & mask);
    prev = t;
    if (t.length >= 3) {
      const w = `^${t}$`;
      for (let k = 0; k + 4 <= w.length; k++) set.add(fnv(w.slice(k, k + 4), 3) & mask);
    }
  }
  return [...set].sort((a, b) => a - b);
}
