/**
 * Links on a fetched page: which same-site pages to follow next. Resolves `<a href>` / `<area
 * href>` against `<base href>` or the page URL, normalises them (`url-normalise.ts`), and sorts
 * them into pages to follow and links skipped with a reason: not a page (documents, images,
 * archives, media, feeds …), link traps (`link-traps.ts`), and — when asked — nofollow. mailto:,
 * tel:, javascript: and other non-http(s) links, and links to other sites, are dropped (counted).
 * Also reads the page's canonical link (accepted only on the same site) and its robots meta tag.
 *
 * nofollow: followed by default. rel="nofollow" and `<meta name="robots" content="nofollow">` are
 * hints about endorsement for search engines, not crawl prohibitions (robots.txt is that, and it
 * is honoured); campaign pages — exactly what compliance checks must see — are often linked with
 * nofollow. Pass `respectNofollow: true` to skip them instead.
 *
 * Read in one linear pass of the engine's HTML stream (compliance/html-stream.ts, with the
 * extractor's caps), not a DOM: 180,000 nested elements cost what 2 MB of ordinary HTML does.
 */
import { HTML_LIMITS } from '../compliance/extract-html';
import { streamHtml } from '../compliance/html-stream';
import { CRAWLER_TOKEN } from '../version';
import { linkTrapReason, type LinkTrapOptions, type LinkTrapReason } from './link-traps';
import { acceptCanonical, isHttpUrl, normaliseUrl, parseUrl, sameSite, urlKey, type NormaliseOptions } from './url-normalise';

/** File extensions of things that are not web pages. */
export const NON_PAGE_EXTENSIONS: ReadonlySet<string> = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv',
  'zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'exe', 'msi', 'dmg', 'apk', 'iso',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic', 'avif',
  'mp3', 'mp4', 'm4a', 'm4v', 'mov', 'avi', 'wmv', 'webm', 'ogg', 'ogv', 'wav', 'flac',
  'css', 'js', 'mjs', 'json', 'xml', 'rss', 'atom', 'ics', 'vcf', 'woff', 'woff2', 'ttf', 'otf', 'eot',
]);

export type LinkSkipReason = 'not_a_page' | 'nofollow' | LinkTrapReason;

export interface ExtractedLinks {
  /** Same-site page URLs to follow: normalised, de-duplicated by `urlKey`, document order, the page itself excluded. */
  pages: string[];
  /** Same-site links not followed, with why (each URL once). */
  skipped: { url: string; reason: LinkSkipReason }[];
  /** Links to other sites (not followed). */
  offSite: number;
  /** mailto:, tel:, javascript:, data: and other non-http(s) links, plus unparsable hrefs. */
  nonHttp: number;
  /** Accepted `<link rel="canonical">` (same site only), normalised; null if none. */
  canonical: string | null;
  /** `<meta name="robots">` (or name="valkollen") flags. */
  metaRobots: { noindex: boolean; nofollow: boolean };
}

export interface ExtractLinksOptions extends NormaliseOptions {
  /** Skip rel="nofollow" links and all links of pages with meta robots nofollow. Default false. */
  respectNofollow?: boolean;
  /** Link-trap heuristics settings (e.g. `now`). */
  traps?: LinkTrapOptions;
  /** Stop after this many links looked at. Default 2000. */
  maxLinks?: number;
}

/** True when the URL's path ends in a non-page file extension (see NON_PAGE_EXTENSIONS). */
export function isNonPageUrl(url: string | URL): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  const m = /\.([a-z0-9]{1,5})$/i.exec(u.pathname);
  return m !== null && NON_PAGE_EXTENSIONS.has(m[1].toLowerCase());
}

/** Extracts links from `html` fetched from `pageUrl` (the final URL after redirects). */
export function extractLinks(html: string, pageUrl: string, opts: ExtractLinksOptions = {}): ExtractedLinks {
  const max = opts.maxLinks ?? 2000;
  let baseHref: string | undefined;
  const metas: { name: string; content: string }[] = [];
  const canonicals: string[] = [];
  const anchors: { href: string; rel: string }[] = [];
  let looked = 0;
  streamHtml(
    html,
    {
      onopentag(name, a) {
        if (name === 'a' || name === 'area') {
          if (a.href !== undefined && looked++ < max) anchors.push({ href: a.href, rel: a.rel ?? '' });
        } else if (name === 'base') {
          if (baseHref === undefined && a.href !== undefined) baseHref = a.href;
        } else if (name === 'meta') {
          if (a.name !== undefined) metas.push({ name: a.name, content: a.content ?? '' });
        } else if (name === 'link' && a.rel !== undefined && a.href !== undefined) {
          if (a.rel.toLowerCase().split(/\s+/).includes('canonical')) canonicals.push(a.href);
        }
      },
      ontext() {},
      onclosetag() {},
    },
    HTML_LIMITS,
  );
  const base = (baseHref && parseUrl(baseHref, pageUrl)) || parseUrl(pageUrl);
  const out: ExtractedLinks = { pages: [], skipped: [], offSite: 0, nonHttp: 0, canonical: null, metaRobots: { noindex: false, nofollow: false } };
  if (!base) return out;

  for (const m of metas) {
    const name = m.name.toLowerCase();
    if (name !== 'robots' && name !== CRAWLER_TOKEN.toLowerCase()) continue;
    const content = m.content.toLowerCase();
    if (/\b(noindex|none)\b/.test(content)) out.metaRobots.noindex = true;
    if (/\b(nofollow|none)\b/.test(content)) out.metaRobots.nofollow = true;
  }
  for (const href of canonicals) {
    out.canonical = acceptCanonical(pageUrl, href, opts);
    if (out.canonical) break;
  }

  const seen = new Set<string>([urlKey(pageUrl, undefined, opts) ?? pageUrl]);
  const respectNofollow = opts.respectNofollow ?? false;
  for (const el of anchors) {
    const href = el.href.trim();
    if (href === '' || href.startsWith('#')) continue;
    const abs = parseUrl(href, base);
    if (!abs || !isHttpUrl(abs)) {
      out.nonHttp++;
      continue;
    }
    const n = normaliseUrl(abs, undefined, opts);
    if (!n) continue;
    if (!sameSite(n, pageUrl)) {
      out.offSite++;
      continue;
    }
    const key = urlKey(n, undefined, opts)!;
    if (seen.has(key)) continue;
    seen.add(key);
    const rels = el.rel.toLowerCase().split(/\s+/);
    let reason: LinkSkipReason | null = null;
    if (isNonPageUrl(n)) reason = 'not_a_page';
    else if (respectNofollow && (out.metaRobots.nofollow || rels.includes('nofollow'))) reason = 'nofollow';
    else reason = linkTrapReason(n, opts.traps);
    if (reason) out.skipped.push({ url: n, reason });
    else out.pages.push(n);
  }
  return out;
}
