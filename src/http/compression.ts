/**
 * Response compression (gzip, br) as a wrapper around the app's fetch, for runtimes whose
 * server does not compress (Node; on Cloudflare the edge compresses). The codec is injected
 * (`Compressor`; Node's zlib in compression.node.ts), so this module stays runtime-neutral.
 *
 * A compressed response is a different representation: it gets `Vary: Accept-Encoding`, loses
 * Content-Length, and a strong ETag becomes weak (W/"…"), so caches never mix the variants while
 * If-None-Match still matches under weak comparison (RFC 9110 §8.8.3.2). Responses that already
 * carry a Content-Encoding (the render cache serves stored compressed variants) pass through.
 */

export type Encoding = 'br' | 'gzip';

export interface Compressor {
  /** Encodings this codec produces, preferred first. */
  encodings: readonly Encoding[];
  compress(encoding: Encoding, body: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
}

/** Bodies smaller than this are sent as they are: compression would save less than a packet. */
export const MIN_COMPRESS_BYTES = 1024;
/** Bodies larger than this are sent as they are rather than buffered (exports stream). */
export const MAX_COMPRESS_BYTES = 8 * 1024 * 1024;

/** True for text formats worth compressing (HTML, CSS, JSON, JavaScript, CSV, XML, plain text, SVG). */
export function isCompressible(contentType: string | null): boolean {
  if (!contentType) return false;
  return /^(text\/|application\/(json|javascript|xml|problem\+json|[\w.+-]+\+json|[\w.+-]+\+xml)|image\/svg\+xml)/i.test(contentType.trim());
}

/**
 * The encoding to use for an Accept-Encoding header among `available` (in server preference
 * order), honouring q-values (q=0 refuses) and `*`; null for identity.
 */
export function negotiateEncoding(acceptEncoding: string | null, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const enc of available) {
    const weight = q.get(enc) ?? q.get('*') ?? 0;
    if (weight > bestQ) [best, bestQ] = [enc, weight];
  }
  return best;
}

/** `Vary` with Accept-Encoding added once. */
export function varyWithEncoding(vary: string | null): string {
  if (!vary) return 'Accept-Encoding';
  return vary.split(',').some((v) => v.trim().toLowerCase() === 'accept-encoding' || v.trim() === '*') ? vary : `${vary}, Accept-Encoding`;
}

/** A strong ETag made weak ("x" → W/"x"); weak and absent ones unchanged. */
export const weakEtag = (etag: string | null) => (etag && !etag.startsWith('W/') ? `W/${etag}` : etag);

/** Headers of a compressed variant made from the identity response's headers. */
export function compressedHeaders(headers: Headers | Record<string, string>, encoding: Encoding, length: number): Headers {
  const h = new Headers(headers);
  h.set('content-encoding', encoding);
  h.set('content-length', String(length));
  h.set('vary', varyWithEncoding(h.get('vary')));
  const etag = weakEtag(h.get('etag'));
  if (etag) h.set('etag', etag);
  return h;
}

type FetchFn = (request: Request, env?: unknown, executionCtx?: never) => Response | Promise<Response>;

/** Whether a response may be compressed for this request at all. */
function compressible(request: Request, res: Response): boolean {
  if (request.method === 'HEAD' || !res.body || res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return false;
  if (res.headers.has('content-encoding') || /\bno-transform\b/i.test(res.headers.get('cache-control') ?? '')) return false;
  if (!isCompressible(res.headers.get('content-type'))) return false;
  const length = Number(res.headers.get('content-length') ?? NaN);
  return !(length < MIN_COMPRESS_BYTES) && !(length > MAX_COMPRESS_BYTES);
}

/** Wraps fetch so compressible responses go out compressed when the client accepts it. */
export function withCompression<F extends FetchFn>(fetch: F, compressor: Compressor): F {
  const finish = async (request: Request, res: Response): Promise<Response> => {
    if (!compressible(request, res)) return res;
    // Even an identity response depends on Accept-Encoding once we might compress.
    const encoding = negotiateEncoding(request.headers.get('accept-encoding'), compressor.encodings);
    if (!encoding) {
      const headers = new Headers(res.headers);
      headers.set('vary', varyWithEncoding(headers.get('vary')));
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < MIN_COMPRESS_BYTES || body.byteLength > MAX_COMPRESS_BYTES) {
      const headers = new Headers(res.headers);
      headers.set('vary', varyWithEncoding(headers.get('vary')));
      return new Response(body, { status: res.status, statusText: res.statusText, headers });
    }
    const packed = await compressor.compress(encoding, body);
    return new Response(packed, { status: res.status, statusText: res.statusText, headers: compressedHeaders(res.headers, encoding, packed.byteLength) });
  };
  const wrapped = (request: Request, env?: unknown, executionCtx?: never) => {
    const res = fetch(request, env, executionCtx);
    if (res instanceof Promise) return res.then((r) => finish(request, r));
    // Responses the render cache already encoded stay synchronous (no promise turn on a hit).
    return res.headers.has('content-encoding') || !res.body ? res : finish(request, res);
  };
  return wrapped as F;
}
