/**
 * URL normalisation for the crawler: one spelling per page so the frontier fetches it once.
 *
 * Two forms:
 * - `normaliseUrl` gives the URL to fetch: lower-case scheme and host (IDN hosts as punycode, via
 *   WHATWG URL), no default port, no fragment, no trailing dot on the host, no tracking or session
 *   parameters, the remaining query parameters sorted, percent-encoding normalised (upper-case hex,
 *   unreserved characters decoded), dot segments resolved. The path's trailing slash is kept,
 *   because servers may answer `/a` and `/a/` differently (or redirect one to the other).
 * - `urlKey` gives the de-duplication key: the normalised URL with the path's trailing slash removed
 *   (the root keeps its "/"), so `/a` and `/a/` count as one page.
 *
 * Links found on a page must be resolved against the URL the page was actually fetched from (the
 * fetch result's final `url`), not against its key.
 */

/**
 * Query parameters that only track where a visitor came from. `utm_*` is matched as a prefix.
 * `ref` is deliberately NOT here: on many sites it selects content (a product, a branch, a
 * reference number). Keeping a tracking `ref` costs one duplicate fetch that the content hash
 * catches; dropping a meaningful one would silently merge distinct pages and lose coverage.
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'gad_source', 'fbclid', 'msclkid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'yclid', 'igshid', 'twclid', 'ttclid', 'li_fat_id', '_hsenc', '_hsmi', 'hsctatracking',
  'mkt_tok', 'srsltid', 'ref_src', 'ref_url', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  'wickedid', 'rb_clickid', 's_cid', 'ef_id', '_kx',
  // Session identifiers: every visit gets a new one, so they only create duplicates.
  'jsessionid', 'phpsessid', 'sessionid', 'aspsessionid', 'cfid', 'cftoken',
]);

const TRACKING_PREFIXES = ['utm_'];

export interface NormaliseOptions {
  /** More parameter names (lower case) to drop, e.g. a provider's own campaign parameter. */
  extraTrackingParams?: readonly string[];
}

/** True when `name` (any case) is a tracking or session parameter. */
export function isTrackingParam(name: string, extra: readonly string[] = []): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p)) || extra.includes(n);
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Upper-cases percent-escapes and decodes those that stand for unreserved characters (RFC 3986 §6.2.2). */
function normalisePercentEncoding(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : '%' + hex.toUpperCase();
  });
}

function decodeParamName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Drops tracking parameters and empty pieces, then sorts what is left (stable, by name then value). */
function normaliseQuery(search: string, extra: readonly string[]): string {
  if (search === '' || search === '?') return '';
  const pieces = search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map(normalisePercentEncoding)
    .filter((p) => !isTrackingParam(decodeParamName(p.split('=', 1)[0]), extra));
  pieces.sort((a, b) => {
    const na = a.split('=', 1)[0];
    const nb = b.split('=', 1)[0];
    if (na !== nb) return na < nb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return pieces.length ? '?' + pieces.join('&') : '';
}

/** Parses `input` (resolved against `base` when given); null if it is not a valid URL. */
export function parseUrl(input: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(typeof input === 'string' ? input.trim() : input.href, base);
  } catch {
    return null;
  }
}

/** True for http: and https: URLs. */
export function isHttpUrl(u: URL): boolean {
  return u.protocol === 'http:' || u.protocol === 'https:';
}

/**
 * Normalises an absolute URL, or a relative one resolved against `base`. Returns null for
 * invalid URLs and for schemes other than http(s). See the module header for what changes.
 * Credentials are kept (the SSRF guard refuses such URLs; hiding them here would hide that).
 */
export function normaliseUrl(input: string | URL, base?: string | URL, opts: NormaliseOptions = {}): string | null {
  const u = parseUrl(input, base);
  if (!u || !isHttpUrl(u)) return null;
  u.hash = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.replace(/\.+$/, '');
  // Java-style session ids in the path (";jsessionid=…") only create duplicates.
  let path = u.pathname.replace(/;jsessionid=[^/?#]*/gi, '');
  path = normalisePercentEncoding(path);
  u.pathname = path;
  const query = normaliseQuery(u.search, opts.extraTrackingParams ?? []);
  // Assigning '' to search removes a lone "?" too.
  u.search = query;
  return u.href;
}

/**
 * The de-duplication key of a URL: `normaliseUrl` plus the trailing-slash policy (`/a/` → `/a`,
 * root stays `/`). Null when the URL is invalid or not http(s).
 */
export function urlKey(input: string | URL, base?: string | URL, opts: NormaliseOptions = {}): string | null {
  const n = normaliseUrl(input, base, opts);
  if (n === null) return null;
  const u = new URL(n);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.href;
}

/** Keeps the first URL of each key, normalised; invalid and non-http(s) URLs are dropped. */
export function dedupeUrls(urls: Iterable<string>, base?: string | URL, opts: NormaliseOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of urls) {
    const key = urlKey(raw, base, opts);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    out.push(normaliseUrl(raw, base, opts)!);
  }
  return out;
}

/** Host without a leading "www." (lower case, no trailing dot). */
function siteHost(u: URL): string {
  return u.hostname.replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * The site a URL belongs to: its host without "www." plus a non-default port, e.g.
 * `exempel.se` or `127.0.0.1:4123`. http and https of the same host are the same site.
 * Null for invalid or non-http(s) URLs.
 */
export function siteKey(input: string | URL): string | null {
  const u = parseUrl(input);
  if (!u || !isHttpUrl(u)) return null;
  return siteHost(u) + (u.port ? ':' + u.port : '');
}

/**
 * True when both URLs are on the same site: same host apart from a "www." prefix, and the same
 * non-default port. This is deliberately stricter than "same registrable domain" (no public suffix
 * list here): `jobb.exempel.se` is not the same site as `exempel.se`.
 */
export function sameSite(a: string | URL, b: string | URL): boolean {
  const ka = siteKey(a);
  return ka !== null && ka === siteKey(b);
}

/**
 * Resolves a `<link rel="canonical">` href against the page URL and accepts it only if it is an
 * http(s) URL on the same site. Returns the normalised canonical URL, or null when it is missing,
 * invalid or points to another site (a page cannot move its evidence to somebody else's site).
 */
export function acceptCanonical(pageUrl: string, href: string | null | undefined, opts: NormaliseOptions = {}): string | null {
  if (!href || !href.trim()) return null;
  const n = normaliseUrl(href, pageUrl, opts);
  if (n === null || !sameSite(n, pageUrl)) return null;
  return n;
}
