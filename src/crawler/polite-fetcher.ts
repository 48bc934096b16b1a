/**
 * The polite fetcher: what the crawl tick calls for each URL. It puts the pieces together in the
 * right order: robots.txt for the URL's origin (fetched through the host scheduler, cached), the
 * host's Crawl-delay handed to the scheduler, the robots verdict, then the page fetch in the host's
 * slot with retries (network errors, timeouts, 429, 5xx) and host backoff (Retry-After).
 * Redirect targets are checked against robots.txt too.
 *
 * It never sleeps past the caller's budget: with `maxWaitMs`, a host that is resting longer than
 * that gives a 'deferred' result (with `retryAfterSeconds`) instead of a wait, so the tick can move
 * on and the frontier can reschedule the URL.
 *
 * Requests to a redirect target on another host run inside the first host's slot and are not
 * spaced by the scheduler (rare, one request).
 */
import { siteKey } from '../web/url-normalise';
import type { FetchKind, FetchOptions, FetchResult, PageFetcher } from '../web/fetcher';
import {
  createHostScheduler,
  DEFAULT_RETRY_POLICY,
  HostDeferredError,
  retryDecision,
  type HostScheduler,
  type HostSchedulerOptions,
  type RetryPolicy,
} from './politeness';
import { createRobotsService, robotsOrigin, type RobotsPolicy, type RobotsService, type RobotsServiceOptions } from './robots';

export type PoliteFetchKind = FetchKind | 'deferred';

export interface PoliteFetchResult extends Omit<FetchResult, 'kind'> {
  /**
   * A FetchResult kind, or 'robots_disallowed' (robots.txt forbids the URL or it is unreachable:
   * see `error`; `retryAfterSeconds` is set when the verdict is temporary), or 'deferred' (the host
   * is resting longer than `maxWaitMs`; try again after `retryAfterSeconds`).
   */
  kind: PoliteFetchKind;
  /** Page requests made (0 when robots.txt or the host's rest decided). */
  attempts: number;
  /** Crawl-delay of the host's robots.txt, when set. */
  crawlDelaySeconds?: number;
}

export interface PoliteFetchOptions extends Omit<FetchOptions, 'beforeRedirect'> {
  /** Longest wait for the host's next slot; longer → 'deferred'. Default: wait as long as needed. */
  maxWaitMs?: number;
}

export interface PoliteFetcherOptions {
  fetcher: PageFetcher;
  /** Shared scheduler (e.g. one per tick); default a new one from `schedulerOptions`. */
  scheduler?: HostScheduler;
  schedulerOptions?: HostSchedulerOptions;
  /** Shared robots service; default a new one (fetching through the scheduler) from `robotsOptions`. */
  robots?: RobotsService;
  robotsOptions?: Omit<RobotsServiceOptions, 'fetcher'>;
  retry?: Partial<RetryPolicy>;
  /** Which requests share a politeness slot. Default `siteKey` (host without "www.", port). */
  hostKey?: (url: string) => string;
  /** Clock in ms (the same one given to the robots service and scheduler in tests). */
  now?: () => number;
}

export interface PoliteFetcher {
  fetch(url: string, opts?: PoliteFetchOptions): Promise<PoliteFetchResult>;
  readonly robots: RobotsService;
  readonly scheduler: HostScheduler;
}

/** Builds the polite fetcher; see the module header. */
export function createPoliteFetcher(opts: PoliteFetcherOptions): PoliteFetcher {
  const scheduler = opts.scheduler ?? createHostScheduler(opts.schedulerOptions);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const hostKey = opts.hostKey ?? ((url: string) => siteKey(url) ?? url);
  const now = opts.now ?? (() => Date.now());

  /** The plain fetcher, but every request waits for its host's slot. */
  const scheduled = (maxWaitMs?: number): PageFetcher => ({
    fetch: (url, fo) => scheduler.schedule(hostKey(url), () => opts.fetcher.fetch(url, fo), { signal: fo?.signal, maxWaitMs }),
  });
  const robots = opts.robots ?? createRobotsService({ ...opts.robotsOptions, fetcher: scheduled() });

  function verdictOf(policy: RobotsPolicy, url: string): { reason: string; retryAfterSeconds?: number } | null {
    if (policy.isAllowed(url)) return null;
    if (policy.outcome === 'disallow_all') {
      const secs = Math.max(0, Math.ceil((policy.expiresAt - now()) / 1000));
      return { reason: `robots.txt unavailable (${policy.reason ?? policy.status}); nothing may be fetched until it is`, retryAfterSeconds: secs };
    }
    return { reason: 'disallowed by robots.txt' };
  }

  async function fetchPolitely(url: string, o: PoliteFetchOptions = {}): Promise<PoliteFetchResult> {
    const started = now();
    const host = hostKey(url);
    const bare = (kind: PoliteFetchKind, extra: Partial<PoliteFetchResult> = {}): PoliteFetchResult => ({
      url,
      requestedUrl: url,
      status: 0,
      kind,
      contentType: null,
      charset: null,
      bytes: 0,
      redirects: [],
      durationMs: now() - started,
      attempts: 0,
      ...extra,
    });
    const deferredOrThrow = (err: unknown, attempts: number): PoliteFetchResult => {
      if (err instanceof HostDeferredError) return bare('deferred', { attempts, retryAfterSeconds: Math.ceil(err.waitMs / 1000), error: err.message });
      if (o.signal?.aborted) return bare('error', { attempts, errorKind: 'aborted', error: 'aborted' });
      throw err;
    };

    let policy: RobotsPolicy;
    try {
      policy = await robots.policyFor(url, { signal: o.signal, fetcher: scheduled(o.maxWaitMs) });
    } catch (err) {
      return deferredOrThrow(err, 0);
    }
    if (policy.fetchKind === 'refused') return bare('refused', { error: policy.reason });
    scheduler.setCrawlDelay(host, policy.crawlDelaySeconds);
    const crawlDelaySeconds = policy.crawlDelaySeconds;
    const verdict = verdictOf(policy, url);
    if (verdict) return bare('robots_disallowed', { error: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds, crawlDelaySeconds });

    // Redirect targets must be allowed by their own origin's robots.txt. From inside the host
    // slot, robots.txt of another origin is fetched directly (not joining a scheduled fetch that
    // might wait for this very slot).
    const startOrigin = robotsOrigin(url);
    const beforeRedirect = async (target: string) => {
      const p = robotsOrigin(target) === startOrigin ? policy : await robots.policyFor(target, { signal: o.signal, fetcher: opts.fetcher, join: false });
      const v = verdictOf(p, target);
      return v ? { kind: 'robots_disallowed' as const, reason: `redirect target ${target}: ${v.reason}` } : null;
    };

    const { maxWaitMs, ...fetchOpts } = o;
    for (let attempt = 1; ; attempt++) {
      let r: FetchResult;
      try {
        r = await scheduler.schedule(host, () => opts.fetcher.fetch(url, { ...fetchOpts, beforeRedirect }), { signal: o.signal, maxWaitMs });
      } catch (err) {
        return deferredOrThrow(err, attempt - 1);
      }
      const d = retryDecision(r, attempt, retry);
      if (d.hostBackoffMs > 0) scheduler.backOff(host, d.hostBackoffMs);
      if (!d.retry) return { ...r, attempts: attempt, crawlDelaySeconds };
    }
  }

  return { fetch: fetchPolitely, robots, scheduler };
}
