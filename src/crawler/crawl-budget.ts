/**
 * Crawl caps for one site in one crawl round, as a small in-memory helper for the frontier: pages
 * admitted at most, link depth at most, and at most N URLs per URL pattern (digits masked, query
 * values dropped), which stops the traps the link-trap heuristics miss — "/kalender/2026/11",
 * "/kalender/2026/12", … are one pattern. It only decides; storing the queue is the frontier's job.
 */
import { urlKey } from '../web/url-normalise';

export interface CrawlBudgetOptions {
  /** Pages admitted at most (start URLs included). */
  maxPages: number;
  /** Link depth at most (start URLs are depth 0). */
  maxDepth: number;
  /** URLs per pattern at most. Default 25. */
  maxPerPattern?: number;
}

export type AdmitResult = { ok: true; key: string } | { ok: false; reason: 'invalid' | 'seen' | 'max_pages' | 'max_depth' | 'pattern_cap' };

/**
 * The pattern of a URL: host, path with every run of digits replaced by "#", and the sorted query
 * parameter names without values. "/kalender/2026/11?vy=vecka" → "host/kalender/#/#?vy".
 */
export function urlPattern(url: string): string {
  const u = new URL(url);
  const names = [...new Set(u.search.slice(1).split('&').filter(Boolean).map((p) => p.split('=', 1)[0]))].sort();
  return u.host + u.pathname.replace(/\d+/g, '#').replace(/\/+$/, '') + (names.length ? '?' + names.join('&') : '');
}

/** Tracks what one crawl round has admitted and refuses what would break its caps. */
export class CrawlBudget {
  private readonly seen = new Set<string>();
  private readonly patterns = new Map<string, number>();
  private readonly maxPerPattern: number;

  constructor(private readonly opts: CrawlBudgetOptions) {
    this.maxPerPattern = opts.maxPerPattern ?? 25;
  }

  /** Pages admitted so far. */
  get admitted(): number {
    return this.seen.size;
  }

  /** True when no further page can be admitted. */
  get full(): boolean {
    return this.seen.size >= this.opts.maxPages;
  }

  /** Marks a URL as already known (e.g. queued earlier); it counts against maxPages, not the pattern cap. */
  markSeen(url: string): void {
    const key = urlKey(url);
    if (key) this.seen.add(key);
  }

  /** Admits `url` found at link depth `depth`, or says why not. Admitted URLs count against every cap. */
  admit(url: string, depth: number): AdmitResult {
    const key = urlKey(url);
    if (!key) return { ok: false, reason: 'invalid' };
    if (this.seen.has(key)) return { ok: false, reason: 'seen' };
    if (depth > this.opts.maxDepth) return { ok: false, reason: 'max_depth' };
    if (this.seen.size >= this.opts.maxPages) return { ok: false, reason: 'max_pages' };
    const pattern = urlPattern(key);
    const n = this.patterns.get(pattern) ?? 0;
    if (n >= this.maxPerPattern) return { ok: false, reason: 'pattern_cap' };
    this.patterns.set(pattern, n + 1);
    this.seen.add(key);
    return { ok: true, key };
  }
}
