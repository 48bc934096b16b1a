/**
 * Fair self-checks: at most N checks in flight at once per caller (API key, client IP), so one
 * caller cannot hold every worker of the check pool. A check over the limit waits briefly for one
 * of the caller's own checks to end, then is refused with 429 `too_many_checks` and Retry-After
 * (a limit on this caller, like `rate_limited`; 503 `checks_busy` stays the answer when the whole
 * server is full). Counts live in memory per process (per isolate on Workers, where each request
 * has its own CPU anyway). Runtime-neutral.
 */
import { AppError } from '../http/errors';

/** How long a check over its caller's limit waits for a slot before the 429. */
export const CALLER_WAIT_MS = 2_000;
/** Retry-After of the 429, in seconds. */
export const CALLER_RETRY_AFTER_S = 2;

interface Waiter {
  keys: string[];
  wake: () => void;
}

/** Counts checks in flight per caller key and hands out slots. */
export class InFlightLimiter {
  private readonly counts = new Map<string, number>();
  private waiters: Waiter[] = [];

  /** Checks in flight for `key`. */
  inFlight(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  private fits(keys: string[], limit: number): boolean {
    return keys.every((k) => this.inFlight(k) < limit);
  }

  private take(keys: string[]): () => void {
    for (const k of keys) this.counts.set(k, this.inFlight(k) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const k of keys) {
        const n = this.inFlight(k) - 1;
        if (n > 0) this.counts.set(k, n);
        else this.counts.delete(k);
      }
      // Wake the waiters that share a key; each re-checks its own keys.
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w.wake();
    };
  }

  /**
   * A slot for a check counted against every key in `keys` (e.g. "key:12" and "ip:1.2.3.4"), waiting
   * at most `waitMs`. Resolves to a release function, or throws 429 too_many_checks.
   */
  async acquire(keys: string[], limit: number, waitMs = CALLER_WAIT_MS): Promise<() => void> {
    const deadline = Date.now() + waitMs;
    while (!this.fits(keys, limit)) {
      const left = deadline - Date.now();
      if (left <= 0) throw tooMany(limit);
      await new Promise<void>((resolve) => {
        const w: Waiter = { keys, wake: () => { clearTimeout(timer); resolve(); } };
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((x) => x !== w);
          resolve();
        }, left);
        this.waiters.push(w);
      });
    }
    return this.take(keys);
  }
}

function tooMany(limit: number): AppError {
  return new AppError(
    429,
    'too_many_checks',
    `At most ${limit} checks may run at once per API key and per client address; wait for one to finish.`,
    undefined,
    { 'Retry-After': String(CALLER_RETRY_AFTER_S) },
  );
}

/** The process-wide limiter of self-checks (API and form share it). */
export const checkLimiter = new InFlightLimiter();
