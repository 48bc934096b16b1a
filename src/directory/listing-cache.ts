/**
 * The providers of a municipality on a day, kept in memory for PAGE_RENDER_CACHE_SECONDS: every
 * filter, sort order and page of a municipality (HTML and JSON) is cut from one database load, so a
 * job seeker clicking through filters pays for the rendering only. Concurrent requests share one
 * load; a failed load is not kept. One cache per app instance (per AppDeps), like the render cache;
 * imports show up within the same time. The lists are shared between requests: callers must not change them.
 */
import type { Db } from '../db/types';
import type { AppDeps } from '../http/env';
import { TtlLru } from '../lib/ttl-lru';
import { listProvidersForMunicipality, type ProviderListItem } from './provider-queries';

export interface ListingCache {
  /** listProvidersForMunicipality, answered from memory while fresh. */
  providers(db: Db, municipalityCode: string, today: string): Promise<ProviderListItem[]>;
}

/** With `ttlSeconds` 0 every call goes to the database. */
export function createListingCache(opts: { ttlSeconds: number; clock: () => Date; maxEntries?: number }): ListingCache {
  const ttlMs = opts.ttlSeconds * 1000;
  const store = new TtlLru<Promise<ProviderListItem[]>>(opts.maxEntries ?? 100);
  return {
    providers(db, code, today) {
      if (ttlMs === 0) return listProvidersForMunicipality(db, code, today);
      const key = `${code}|${today}`;
      const now = opts.clock().getTime();
      const hit = store.get(key, now);
      if (hit) return hit;
      const value = listProvidersForMunicipality(db, code, today);
      store.set(key, value, now + ttlMs);
      value.catch(() => store.delete(key, value));
      return value;
    },
  };
}

const perApp = new WeakMap<AppDeps, ListingCache>();

/** The listing cache of the app built with `deps` (created on first use; the HTML and JSON routes share it). */
export function listingCacheFor(deps: AppDeps): ListingCache {
  let cache = perApp.get(deps);
  if (!cache) {
    cache = createListingCache({ ttlSeconds: deps.config.PAGE_RENDER_CACHE_SECONDS, clock: deps.clock });
    perApp.set(deps, cache);
  }
  return cache;
}
