/**
 * Minimal type declarations for autocannon (CJS, ships no types), shaped like
 * @types/autocannon so that `autocannon.Options`/`autocannon.Result` and both the promise
 * and the callback style type-check for every bench script.
 */
declare module 'autocannon' {
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result> & { stop(): void };
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): { stop(): void };
  namespace autocannon {
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }
    interface Result {
      url: string;
      connections: number;
      duration: number;
      requests: Histogram & { sent: number };
      latency: Histogram;
      throughput: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      pipelining?: number;
      timeout?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
  }
  export = autocannon;
}
