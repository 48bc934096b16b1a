/**
 * Load generation for benchmarks: runs autocannon against one URL (after a short warm-up)
 * and reduces its result to the figures we report.
 */
import autocannon from 'autocannon';

export interface LoadFigures {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  /** Mean requests per second over the measured run. */
  reqPerSec: number;
  /** Latency percentiles in ms (autocannon records whole milliseconds). */
  p50: number;
  p99: number;
  max: number;
  /** Mean response bytes per second. */
  bytesPerSec: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Request headers sent with every request (e.g. Accept-Encoding, as browsers send it). */
  headers?: Record<string, string>;
}

/** Warms the route up, then measures it; fails loudly when any response was not 2xx. */
export async function measure(baseUrl: string, name: string, path: string, opts: LoadOptions): Promise<LoadFigures> {
  const url = baseUrl + path;
  const headers = opts.headers ?? {};
  if (opts.warmupSeconds > 0) await autocannon({ url, connections: opts.connections, duration: opts.warmupSeconds, headers });
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, timeout: 10, headers });
  const figures: LoadFigures = {
    name,
    path,
    connections: opts.connections,
    seconds: opts.seconds,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    bytesPerSec: r.throughput.average,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  if (figures.errors || figures.non2xx) {
    throw new Error(`${name} (${url}): ${r.errors} errors, ${r.timeouts} timeouts and ${figures.non2xx} non-2xx responses during the run`);
  }
  return figures;
}

export interface Target {
  name: string;
  path: string;
}

/** Figures of several rounds: medians of the rounds' req/s and percentiles, and each round's req/s. */
export interface RoundFigures extends LoadFigures {
  rounds: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measures the targets in interleaved rounds (A B C, A B C, …; each round `seconds / rounds`
 * long, warm-up before the first round only), so a burst of other work on a shared machine
 * lands on every target alike instead of on whichever ran at that moment. Reports the
 * median round per figure, the worst max, and the total requests.
 */
export async function measureInterleaved(baseUrl: string, targets: Target[], opts: LoadOptions & { rounds: number }, onRound?: (round: number) => void): Promise<RoundFigures[]> {
  const per: LoadFigures[][] = targets.map(() => []);
  const seconds = Math.max(1, Math.round(opts.seconds / opts.rounds));
  for (let round = 0; round < opts.rounds; round++) {
    onRound?.(round + 1);
    for (const [i, t] of targets.entries()) {
      per[i].push(await measure(baseUrl, t.name, t.path, { ...opts, seconds, warmupSeconds: round === 0 ? opts.warmupSeconds : 0 }));
    }
  }
  return per.map((runs, i) => ({
    ...runs[0],
    name: targets[i].name,
    path: targets[i].path,
    seconds: seconds * runs.length,
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    max: Math.max(...runs.map((r) => r.max)),
    bytesPerSec: median(runs.map((r) => r.bytesPerSec)),
    requests: runs.reduce((a, r) => a + r.requests, 0),
    rounds: runs.map((r) => Math.round(r.reqPerSec)),
  }));
}
