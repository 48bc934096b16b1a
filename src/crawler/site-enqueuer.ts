/**
 * Grows a site's frontier from what a tick finds on its pages (links, sitemaps, canonical URLs),
 * within the site's page cap and the depth limit. Runtime-neutral.
 */
import type { Db } from '../db/types';
import type { CrawlSettings } from './crawl-settings';
import { countSiteJobs, enqueueJobs, knownJobUrls } from './frontier';
import { urlKey } from '../web/url-normalise';

/** Adds a site's URLs found at `depth`; resolves once they are written (or left out). */
export type SiteEnqueuer = (siteId: number, urls: string[], depth: number, via: 'link' | 'sitemap' | 'canonical') => Promise<void>;

/**
 * Creates one tick's enqueuer. Only URLs not yet known are written (most links of a page are);
 * calls run one at a time so concurrent pages cannot overshoot the cap together.
 */
export function createSiteEnqueuer(db: Db, limits: Pick<CrawlSettings, 'maxDepth' | 'maxPagesPerSite'>, nowMs: () => number): SiteEnqueuer {
  let chain: Promise<unknown> = Promise.resolve();
  return (siteId, urls, depth, via) => {
    if (depth > limits.maxDepth || !urls.length) return Promise.resolve();
    const run = chain.then(async () => {
      const keys = [...new Set(urls.map((u) => urlKey(u)).filter((u): u is string => u !== null))];
      const known = await knownJobUrls(db, siteId, keys);
      const fresh = keys.filter((k) => !known.has(k));
      if (!fresh.length) return;
      const room = limits.maxPagesPerSite - (await countSiteJobs(db, siteId));
      if (room <= 0) return;
      await enqueueJobs(db, siteId, fresh.slice(0, room).map((url) => ({ url, depth, via })), new Date(nowMs()).toISOString());
    });
    chain = run.catch(() => {});
    return run;
  };
}
