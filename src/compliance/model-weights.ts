/**
 * The learned model's weights: the shipped data's shape (model.generated.ts, written by
 * scripts/train-model.ts), decoding its int8 weights, and scoring a sentence's feature buckets.
 * Runtime-neutral (atob only).
 */
import { MODEL_BUCKETS } from './model-features';

/** The shipped model's shape (see scripts/train-model.ts). */
export interface ModelData {
  version: string;
  buckets: number;
  rules: { id: string; bias: number; scale: number; threshold: number; weights: string }[];
}

export interface LoadedModel {
  version: string;
  ids: string[];
  bias: Float64Array;
  threshold: Float64Array;
  /** Bucket-major: weights[bucket * R + r], already scaled. */
  weights: Float32Array;
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Decodes the shipped int8 weights into one bucket-major array. */
export function loadModel(data: ModelData): LoadedModel {
  if (data.buckets !== MODEL_BUCKETS) throw new Error(`model has ${data.buckets} buckets, features use ${MODEL_BUCKETS}`);
  const R = data.rules.length;
  const weights = new Float32Array(MODEL_BUCKETS * R);
  data.rules.forEach((r, k) => {
    const q = decodeBase64(r.weights);
    for (let b = 0; b < MODEL_BUCKETS; b++) weights[b * R + k] = ((q[b] << 24) >> 24) * r.scale;
  });
  return {
    version: data.version,
    ids: data.rules.map((r) => r.id),
    bias: Float64Array.from(data.rules.map((r) => r.bias)),
    threshold: Float64Array.from(data.rules.map((r) => r.threshold)),
    weights,
  };
}

/** Probabilities per model rule for a list of feature buckets. */
export function scoreFeatures(m: LoadedModel, feats: readonly number[], out = new Float64Array(m.ids.length)): Float64Array {
  const R = m.ids.length;
  out.set(m.bias);
  const w = m.weights;
  for (let i = 0; i < feats.length; i++) {
    const base = feats[i] * R;
    for (let r = 0; r < R; r++) out[r] += w[base + r];
  }
  for (let r = 0; r < R; r++) out[r] = 1 / (1 + Math.exp(-out[r]));
  return out;
}
