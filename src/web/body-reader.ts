/**
 * Reads a response body stream into bytes with a size cap, stopping (and cancelling the stream)
 * as soon as the cap is passed, so an oversized or endless body never fills memory. Also gunzips
 * bodies that are gzip files (e.g. sitemap.xml.gz) with the same cap, via DecompressionStream.
 */

export interface CappedBody {
  bytes: Uint8Array;
  /** True when the body was longer than the cap; `bytes` then holds the first `max` bytes. */
  overflow: boolean;
}

/** Reads at most `max` bytes from `stream`; cancels the stream when it has more. */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, max: number): Promise<CappedBody> {
  if (!stream) return { bytes: new Uint8Array(0), overflow: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > max) {
        chunks.push(value.subarray(0, max - total));
        total = max;
        overflow = true;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    if (overflow) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, overflow };
}

/** True when `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips `bytes`, keeping at most `max` bytes of output. Throws on corrupt input. */
export async function gunzipCapped(bytes: Uint8Array, max: number): Promise<CappedBody> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return readCapped(source.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>), max);
}
