/**
 * Node's zlib as the response compressor (brotli and gzip), run on libuv's thread pool so
 * compressing a page never blocks the event loop. Quality settings favour speed: brotli 5 and
 * gzip 6 compress HTML about as well as the maximum at a fraction of the CPU time.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Compressor, Encoding } from './compression';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** The Node compressor: br preferred, gzip for clients without it. */
export function createNodeCompressor(opts: { brotliQuality?: number; gzipLevel?: number } = {}): Compressor {
  const brotliQuality = opts.brotliQuality ?? 5;
  const gzipLevel = opts.gzipLevel ?? 6;
  return {
    encodings: ['br', 'gzip'] as const,
    async compress(encoding: Encoding, body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
      const out =
        encoding === 'br'
          ? await br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
          : await gz(body, { level: gzipLevel });
      return new Uint8Array(out);
    },
  };
}
