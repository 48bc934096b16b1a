/**
 * Sitemaps: parse sitemap.xml / sitemap index files (cheerio/slim in XML mode, namespace prefixes
 * ignored) and plain-text sitemaps (one URL per line), and discover a site's page URLs by walking
 * the sitemaps robots.txt lists (or /sitemap.xml), within bounds: number of sitemap files, URLs,
 * index depth. Gzipped sitemaps (.xml.gz) are gunzipped by the fetcher in text mode. Only sitemap
 * files and page URLs on the same site are used.
 */
import * as cheerio from 'cheerio/slim';
import { normaliseUrl, sameSite, urlKey } from '../web/url-normalise';

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export interface ParsedSitemap {
  /** 'urlset' lists pages, 'index' lists more sitemaps, 'text' is a plain URL list. */
  type: 'urlset' | 'index' | 'text' | 'unknown';
  entries: SitemapEntry[];
  /** More entries than `maxEntries` were present. */
  truncated: boolean;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** Parses a sitemap or sitemap index (XML) or a text sitemap; at most `maxEntries` entries. */
export function parseSitemap(text: string, opts: { maxEntries?: number } = {}): ParsedSitemap {
  const max = opts.maxEntries ?? 50_000;
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('<')) {
    const urls = trimmed
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => /^https?:\/\//i.test(l));
    return { type: urls.length ? 'text' : 'unknown', entries: urls.slice(0, max).map((loc) => ({ loc })), truncated: urls.length > max };
  }
  const $ = cheerio.load(trimmed, { xml: true });
  const root = $.root().children().filter((_i, el) => el.type === 'tag').first();
  const rootName = root.length ? localName(root.prop('tagName') ?? '') : '';
  const type = rootName === 'urlset' ? 'urlset' : rootName === 'sitemapindex' ? 'index' : 'unknown';
  if (type === 'unknown') return { type, entries: [], truncated: false };
  const itemName = type === 'urlset' ? 'url' : 'sitemap';
  const entries: SitemapEntry[] = [];
  let truncated = false;
  root.children().each((_i, el) => {
    if (el.type !== 'tag' || localName(el.tagName) !== itemName) return;
    if (entries.length >= max) {
      truncated = true;
      return false;
    }
    let loc = '';
    let lastmod: string | undefined;
    $(el)
      .children()
      .each((_j, child) => {
        if (child.type !== 'tag') return;
        const n = localName(child.tagName);
        if (n === 'loc') loc = $(child).text().trim();
        else if (n === 'lastmod') lastmod = $(child).text().trim() || undefined;
      });
    if (loc) entries.push(lastmod ? { loc, lastmod } : { loc });
    return undefined;
  });
  return { type, entries, truncated };
}

/** The part of a fetcher sitemap discovery needs (a PageFetcher or the polite fetcher). */
export interface TextFetcher {
  fetch(
    url: string,
    opts?: { accept?: 'html' | 'text'; signal?: AbortSignal; maxBytes?: number },
  ): Promise<{ kind: string; url: string; text?: string; error?: string; status: number }>;
}

export interface SitemapDiscoveryOptions {
  fetcher: TextFetcher;
  /** Any URL of the site; page and sitemap URLs must be on the same site. */
  siteUrl: string;
  /** Sitemap URLs to start from (robots.txt's Sitemap lines); default `<origin>/sitemap.xml`. */
  sitemapUrls?: readonly string[];
  /** Sitemap files fetched at most. Default 20. */
  maxSitemaps?: number;
  /** Page URLs returned at most. Default 5000. */
  maxUrls?: number;
  /** Index levels followed (index → sitemap is 1). Default 2. */
  maxDepth?: number;
  /** Size cap per sitemap file (after gunzip). Default 10 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface SitemapDiscovery {
  /** Normalised same-site page URLs, de-duplicated, in sitemap order. */
  urls: SitemapEntry[];
  /** Sitemap files fetched successfully. */
  sitemaps: string[];
  /** Sitemap files that failed, with why. */
  errors: { url: string; error: string }[];
  /** URLs or sitemaps left out because of a cap. */
  truncated: boolean;
  /** Entries and sitemap files ignored because they are on another site. */
  offSite: number;
}

/** Walks the site's sitemaps (breadth first, bounded) and collects its page URLs. */
export async function discoverSitemapUrls(opts: SitemapDiscoveryOptions): Promise<SitemapDiscovery> {
  const maxSitemaps = opts.maxSitemaps ?? 20;
  const maxUrls = opts.maxUrls ?? 5000;
  const maxDepth = opts.maxDepth ?? 2;
  const start = opts.sitemapUrls?.length ? opts.sitemapUrls : [new URL('/sitemap.xml', opts.siteUrl).href];
  const out: SitemapDiscovery = { urls: [], sitemaps: [], errors: [], truncated: false, offSite: 0 };
  const seenPages = new Set<string>();
  const seenMaps = new Set<string>();
  const queue: { url: string; depth: number }[] = [];
  const enqueue = (raw: string, depth: number, base?: string) => {
    const n = normaliseUrl(raw, base);
    if (!n) return;
    if (!sameSite(n, opts.siteUrl)) {
      out.offSite++;
      return;
    }
    if (seenMaps.has(n)) return;
    seenMaps.add(n);
    queue.push({ url: n, depth });
  };
  start.forEach((u) => enqueue(u, 0));

  let fetched = 0;
  while (queue.length) {
    if (opts.signal?.aborted) break;
    if (fetched >= maxSitemaps || out.urls.length >= maxUrls) {
      out.truncated = true;
      break;
    }
    const { url, depth } = queue.shift()!;
    fetched++;
    const r = await opts.fetcher.fetch(url, { accept: 'text', signal: opts.signal, maxBytes: opts.maxBytes ?? 10 * 1024 * 1024 });
    if ((r.kind !== 'text' && r.kind !== 'html') || r.text === undefined) {
      out.errors.push({ url, error: r.error ?? `${r.kind} (HTTP ${r.status})` });
      continue;
    }
    const parsed = parseSitemap(r.text, { maxEntries: maxUrls * 2 });
    if (parsed.type === 'unknown') {
      out.errors.push({ url, error: 'not a sitemap' });
      continue;
    }
    out.sitemaps.push(url);
    if (parsed.truncated) out.truncated = true;
    if (parsed.type === 'index') {
      if (depth >= maxDepth) {
        out.truncated = true;
        continue;
      }
      parsed.entries.forEach((e) => enqueue(e.loc, depth + 1, r.url));
      continue;
    }
    for (const e of parsed.entries) {
      const n = normaliseUrl(e.loc, r.url);
      if (!n) continue;
      if (!sameSite(n, opts.siteUrl)) {
        out.offSite++;
        continue;
      }
      const key = urlKey(n)!;
      if (seenPages.has(key)) continue;
      if (out.urls.length >= maxUrls) {
        out.truncated = true;
        break;
      }
      seenPages.add(key);
      out.urls.push(e.lastmod ? { loc: n, lastmod: e.lastmod } : { loc: n });
    }
  }
  return out;
}
