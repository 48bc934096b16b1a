/**
 * Per-host politeness: a scheduler that lets one request at a time run per host (configurable),
 * keeps a gap of max(configured floor, Crawl-delay) — capped — between the end of one request and
 * the start of the next, and pushes a host back after 429/503 (Retry-After) or network errors.
 * Also the retry policy: which results are worth retrying and after how long (exponential backoff
 * with jitter, Retry-After honoured and capped).
 *
 * Time is injectable (`now`, `sleep`) so tests can run it on a fake clock.
 */
import type { FetchResult } from '../web/fetcher';

/** Thrown by `schedule` when the host would make the caller wait longer than `maxWaitMs`. */
export class HostDeferredError extends Error {
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`host ${host} is not available for ${Math.ceil(waitMs)} ms`);
    this.name = 'HostDeferredError';
  }
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface HostSchedulerOptions {
  /** Minimum gap between requests to one host, in ms. Default 1000. */
  floorMs?: number;
  /** Upper bound for the gap, whatever Crawl-delay says, in ms. Default 30 000. */
  maxDelayMs?: number;
  /** Upper bound for one backoff (Retry-After, errors), in ms. Default 10 minutes. */
  maxBackoffMs?: number;
  /** Requests running at once per host. Default 1. */
  maxConcurrentPerHost?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface ScheduleOptions {
  signal?: AbortSignal;
  /** Give up (HostDeferredError) instead of waiting longer than this for the host's next slot. */
  maxWaitMs?: number;
}

export interface HostScheduler {
  /**
   * Runs `task` when `host` is free and its gap has passed; the gap is counted from when the task
   * finishes. Requests to one host run in arrival order. Rejects with HostDeferredError (task not
   * run) when the wait would exceed `maxWaitMs`, or with the signal's reason when aborted.
   */
  schedule<T>(host: string, task: () => Promise<T>, opts?: ScheduleOptions): Promise<T>;
  /** Records the host's robots.txt Crawl-delay (seconds; undefined clears it), counted from the host's last request. */
  setCrawlDelay(host: string, seconds: number | undefined): void;
  /** The gap in ms now applied to `host`: min(maxDelay, max(floor, Crawl-delay)). */
  delayMs(host: string): number;
  /** Keeps `host` idle for `ms` from now (capped by maxBackoffMs); never shortens an existing wait. */
  backOff(host: string, ms: number): void;
  /** Earliest time (ms) the next request to `host` may start. */
  nextAllowedAt(host: string): number;
}

interface HostState {
  active: number;
  waiters: (() => void)[];
  nextAt: number;
  /** When the last request to the host finished (ms); -Infinity before the first. */
  lastEndAt: number;
  crawlDelayMs?: number;
}

/** Creates a per-host scheduler (state lives in memory for the life of a crawl tick or process). */
export function createHostScheduler(opts: HostSchedulerOptions = {}): HostScheduler {
  const floorMs = opts.floorMs ?? 1000;
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 10 * 60 * 1000;
  const maxConcurrent = Math.max(1, opts.maxConcurrentPerHost ?? 1);
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? realSleep;
  const hosts = new Map<string, HostState>();

  const state = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) {
      s = { active: 0, waiters: [], nextAt: 0, lastEndAt: -Infinity };
      hosts.set(host, s);
    }
    return s;
  };

  const delayMs = (host: string) => Math.min(maxDelayMs, Math.max(floorMs, state(host).crawlDelayMs ?? 0));

  const acquire = (s: HostState, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (s.active < maxConcurrent) {
      s.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(); // the slot is handed over by release(); active stays counted
      };
      const onAbort = () => {
        const i = s.waiters.indexOf(wake);
        if (i >= 0) s.waiters.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      s.waiters.push(wake);
    });
  };

  const release = (s: HostState) => {
    const next = s.waiters.shift();
    if (next) next();
    else s.active--;
  };

  async function schedule<T>(host: string, task: () => Promise<T>, o: ScheduleOptions = {}): Promise<T> {
    const s = state(host);
    await acquire(s, o.signal);
    let ran = false;
    try {
      const wait = s.nextAt - now();
      if (wait > 0) {
        if (o.maxWaitMs !== undefined && wait > o.maxWaitMs) throw new HostDeferredError(host, wait);
        await sleep(wait, o.signal);
      }
      ran = true;
      return await task();
    } finally {
      if (ran) {
        s.lastEndAt = now();
        s.nextAt = Math.max(s.nextAt, s.lastEndAt + delayMs(host));
      }
      release(s);
    }
  }

  return {
    schedule,
    setCrawlDelay(host, seconds) {
      const s = state(host);
      s.crawlDelayMs = seconds === undefined || !Number.isFinite(seconds) ? undefined : Math.max(0, seconds * 1000);
      // A delay learnt after a request (robots.txt itself) already applies to the next one.
      s.nextAt = Math.max(s.nextAt, s.lastEndAt + delayMs(host));
    },
    delayMs,
    backOff(host, ms) {
      const s = state(host);
      s.nextAt = Math.max(s.nextAt, now() + Math.min(Math.max(0, ms), maxBackoffMs));
    },
    nextAllowedAt: (host) => state(host).nextAt,
  };
}

export interface RetryPolicy {
  /** Attempts in total, the first included. Default 3. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles each time. Default 500 ms. */
  baseDelayMs: number;
  /** Upper bound of the exponential backoff. Default 8 s. */
  maxDelayMs: number;
  /** Longest Retry-After (or backoff) worth waiting for inside one request; longer → give the result back. Default 10 s. */
  maxInlineWaitMs: number;
  /** Random source in [0, 1) for jitter. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxInlineWaitMs: 10_000,
  random: Math.random,
};

/**
 * Backoff before attempt `attempt + 1` after `attempt` failures (1-based): exponential, capped,
 * with "equal jitter" (between half and all of the step) so many crawlers do not retry in step.
 */
export function backoffDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

export interface RetryDecision {
  /** Try again (after the host's backoff has passed). */
  retry: boolean;
  /** How long the host should rest before any further request, in ms (0 = no backoff). */
  hostBackoffMs: number;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * What to do after `result` on attempt `attempt` (1-based): network errors and timeouts, 429 and
 * 5xx (except 501/505) are retried while attempts remain and the wait is short enough
 * (`maxInlineWaitMs`); 429/503 rest the host for Retry-After seconds when given (else the
 * exponential backoff). Caller aborts and every other result are final.
 */
export function retryDecision(result: FetchResult, attempt: number, policy: RetryPolicy): RetryDecision {
  const transientNetwork = result.kind === 'error' && result.errorKind !== 'aborted';
  const transientStatus = result.kind === 'http_error' && RETRY_STATUSES.has(result.status);
  if (!transientNetwork && !transientStatus) return { retry: false, hostBackoffMs: 0 };
  const backoff =
    result.retryAfterSeconds !== undefined && (result.status === 429 || result.status === 503)
      ? result.retryAfterSeconds * 1000
      : backoffDelayMs(attempt, policy);
  return { retry: attempt < policy.maxAttempts && backoff <= policy.maxInlineWaitMs, hostBackoffMs: backoff };
}
