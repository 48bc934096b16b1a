/**
 * A small in-memory cache of rendered public responses (directory pages and their JSON), so a
 * popular municipality page is rendered once per minute instead of on every request. Keys carry
 * the day of the neutral order, so the daily reshuffle is never served stale; entries expire after
 * PAGE_RENDER_CACHE_SECONDS (imports show up within that time). Only GET 200 responses marked
 * `Cache-Control: public` are kept. One cache per app instance (per Worker isolate on the edge).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { dayKey } from '../directory/ordering';

interface Entry {
  body: ArrayBuffer;
  headers: [string, string][];
  etag: string | null;
  expiresAt: number;
}

/** Largest body kept; bigger responses are served uncached. */
const MAX_BODY_BYTES = 512 * 1024;

/** Middleware with its own LRU store of at most `maxEntries` responses. */
export function renderCache(maxEntries = 500): MiddlewareHandler<AppEnv> {
  const store = new Map<string, Entry>();
  return async (c, next) => {
    const { clock, config } = c.get('deps');
    const ttlMs = config.PAGE_RENDER_CACHE_SECONDS * 1000;
    if (c.req.method !== 'GET' || ttlMs === 0) return next();
    const now = clock().getTime();
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const key = `${dayKey(clock(), config.ORDER_TIME_ZONE)}|${url.pathname}?${url.searchParams}`;
    const hit = store.get(key);
    if (hit && hit.expiresAt > now) {
      // Refresh recency: a Map iterates in insertion order, so re-inserting moves it to the end.
      store.delete(key);
      store.set(key, hit);
      if (hit.etag && c.req.header('if-none-match') === hit.etag) {
        return c.body(null, 304, { ETag: hit.etag, 'Cache-Control': hit.headers.find(([k]) => k === 'cache-control')?.[1] ?? '' });
      }
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || !(res.headers.get('cache-control') ?? '').includes('public')) return;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength > MAX_BODY_BYTES) return;
    const headers = [...res.headers.entries()].filter(([k]) => k !== 'x-request-id' && k !== 'set-cookie');
    store.set(key, { body, headers, etag: res.headers.get('etag'), expiresAt: now + ttlMs });
    while (store.size > maxEntries) store.delete(store.keys().next().value as string);
  };
}
