/**
 * robots.txt for the crawler: fetch, parse (robots-parser, RFC 9309 matching), cache with expiry,
 * and answer "may Valkollen fetch this URL?", "what Crawl-delay?" and "which sitemaps?".
 *
 * Rules are read for our product token ("Valkollen", case-insensitive) and otherwise for "*".
 * What a robots.txt fetch outcome means (RFC 9309 §2.3.1 and Google's documented behaviour):
 * - 2xx: the file's rules apply (the first 500 KiB are read; the rest is ignored);
 * - 4xx other than 429, or too many redirects / a redirect loop: no robots.txt, everything allowed;
 * - 429, 5xx, network error or timeout: the site is unreachable, everything disallowed — cached for
 *   `errorTtlMs` (default 1 h) so the crawl retries soon instead of skipping the site for a day;
 * - refused by the SSRF guard: everything disallowed.
 * Records are kept for `ttlMs` (default 24 h, the RFC's upper bound). The cache is an interface
 * (`RobotsCache`) so it can be backed by the database later; records are plain JSON.
 */
import robotsParser from 'robots-parser';
import { CRAWLER_TOKEN } from '../version';
import type { FetchResult, PageFetcher } from '../web/fetcher';

export type RobotsOutcome = 'parsed' | 'allow_all' | 'disallow_all';

/** What is cached per origin; plain data so it can be stored anywhere. */
export interface RobotsRecord {
  /** Scheme, host and port, e.g. "https://exempel.se" (robots.txt applies per origin). */
  origin: string;
  outcome: RobotsOutcome;
  /** HTTP status of the robots.txt response; 0 when there was none. */
  status: number;
  /** The robots.txt text when `outcome` is 'parsed'. */
  body?: string;
  /** Why the outcome is allow/disallow-all (e.g. "HTTP 404", "timeout after 10000 ms"). */
  reason?: string;
  /** Kind of the robots.txt fetch result (e.g. 'text', 'http_error', 'refused'). */
  fetchKind?: string;
  fetchedAt: number;
  expiresAt: number;
}

/** Storage for robots records; the in-memory one is `MemoryRobotsCache`. */
export interface RobotsCache {
  get(origin: string): Promise<RobotsRecord | undefined>;
  set(record: RobotsRecord): Promise<void>;
}

/** In-memory robots cache (a Map); expired records are replaced by the service, not here. */
export class MemoryRobotsCache implements RobotsCache {
  private readonly records = new Map<string, RobotsRecord>();
  async get(origin: string): Promise<RobotsRecord | undefined> {
    return this.records.get(origin);
  }
  async set(record: RobotsRecord): Promise<void> {
    this.records.set(record.origin, record);
  }
  /** Number of cached origins. */
  get size(): number {
    return this.records.size;
  }
}

/** The rules that apply to one origin. */
export interface RobotsPolicy {
  origin: string;
  outcome: RobotsOutcome;
  status: number;
  reason?: string;
  fetchKind?: string;
  fetchedAt: number;
  expiresAt: number;
  /** Crawl-delay in seconds for our group (or "*"), if the file sets one. */
  crawlDelaySeconds?: number;
  /** Absolute http(s) sitemap URLs listed in the file. */
  sitemaps: string[];
  /** May we fetch `url`? `url` must be on this origin (other origins: false). */
  isAllowed(url: string): boolean;
}

/** The origin whose robots.txt governs `url`, e.g. "https://exempel.se:8443". */
export function robotsOrigin(url: string | URL): string {
  return new URL(url).origin;
}

/** The robots.txt URL for the origin of `url`. */
export function robotsUrl(url: string | URL): string {
  return robotsOrigin(url) + '/robots.txt';
}

/** Builds the policy for a record (parses `body` for 'parsed' records). */
export function policyFromRecord(record: RobotsRecord, userAgentToken: string = CRAWLER_TOKEN): RobotsPolicy {
  const base = {
    origin: record.origin,
    outcome: record.outcome,
    status: record.status,
    reason: record.reason,
    fetchKind: record.fetchKind,
    fetchedAt: record.fetchedAt,
    expiresAt: record.expiresAt,
  };
  const onOrigin = (url: string) => {
    try {
      return new URL(url).origin === record.origin;
    } catch {
      return false;
    }
  };
  if (record.outcome !== 'parsed') {
    const allow = record.outcome === 'allow_all';
    return { ...base, sitemaps: [], isAllowed: (url) => allow && onOrigin(url) };
  }
  const robots = robotsParser(record.origin + '/robots.txt', record.body ?? '');
  const delay = robots.getCrawlDelay(userAgentToken);
  const sitemaps: string[] = [];
  for (const s of robots.getSitemaps()) {
    try {
      const u = new URL(s, record.origin);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !sitemaps.includes(u.href)) sitemaps.push(u.href);
    } catch {
      // ignore unparsable Sitemap lines
    }
  }
  return {
    ...base,
    crawlDelaySeconds: delay !== undefined && Number.isFinite(delay) && delay >= 0 ? delay : undefined,
    sitemaps,
    isAllowed: (url) => onOrigin(url) && robots.isAllowed(url, userAgentToken) !== false,
  };
}

/** Parses robots.txt text for an origin (no fetching, no cache); handy for tests and previews. */
export function parseRobotsTxt(origin: string, body: string, userAgentToken: string = CRAWLER_TOKEN): RobotsPolicy {
  return policyFromRecord({ origin, outcome: 'parsed', status: 200, body, fetchedAt: 0, expiresAt: 0 }, userAgentToken);
}

/** Turns a robots.txt fetch result into a record (see the module header for the mapping). */
export function recordFromFetch(origin: string, r: FetchResult, now: number, ttlMs: number, errorTtlMs: number): RobotsRecord {
  const rec = (outcome: RobotsOutcome, reason?: string, ttl = ttlMs): RobotsRecord => ({
    origin,
    outcome,
    status: r.status,
    reason,
    fetchKind: r.kind,
    fetchedAt: now,
    expiresAt: now + ttl,
  });
  switch (r.kind) {
    case 'text':
    case 'html':
      return { ...rec('parsed'), body: r.text ?? '' };
    case 'http_error':
      if (r.status === 429 || r.status >= 500) return rec('disallow_all', `HTTP ${r.status}`, errorTtlMs);
      return rec('allow_all', `HTTP ${r.status}`);
    case 'redirect_loop':
    case 'too_many_redirects':
      return rec('allow_all', r.error ?? r.kind);
    case 'refused':
      return rec('disallow_all', `refused: ${r.error ?? ''}`);
    default:
      return rec('disallow_all', r.error ?? r.kind, errorTtlMs);
  }
}

export interface RobotsServiceOptions {
  /** Fetches robots.txt (the polite fetcher passes one that goes through the host scheduler). */
  fetcher: PageFetcher;
  cache?: RobotsCache;
  /** How long a fetched robots.txt (or a 4xx) is trusted. Default 24 h. */
  ttlMs?: number;
  /** How long "unreachable → disallow all" is kept. Default 1 h. */
  errorTtlMs?: number;
  /** Product token matched against User-agent lines. Default "Valkollen". */
  userAgentToken?: string;
  /** Bytes of robots.txt read. Default 500 KiB (RFC 9309's minimum). */
  maxBytes?: number;
  now?: () => number;
}

export interface PolicyForOptions {
  signal?: AbortSignal;
  /** Fetcher for this call instead of the service's. */
  fetcher?: PageFetcher;
  /**
   * Join a fetch of the same origin already under way (default true). The polite layer passes
   * false from inside a host slot, where joining a fetch that waits for that slot would deadlock.
   */
  join?: boolean;
}

export interface RobotsService {
  /**
   * The policy for the origin of `url`: from the cache while fresh, otherwise fetched (once, even
   * when many callers ask at the same time). `fetcher` overrides the service's fetcher for this
   * call. Throws only if the fetcher throws (e.g. the polite layer deferring the request); a
   * caller abort is not cached.
   */
  policyFor(url: string, opts?: PolicyForOptions): Promise<RobotsPolicy>;
  /** Shortcut: `(await policyFor(url)).isAllowed(url)`. */
  isAllowed(url: string): Promise<boolean>;
}

/** Creates the robots.txt service. */
export function createRobotsService(opts: RobotsServiceOptions): RobotsService {
  const cache = opts.cache ?? new MemoryRobotsCache();
  const ttlMs = opts.ttlMs ?? 24 * 60 * 60 * 1000;
  const errorTtlMs = opts.errorTtlMs ?? 60 * 60 * 1000;
  const token = opts.userAgentToken ?? CRAWLER_TOKEN;
  const maxBytes = opts.maxBytes ?? 500 * 1024;
  const now = opts.now ?? (() => Date.now());
  const inFlight = new Map<string, Promise<RobotsPolicy>>();
  const parsed = new Map<string, { record: RobotsRecord; policy: RobotsPolicy }>();

  const toPolicy = (record: RobotsRecord): RobotsPolicy => {
    const memo = parsed.get(record.origin);
    if (memo && memo.record.fetchedAt === record.fetchedAt && memo.record.expiresAt === record.expiresAt) return memo.policy;
    const policy = policyFromRecord(record, token);
    parsed.set(record.origin, { record, policy });
    return policy;
  };

  async function load(origin: string, signal: AbortSignal | undefined, fetcher: PageFetcher): Promise<RobotsPolicy> {
    const cached = await cache.get(origin);
    if (cached && cached.expiresAt > now()) return toPolicy(cached);
    const r = await fetcher.fetch(origin + '/robots.txt', { accept: 'text', maxBytes, truncate: true, signal });
    const record = recordFromFetch(origin, r, now(), ttlMs, errorTtlMs);
    if (r.kind === 'error' && r.errorKind === 'aborted') return policyFromRecord(record, token);
    await cache.set(record);
    return toPolicy(record);
  }

  async function policyFor(url: string, o: PolicyForOptions = {}): Promise<RobotsPolicy> {
    const origin = robotsOrigin(url);
    if (o.join === false) return load(origin, o.signal, o.fetcher ?? opts.fetcher);
    const running = inFlight.get(origin);
    if (running) return running;
    const p = load(origin, o.signal, o.fetcher ?? opts.fetcher).finally(() => inFlight.delete(origin));
    inFlight.set(origin, p);
    return p;
  }

  return {
    policyFor,
    isAllowed: async (url) => (await policyFor(url)).isAllowed(url),
  };
}
