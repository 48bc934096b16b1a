/**
 * Node adapter for the crawler's fetcher: undici's fetch over an undici Agent whose socket lookup
 * runs the SSRF guard on the address actually being connected to. Checking the URL before the
 * request is not enough on its own: a host name can resolve to a public address for the check and
 * to 127.0.0.1 a moment later (DNS rebinding). The guarded lookup closes that gap; a refused
 * connection surfaces as a fetch error whose cause has code ERR_SSRF_BLOCKED, which the fetcher
 * reports as kind 'refused'.
 *
 * IP-literal hosts never reach the lookup; the fetcher's URL check covers them.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { nodeResolve } from './dns.node.ts';
import { createPageFetcher, type FetchFn, type PageFetcher, type PageFetcherOptions } from './fetcher';
import { checkAddress, isAllowListed } from './ssrf-guard';

/** The error a guarded lookup fails with (code ERR_SSRF_BLOCKED). */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_SSRF_BLOCKED';
  constructor(message: string) {
    super(message);
    this.name = 'SsrfBlockedError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** A dns.lookup-compatible function (the shape net.connect's `lookup` option takes). */
export type BaseLookup = (hostname: string, options: object, callback: LookupCallback) => void;

/**
 * Wraps a dns.lookup-style function so every address it returns is checked by the SSRF guard
 * (allow-listed host names and addresses pass). Works for both the single-address and the
 * `all: true` form that Node's happy-eyeballs connect uses.
 */
export function guardedLookup(allowHosts: readonly string[] = [], base: BaseLookup = dnsLookup as unknown as BaseLookup): LookupFunction {
  const lookup = (hostname: string, options: object, callback: LookupCallback) => {
    base(hostname, options, (err, address, family) => {
      if (err) return callback(err, address, family);
      // The port is not known here; the URL check before every request and redirect hop enforced it.
      if (!isAllowListed(hostname, allowHosts, 'any')) {
        const list = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
        for (const a of list) {
          const c = checkAddress(a.address, allowHosts, 'any');
          if (!c.ok) return callback(new SsrfBlockedError(`"${hostname}" resolved to a forbidden address: ${c.reason}`), address, family);
        }
      }
      callback(null, address, family);
    });
  };
  return lookup as unknown as LookupFunction;
}

export interface NodeFetchOptions {
  /** The allow-list of this fetch's purpose: CRAWL_ALLOW_HOSTS (crawler) or CHECK_URL_ALLOW_HOSTS (check API). */
  allowHosts?: readonly string[];
  /** Replaces dns.lookup (tests use it to simulate DNS answers without a network). */
  lookup?: BaseLookup;
  /** Socket connect timeout in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** Keep-alive connections per origin. Default 2 (politeness allows one request at a time per host anyway). */
  connectionsPerOrigin?: number;
}

export interface NodeFetch {
  /** fetch over the guarded Agent; give it to `createPageFetcher` (or as AppDeps.fetcher). */
  fetch: FetchFn;
  /** Closes the Agent's sockets. Call on shutdown and at the end of tests. */
  close(): Promise<void>;
}

/** Builds undici's fetch on an Agent with the SSRF-checked lookup. */
export function createNodeFetch(opts: NodeFetchOptions = {}): NodeFetch {
  const agent = new Agent({
    connections: opts.connectionsPerOrigin ?? 2,
    connect: { lookup: guardedLookup(opts.allowHosts ?? [], opts.lookup), timeout: opts.connectTimeoutMs ?? 10_000 },
  });
  const fetch: FetchFn = (input, init) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;
  return { fetch, close: () => agent.close() };
}

export interface NodePageFetcher extends PageFetcher {
  close(): Promise<void>;
}

/**
 * A ready-to-use `PageFetcher` for Node: the guarded undici fetch plus DNS resolution in the URL
 * check (`dns.node.ts`). `opts.fetch` and `opts.resolve` may be overridden (tests).
 */
export function createNodePageFetcher(
  opts: Omit<PageFetcherOptions, 'fetch'> & Partial<Pick<PageFetcherOptions, 'fetch'>> & Pick<NodeFetchOptions, 'lookup' | 'connectionsPerOrigin'>,
): NodePageFetcher {
  const node = createNodeFetch({ allowHosts: opts.allowHosts, lookup: opts.lookup, connectTimeoutMs: opts.timeoutMs, connectionsPerOrigin: opts.connectionsPerOrigin });
  const fetcher = createPageFetcher({ resolve: nodeResolve, ...opts, fetch: opts.fetch ?? node.fetch });
  return { fetch: fetcher.fetch, close: node.close };
}
