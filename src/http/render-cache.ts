/**
 * A small in-memory cache of rendered public responses (directory pages and their JSON), so a
 * popular municipality page is rendered once per minute instead of on every request.
 *
 * It sits in front of the router, like a CDN in front of an origin: a fresh hit is answered
 * before any routing or middleware runs, with the complete headers the first response had
 * (security headers, ETag, Cache-Control), a new request id and the usual request log line.
 * Only responses a handler marked as storable (`markStorable`, called by the directory's
 * `publicCache`) are kept, and only GET 200s without cookies. Keys carry the host, the path, the
 * sorted query and the day of the neutral order, so the daily reshuffle is never served stale;
 * entries expire after PAGE_RENDER_CACHE_SECONDS (imports show up within that time). One cache
 * per app instance (per Worker isolate on the edge).
 */
import { logRequest, requestIdFrom, type LogFn } from './logging';
import { dayKey } from '../lib/day-key';
import { TtlLru } from '../lib/ttl-lru';
import { MIN_COMPRESS_BYTES, compressedHeaders, isCompressible, negotiateEncoding, varyWithEncoding, weakEtag, type Compressor, type Encoding } from './compression';

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  /**
   * Compressed copies made once when stored (with a compressor), with their final headers, served
   * to clients that accept them: a hit only copies a ready header record.
   */
  variants: Partial<Record<Encoding, { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }>>;
  /** Final response headers (lower-case names), without the per-request id. */
  headers: Record<string, string>;
  etag: string | null;
}

/** The fetch signature of a Hono app. */
type FetchFn = (request: Request, env?: unknown, executionCtx?: never) => Response | Promise<Response>;

export interface RenderCacheOptions {
  ttlSeconds: number;
  clock: () => Date;
  /** Time zone of the day of the neutral order (ORDER_TIME_ZONE). */
  timeZone: string;
  log: LogFn;
  maxEntries?: number;
  /** Bytes of bodies kept at most (default 32 MiB; a Worker isolate has 128 MB in all). */
  maxBytes?: number;
  /**
   * Compresses stored responses once (Node, where nothing else compresses); hits are then served
   * compressed without work. Without it (Workers: the edge compresses) bodies are kept as they are.
   */
  compressor?: Compressor;
}

export interface RenderCache {
  /** Marks the response to this request as storable: public and the same for everyone at this URL. */
  markStorable(request: Request): void;
  /** Wraps the app's fetch: answers fresh hits before routing and stores marked responses. */
  wrap<F extends FetchFn>(fetch: F): F;
}

/** Largest body kept; bigger responses are served uncached. */
const MAX_BODY_BYTES = 512 * 1024;

/** Headers a 304 leaves out (RFC 9110 §15.4.5: it describes the stored representation, carries no body). */
const NOT_IN_304 = new Set(['content-type', 'content-length', 'content-encoding']);

/** Creates the cache; with `ttlSeconds` 0 it stores nothing and `wrap` returns fetch unchanged. */
export function createRenderCache(opts: RenderCacheOptions): RenderCache {
  const ttlMs = opts.ttlSeconds * 1000;
  const store = new TtlLru<Entry>(opts.maxEntries ?? 500, opts.maxBytes ?? 32 * 1024 * 1024, (e) =>
    Object.values(e.variants).reduce((n, v) => n + (v?.body.byteLength ?? 0), e.body.byteLength),
  );
  const compressor = opts.compressor;
  const storable = new WeakSet<Request>();

  const keyOf = (url: URL) => {
    url.searchParams.sort();
    return `${dayKey(opts.clock(), opts.timeZone)}|${url.host}${url.pathname}?${url.searchParams}`;
  };

  const answerHit = (request: Request, url: URL, hit: Entry, started: number): Response => {
    const requestId = requestIdFrom(request.headers.get('x-request-id'));
    const encodings = Object.keys(hit.variants) as Encoding[];
    const encoding = encodings.length ? negotiateEncoding(request.headers.get('accept-encoding'), compressor?.encodings.filter((e) => hit.variants[e]) ?? []) : null;
    const notModified = hit.etag !== null && etagMatches(hit.etag, request.headers.get('if-none-match'));
    let headers: Record<string, string>;
    let body: Uint8Array<ArrayBuffer> | null = null;
    if (notModified) {
      headers = { 'x-request-id': requestId };
      for (const name in hit.headers) if (!NOT_IN_304.has(name)) headers[name] = hit.headers[name];
      if (encodings.length) headers.vary = varyWithEncoding(headers.vary ?? null);
      if (encoding && headers.etag) headers.etag = weakEtag(headers.etag)!;
    } else if (encoding) {
      const variant = hit.variants[encoding]!;
      body = variant.body;
      headers = { ...variant.headers, 'x-request-id': requestId };
    } else {
      body = hit.body;
      headers = { ...hit.headers, 'x-request-id': requestId };
      if (encodings.length) headers.vary = varyWithEncoding(headers.vary ?? null);
    }
    const status = notModified ? 304 : 200;
    logRequest(opts.log, { requestId, method: 'GET', path: url.pathname, status, started, cache: 'hit' });
    return new Response(body, { status, headers });
  };

  const remember = async (key: string, res: Response, now: number): Promise<Response> => {
    if (res.status !== 200 || res.headers.has('set-cookie')) return res;
    const body = new Uint8Array(await res.arrayBuffer());
    const fresh = new Response(body, { status: res.status, headers: res.headers });
    if (body.byteLength > MAX_BODY_BYTES) return fresh;
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'x-request-id') headers[name] = value;
    });
    const variants: Entry['variants'] = {};
    if (compressor && body.byteLength >= MIN_COMPRESS_BYTES && isCompressible(res.headers.get('content-type')) && !res.headers.has('content-encoding')) {
      for (const enc of compressor.encodings) {
        const packed = await compressor.compress(enc, body);
        variants[enc] = { body: packed, headers: Object.fromEntries(compressedHeaders(headers, enc, packed.byteLength)) };
      }
    }
    store.set(key, { body, variants, headers, etag: res.headers.get('etag') }, now + ttlMs);
    return fresh;
  };

  return {
    markStorable(request) {
      if (ttlMs > 0) storable.add(request);
    },
    wrap<F extends FetchFn>(fetch: F): F {
      if (ttlMs === 0) return fetch;
      // Not async: a hit returns a Response synchronously, which lets the Node adapter write
      // it straight out without a promise turn.
      const wrapped = (request: Request, env?: unknown, executionCtx?: never) => {
        if (request.method !== 'GET') return fetch(request, env, executionCtx);
        const started = performance.now();
        const now = opts.clock().getTime();
        const url = new URL(request.url);
        const key = keyOf(url);
        const hit = store.get(key, now);
        if (hit) return answerHit(request, url, hit, started);
        const res = fetch(request, env, executionCtx);
        const storeIfMarked = (r: Response) => (storable.has(request) ? remember(key, r, now) : r);
        return res instanceof Promise ? res.then(storeIfMarked) : storeIfMarked(res);
      };
      return wrapped as F;
    },
  };
}

/** If-None-Match against a stored ETag: `*`, or any listed tag equal under weak comparison. */
function etagMatches(etag: string, ifNoneMatch: string | null): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const weakless = (t: string) => t.trim().replace(/^W\//, '');
  const wanted = weakless(etag);
  return ifNoneMatch.split(',').some((t) => weakless(t) === wanted);
}
