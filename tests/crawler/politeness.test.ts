// The host scheduler and retry policy on a fake clock (sleep advances the clock instantly).
import { describe, expect, it } from 'vitest';
import type { FetchResult } from '../../src/web/fetcher';
import { backoffDelayMs, createHostScheduler, DEFAULT_RETRY_POLICY, HostDeferredError, retryDecision } from '../../src/crawler/politeness';

function fakeTime() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const result = (over: Partial<FetchResult>): FetchResult => ({
  url: 'https://exempel.se/',
  requestedUrl: 'https://exempel.se/',
  status: 200,
  kind: 'html',
  contentType: 'text/html',
  charset: 'utf-8',
  bytes: 0,
  redirects: [],
  durationMs: 1,
  ...over,
});

describe('host scheduler', () => {
  it('delays by max(floor, Crawl-delay), capped', () => {
    const s = createHostScheduler({ floorMs: 1000, maxDelayMs: 30_000 });
    expect(s.delayMs('a.se')).toBe(1000);
    s.setCrawlDelay('a.se', 5);
    expect(s.delayMs('a.se')).toBe(5000);
    s.setCrawlDelay('a.se', 0.2);
    expect(s.delayMs('a.se')).toBe(1000);
    s.setCrawlDelay('a.se', 3600);
    expect(s.delayMs('a.se')).toBe(30_000);
    s.setCrawlDelay('a.se', undefined);
    expect(s.delayMs('a.se')).toBe(1000);
  });

  it('spaces requests to one host from the end of one to the start of the next', async () => {
    const time = fakeTime();
    const s = createHostScheduler({ floorMs: 1000, ...time });
    s.setCrawlDelay('a.se', 2);
    const starts: number[] = [];
    const task = async () => {
      starts.push(time.now());
      time.advance(300); // the request takes 300 ms
    };
    await Promise.all([s.schedule('a.se', task), s.schedule('a.se', task), s.schedule('a.se', task)]);
    expect(starts).toEqual([0, 2300, 4600]);
  });

  it('applies a Crawl-delay learnt after a request to the very next one', async () => {
    const time = fakeTime();
    const s = createHostScheduler({ floorMs: 100, ...time });
    const starts: number[] = [];
    await s.schedule('a.se', async () => void starts.push(time.now())); // robots.txt
    s.setCrawlDelay('a.se', 3);
    await s.schedule('a.se', async () => void starts.push(time.now()));
    expect(starts).toEqual([0, 3000]);
  });

  it('runs one request at a time per host, in arrival order, and hosts in parallel', async () => {
    const s = createHostScheduler({ floorMs: 0 });
    let active = 0;
    let maxActive = 0;
    const order: string[] = [];
    const task = (name: string) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      order.push(name);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(['1', '2', '3'].map((n) => s.schedule('a.se', task('a' + n))));
    expect(maxActive).toBe(1);
    expect(order).toEqual(['a1', 'a2', 'a3']);
    maxActive = 0;
    await Promise.all([s.schedule('a.se', task('a')), s.schedule('b.se', task('b'))]);
    expect(maxActive).toBe(2);
  });

  it('allows more than one request per host when configured', async () => {
    const s = createHostScheduler({ floorMs: 0, maxConcurrentPerHost: 2 });
    let active = 0;
    let maxActive = 0;
    const task = async () => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all([1, 2, 3, 4].map(() => s.schedule('a.se', task)));
    expect(maxActive).toBe(2);
  });

  it('backs a host off (capped, never shortening) and defers callers who cannot wait', async () => {
    const time = fakeTime();
    const s = createHostScheduler({ floorMs: 0, maxBackoffMs: 60_000, ...time });
    s.backOff('a.se', 10_000);
    s.backOff('a.se', 2_000);
    expect(s.nextAllowedAt('a.se')).toBe(10_000);
    s.backOff('a.se', 3_600_000);
    expect(s.nextAllowedAt('a.se')).toBe(60_000);
    let ran = false;
    const err = await s.schedule('a.se', async () => (ran = true), { maxWaitMs: 5_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(HostDeferredError);
    expect((err as HostDeferredError).waitMs).toBe(60_000);
    expect(ran).toBe(false);
    // Deferral does not block the host for others.
    await s.schedule('a.se', async () => (ran = true));
    expect(ran).toBe(true);
    expect(time.now()).toBe(60_000);
  });

  it('stops waiting when the caller aborts', async () => {
    const s = createHostScheduler({ floorMs: 0 });
    let release!: () => void;
    const first = s.schedule('a.se', () => new Promise<void>((r) => (release = r)));
    const ctl = new AbortController();
    const second = s.schedule('a.se', async () => 'ran', { signal: ctl.signal });
    ctl.abort(new Error('budget spent'));
    await expect(second).rejects.toThrow('budget spent');
    release();
    await first;
    expect(await s.schedule('a.se', async () => 'free again')).toBe('free again');
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    const p = { baseDelayMs: 500, maxDelayMs: 8000 };
    expect(backoffDelayMs(1, { ...p, random: () => 0 })).toBe(250);
    expect(backoffDelayMs(1, { ...p, random: () => 0.999999 })).toBe(500);
    expect(backoffDelayMs(3, { ...p, random: () => 0 })).toBe(1000);
    expect(backoffDelayMs(10, { ...p, random: () => 0.999999 })).toBe(8000);
  });

  const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };

  it('retries network errors, timeouts, 429 and 5xx while attempts remain', () => {
    expect(retryDecision(result({ kind: 'error', status: 0, errorKind: 'network' }), 1, policy)).toEqual({ retry: true, hostBackoffMs: 375 });
    expect(retryDecision(result({ kind: 'error', status: 0, errorKind: 'timeout' }), 2, policy).retry).toBe(true);
    expect(retryDecision(result({ kind: 'error', status: 0, errorKind: 'network' }), 3, policy).retry).toBe(false);
    expect(retryDecision(result({ kind: 'http_error', status: 502 }), 1, policy).retry).toBe(true);
  });

  it('honours Retry-After on 429/503, and gives up inline when it is too long', () => {
    expect(retryDecision(result({ kind: 'http_error', status: 429, retryAfterSeconds: 2 }), 1, policy)).toEqual({ retry: true, hostBackoffMs: 2000 });
    expect(retryDecision(result({ kind: 'http_error', status: 503, retryAfterSeconds: 120 }), 1, policy)).toEqual({ retry: false, hostBackoffMs: 120_000 });
  });

  it('does not retry final answers or caller aborts', () => {
    for (const r of [
      result({}),
      result({ kind: 'http_error', status: 404 }),
      result({ kind: 'http_error', status: 501 }),
      result({ kind: 'too_large' }),
      result({ kind: 'refused', status: 0 }),
      result({ kind: 'error', status: 0, errorKind: 'aborted' }),
    ]) {
      expect(retryDecision(r, 1, policy)).toEqual({ retry: false, hostBackoffMs: 0 });
    }
  });
});
