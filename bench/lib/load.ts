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
}

/** Warms the route up, then measures it; fails loudly when any response was not 2xx. */
export async function measure(baseUrl: string, name: string, path: string, opts: LoadOptions): Promise<LoadFigures> {
  const url = baseUrl + path;
  if (opts.warmupSeconds > 0) await autocannon({ url, connections: opts.connections, duration: opts.warmupSeconds });
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, timeout: 10 });
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
