/**
 * The crawler's page fetcher: one `PageFetcher` interface over a plain `fetch` function, so the
 * same code runs with undici's fetch in Node (see `fetch.node.ts`) and the global fetch in Workers.
 *
 * Per request: redirects followed by hand (limit, loop detection, SSRF check on every hop), one
 * timeout for the whole request including all hops and the body, the body streamed with a size
 * cap, HTML/XHTML only (other types are reported as skipped without reading the body), charset
 * detection and decoding (see `charset.ts`), conditional GET (ETag / Last-Modified → 304),
 * Retry-After on 429/503, and a SHA-256 hash of the decoded text. Compressed bodies (gzip, br,
 * deflate) are decoded by the fetch implementation itself.
 *
 * It never throws for network or HTTP problems: every outcome is a `FetchResult` with a `kind`.
 * Politeness (per-host delays, retries) and robots.txt live elsewhere (`politeness.ts`,
 * `robots.ts`, `polite-fetcher.ts`).
 */
import { gunzipCapped, isGzip, readCapped } from './body-reader';
import { charsetFromContentType, decodeBytes, detectCharset, encodingForLabel, sniffBom, type CharsetSource } from './charset';
import { sha256Hex } from '../lib/content-hash';
import { parseRetryAfter } from './retry-after';
import { checkUrlAllowed, type Resolver } from './ssrf-guard';

/** A fetch function: global fetch in Workers, the SSRF-guarded undici fetch in Node. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export type FetchKind =
  /** An HTML/XHTML page, decoded into `text`. */
  | 'html'
  /** Any other body fetched with `accept: 'text'` (robots.txt, sitemaps), decoded into `text`. */
  | 'text'
  /** Any body fetched with `accept: 'bytes'` (AF's workbooks), undecoded in `body`. */
  | 'bytes'
  /** 304: the page has not changed since the given ETag / Last-Modified. */
  | 'not_modified'
  /** 2xx with a content type that is not HTML (e.g. PDF); the body was not read. */
  | 'skipped_type'
  /** The body was larger than the cap; reading stopped there. */
  | 'too_large'
  /** Final HTTP status other than 2xx/304 (404, 410, 429, 500, 503, a 3xx without Location …). */
  | 'http_error'
  /** Network failure, timeout or abort; see `error` and `errorKind`. */
  | 'error'
  | 'redirect_loop'
  | 'too_many_redirects'
  /** The SSRF guard refused the URL or a redirect target; see `error`. */
  | 'refused'
  /** robots.txt forbids the URL or a redirect target (set by the polite layer, or a `beforeRedirect` hook). */
  | 'robots_disallowed';

export interface FetchResult {
  /** The last URL requested (after redirects), or the redirect target that was refused / not followed. */
  url: string;
  /** The URL the caller asked for. */
  requestedUrl: string;
  /** HTTP status of the last response; 0 when there was none. */
  status: number;
  kind: FetchKind;
  /** Media type without parameters, lower case (e.g. "text/html", "application/pdf"); null if absent. */
  contentType: string | null;
  /** WHATWG name of the encoding used to decode `text` (e.g. "utf-8", "windows-1252"). */
  charset: string | null;
  charsetSource?: CharsetSource;
  /** Decoded body for kinds 'html' and 'text'. */
  text?: string;
  /** Raw body bytes for kind 'bytes'. */
  body?: Uint8Array;
  /** Body bytes read (after content decoding); for 'too_large' the cap. */
  bytes: number;
  /** SHA-256 (hex) of `text` (of `body` for kind 'bytes'). */
  contentHash?: string;
  etag?: string;
  lastModified?: string;
  /** From Retry-After on an error status (429, 503 …), in seconds. */
  retryAfterSeconds?: number;
  /** URLs that answered with a redirect, in order (the requested URL first when there were any). */
  redirects: string[];
  error?: string;
  /** For kind 'error': whether the request timed out, was aborted by the caller, or failed on the network. */
  errorKind?: 'timeout' | 'aborted' | 'network';
  /** With `truncate: true`: the body was cut at the cap (kind stays 'html'/'text'). */
  truncated?: boolean;
  durationMs: number;
}

export interface FetchOptions {
  /** ETag from the previous fetch; sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string;
  /** Caller's cancellation (e.g. the crawl tick's time budget). */
  signal?: AbortSignal;
  /**
   * 'html' (default): only HTML/XHTML bodies are read. 'text': any type (robots.txt, sitemaps; gzip files are gunzipped).
   * 'bytes': any type, returned undecoded (binary files such as workbooks).
   */
  accept?: 'html' | 'text' | 'bytes';
  /** Size cap for this request, overriding the fetcher's. */
  maxBytes?: number;
  /** Keep the first `maxBytes` instead of reporting 'too_large' (robots.txt is read this way). */
  truncate?: boolean;
  /**
   * Called before following a redirect to `url` (after the SSRF check); returning a verdict stops
   * there with that kind. The polite layer uses it to apply robots.txt to redirect targets.
   */
  beforeRedirect?: (url: string) => Promise<{ kind: 'robots_disallowed' | 'refused'; reason: string } | null>;
}

/** Fetches one URL; never throws for network or HTTP problems. */
export interface PageFetcher {
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
}

export interface PageFetcherOptions {
  fetch: FetchFn;
  /** Full User-Agent header, see `crawlerUserAgent` in src/version.ts. */
  userAgent: string;
  /** Hosts (or host:port) that may be private/loopback: CRAWL_ALLOW_HOSTS for the crawler, CHECK_URL_ALLOW_HOSTS for the check API. */
  allowHosts?: readonly string[];
  /** DNS resolver for the SSRF check (Node); omit in Workers. */
  resolve?: Resolver;
  /** Whole-request timeout in ms (all hops and the body). Default 10 000. */
  timeoutMs?: number;
  /** Body size cap in bytes (after decompression). Default 2 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Accept-Language header. Default Swedish first. */
  acceptLanguage?: string;
  /**
   * Accept-Encoding header. Default "gzip, deflate, br" (undici decodes these). null sends none
   * and leaves compression to the runtime — use that in Workers, whose fetch negotiates and
   * decodes gzip/brotli itself.
   */
  acceptEncoding?: string | null;
  /** Clock in ms (for Retry-After dates and durations). */
  now?: () => number;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const GZIP_TYPES = new Set(['application/gzip', 'application/x-gzip', 'application/gzip-compressed']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Media type of a Content-Type header, lower case without parameters. */
export function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  const t = contentType.split(';')[0].trim().toLowerCase();
  return t === '' ? null : t;
}

function withoutHash(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

/** Looks through an error's `cause` chain for the SSRF guard's connect-time refusal. */
function ssrfRefusal(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (typeof e === 'object' && (e as { code?: string }).code === 'ERR_SSRF_BLOCKED') return (e as Error).message;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return `${err.message}: ${code ? code + ' ' : ''}${cause.message}`.trim();
  }
  return err.message;
}

/** Sniffs an untyped body: does it start like an HTML document? */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<!--[\s\S]*?-->\s*<(!doctype html|html)/.test(head);
}

/** Builds a `PageFetcher` over `opts.fetch`. */
export function createPageFetcher(opts: PageFetcherOptions): PageFetcher {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const defaultMaxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const now = opts.now ?? (() => Date.now());
  const allowHosts = opts.allowHosts ?? [];

  async function fetchPage(requestedUrl: string, fo: FetchOptions = {}): Promise<FetchResult> {
    const started = now();
    const mode = fo.accept ?? 'html';
    const maxBytes = fo.maxBytes ?? defaultMaxBytes;
    const redirects: string[] = [];
    let url = requestedUrl;
    let status = 0;
    let contentTypeHeader: string | null = null;

    const result = (kind: FetchKind, extra: Partial<FetchResult> = {}): FetchResult => ({
      url,
      requestedUrl,
      status,
      kind,
      contentType: mediaType(contentTypeHeader),
      charset: null,
      bytes: 0,
      redirects,
      durationMs: now() - started,
      ...extra,
    });

    // One deadline for the whole request; the caller's signal aborts it too.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(fo.signal?.reason);
    if (fo.signal?.aborted) controller.abort(fo.signal.reason);
    else fo.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: mode === 'html' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : '*/*',
      'accept-language': opts.acceptLanguage ?? 'sv-SE,sv;q=0.9,en;q=0.5',
    };
    const acceptEncoding = opts.acceptEncoding === undefined ? 'gzip, deflate, br' : opts.acceptEncoding;
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
    if (fo.etag) headers['if-none-match'] = fo.etag;
    if (fo.lastModified) headers['if-modified-since'] = fo.lastModified;

    try {
      const visited = new Set<string>();
      let checked: string | null = null; // a redirect target already checked before `beforeRedirect`
      let res: Response;
      for (;;) {
        if (checked !== url) {
          const check = await checkUrlAllowed(url, { allowHosts, resolve: opts.resolve });
          if (!check.ok) return result('refused', { status: 0, error: check.reason });
        }
        visited.add(withoutHash(url));
        res = await opts.fetch(url, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });
        status = res.status;
        contentTypeHeader = res.headers.get('content-type');
        const location = res.headers.get('location');
        if (!REDIRECT_STATUSES.has(res.status) || !location) break;
        await res.body?.cancel().catch(() => undefined);
        redirects.push(url);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          return result('http_error', { error: `invalid redirect Location: ${location.slice(0, 200)}` });
        }
        url = next;
        if (visited.has(withoutHash(next))) return result('redirect_loop', { error: `redirect loop at ${next}` });
        if (redirects.length > maxRedirects) return result('too_many_redirects', { error: `more than ${maxRedirects} redirects` });
        if (fo.beforeRedirect) {
          const check = await checkUrlAllowed(next, { allowHosts, resolve: opts.resolve });
          if (!check.ok) return result('refused', { status: 0, error: check.reason });
          checked = next;
          const verdict = await fo.beforeRedirect(next);
          if (verdict) return result(verdict.kind, { error: verdict.reason });
        }
      }

      const etag = res.headers.get('etag') ?? undefined;
      const lastModified = res.headers.get('last-modified') ?? undefined;
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return result('not_modified', { etag: etag ?? fo.etag, lastModified: lastModified ?? fo.lastModified });
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        return result('http_error', {
          retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after'), now()),
          error: `HTTP ${res.status}`,
        });
      }

      const type = mediaType(contentTypeHeader);
      if (mode === 'html' && type !== null && !HTML_TYPES.has(type)) {
        await res.body?.cancel().catch(() => undefined);
        return result('skipped_type', { etag, lastModified });
      }
      const declaredLength = Number(res.headers.get('content-length') ?? NaN);
      if (!fo.truncate && declaredLength > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return result('too_large', { bytes: maxBytes, error: `Content-Length ${declaredLength} > ${maxBytes}` });
      }

      let body = await readCapped(res.body, maxBytes);
      if (mode === 'text' && isGzip(body.bytes) && !body.overflow && (GZIP_TYPES.has(type ?? '') || /\.gz$/i.test(new URL(url).pathname))) {
        body = await gunzipCapped(body.bytes, maxBytes);
      }
      if (body.overflow && !fo.truncate) return result('too_large', { bytes: maxBytes, error: `body larger than ${maxBytes} bytes` });
      if (mode === 'bytes') {
        const digest = await crypto.subtle.digest('SHA-256', body.bytes as unknown as ArrayBuffer);
        const contentHash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        return result('bytes', { body: body.bytes, bytes: body.bytes.byteLength, contentHash, etag, lastModified, ...(body.overflow ? { truncated: true } : {}) });
      }
      if (mode === 'html' && type === null && !looksLikeHtml(body.bytes)) return result('skipped_type', { etag, lastModified });

      let encoding: string;
      let source: CharsetSource;
      if (mode === 'html') {
        ({ encoding, source } = detectCharset(body.bytes, contentTypeHeader));
      } else {
        const bom = sniffBom(body.bytes);
        const declared = charsetFromContentType(contentTypeHeader);
        const fromHeader = declared ? encodingForLabel(declared) : null;
        [encoding, source] = bom ? [bom.encoding, 'bom'] : fromHeader ? [fromHeader, 'header'] : ['utf-8', 'sniffed'];
      }
      const text = decodeBytes(body.bytes, encoding);
      return result(mode, {
        charset: encoding,
        charsetSource: source,
        text,
        bytes: body.bytes.byteLength,
        contentHash: await sha256Hex(text),
        etag,
        lastModified,
        ...(body.overflow ? { truncated: true } : {}),
      });
    } catch (err) {
      const refusal = ssrfRefusal(err);
      if (refusal) return result('refused', { status: 0, error: refusal });
      if (timedOut) return result('error', { error: `timeout after ${timeoutMs} ms`, errorKind: 'timeout' });
      if (fo.signal?.aborted) return result('error', { error: 'aborted', errorKind: 'aborted' });
      return result('error', { error: describeError(err), errorKind: 'network' });
    } finally {
      clearTimeout(timer);
      fo.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return { fetch: fetchPage };
}
