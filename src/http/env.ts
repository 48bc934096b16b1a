/**
 * Hono environment typing shared by every router: the dependencies the app was built
 * with and per-request values set by middleware.
 */
import type { Compressor } from './compression';
import type { Config } from '../config';
import type { Db } from '../db/types';
import type { LogFn } from './logging';
import type { RenderCache } from './render-cache';
import type { CheckRunner } from '../runner/check-runner';

/** Everything the app needs from the outside; both runtime entries build one. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Current time; injected so tests can move the clock. */
  clock: () => Date;
  /** Outbound HTTP (undici in Node, fetch in Workers); used by the crawler and URL checks. */
  fetcher?: typeof fetch;
  /** Structured log sink; defaults to JSON lines on the console. */
  log?: LogFn;
  /** Where self-checks run (API and form): the Node entry's worker-thread pool; default this thread. */
  checkRunner?: CheckRunner;
  /** Response compressor (Node entry: zlib br/gzip); the render cache keeps compressed copies with it. */
  compressor?: Compressor;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    log: LogFn;
    requestId: string;
    /** The app's cache of rendered public responses (see render-cache.ts). */
    renderCache: RenderCache;
    /** Interface language of HTML pages. */
    locale: 'sv' | 'en';
  };
}
