/**
 * Settings for both runtimes, validated with zod. A bad setting stops start-up
 * with a message naming the setting (see `loadConfig`).
 */
import { z } from 'zod';
import { parseAllowEntry } from './lib/allow-entry';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** Comma-separated allow-list entries: `host`, `host:port`, an IP, `[v6]` or `[v6]:port`. */
const hostList = z
  .string()
  .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
  .superRefine((entries, ctx) => {
    for (const e of entries) {
      if (!parseAllowEntry(e)) ctx.addIssue({ code: 'custom', message: `"${e}" is not a host, IP, host:port or [IPv6]:port (port 1–65535)` });
    }
  });

/** An absolute http(s) URL (the AF sync's sources). */
const httpUrl = z
  .string()
  .url('must be an absolute URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http:// or https:// URL');

export const configSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:data/valkollen.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Public address; defaults to http://HOST:PORT. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Seed the fictional demo data set when the database has no providers yet. */
  SEED_DEMO: bool.default(true),
  /** Minutes between crawl ticks in the Node entry; 0 turns the local scheduler off. */
  CRAWL_INTERVAL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(15),
  /**
   * Host names or IPs the crawler (only the crawler) may fetch although they are private/loopback.
   * `host` allows every port of it, `host:port` only that port.
   */
  CRAWL_ALLOW_HOSTS: hostList.default([]),
  /**
   * The same for the check API's `url` source (POST /api/v1/check): off (empty) by default, so a
   * key holder can never make the service fetch its own or the private network's addresses.
   */
  CHECK_URL_ALLOW_HOSTS: hostList.default([]),
  /** Minimum milliseconds between two requests to one host (Crawl-delay may ask for more). */
  CRAWL_POLITENESS_FLOOR_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Requests at once to one host (default 1, the polite rule); raise only for hosts you own, e.g. benchmarks. */
  CRAWL_MAX_CONCURRENT_PER_HOST: z.coerce.number().int().min(1).max(16).default(1),
  /** Timeout of one page request, in milliseconds. */
  CRAWL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Largest page body read, in bytes. */
  CRAWL_MAX_PAGE_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(2_000_000),
  /** Wall-clock budget of one crawl tick, in seconds. */
  CRAWL_BUDGET_SECONDS: z.coerce.number().min(1).max(900).default(25),
  /** Pages fetched at most by one crawl tick. */
  CRAWL_PAGES_PER_TICK: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Link depth followed from a site's start page. */
  CRAWL_MAX_DEPTH: z.coerce.number().int().min(0).max(10).default(3),
  /** Pages known per site at most. */
  CRAWL_MAX_PAGES_PER_SITE: z.coerce.number().int().min(1).max(100_000).default(200),
  /** At first start, this value becomes the demo API key (so scripts can use it); otherwise one is generated and printed. */
  DEMO_API_KEY: z.string().regex(/^[\x21-\x7e]{16,200}$/, 'must be 16–200 printable ASCII characters without spaces').optional(),
  /** Self-check API requests per minute per key (a key may have its own limit). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Self-check web form submissions per minute per client IP. */
  FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /**
   * Node entry: worker threads that run self-checks off the event loop (0 = on the main thread).
   * Unset: one per CPU beyond the first, at most 4. Workers ignore it (each request has its own CPU).
   */
  CHECK_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  /** Self-checks in flight at once per API key and per client IP (API and form); more wait up to 2 s, then get 429 too_many_checks. */
  CHECKS_PER_CALLER: z.coerce.number().int().min(1).max(64).default(2),
  /** Longest the engine may run on a page fetched for a URL check (`{ "url" }`), in ms; other checks have 15 s. */
  CHECK_URL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Node: longest the engine may run on one crawled page (in a worker thread), in ms; the page is then recorded as analysis_timeout. */
  CRAWL_ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Seconds a rendered public page, and a municipality's provider list, are reused from memory (0 = from the database every request). */
  PAGE_RENDER_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Seconds public pages may be cached by browsers and shared caches. */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  /** Salt of the daily shuffle; changing it reshuffles every list. */
  ORDER_SALT: z.string().min(1).default('valkollen'),
  /** Time zone that decides when "today" starts for the daily order. */
  ORDER_TIME_ZONE: z.string().min(1).default('Europe/Stockholm'),
  /**
   * AF sync (off by default): AF's chooser list endpoint ("Sök leverantör", paged with `sida`),
   * fetched in full and imported as af-providers.
   */
  AF_CHOOSER_URL: httpUrl.optional(),
  /** AF sync: the page listing the rating and results workbooks (HTML links or AF's JSON listing). */
  AF_FILES_URL: httpUrl.optional(),
  /** Hours between two syncs started by the Worker's cron (the CLI always runs). */
  AF_SYNC_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 31).default(24),
  /** Timeout of one sync request (a page of the chooser list, the files page, one workbook), in milliseconds. */
  AF_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Largest body the sync reads (a workbook, one chooser page), in bytes. */
  AF_SYNC_MAX_BYTES: z.coerce.number().int().min(1024).max(200_000_000).default(25_000_000),
  /** Workbook links taken from the files page at most per sync (newest by the date in the name). */
  AF_SYNC_MAX_FILES: z.coerce.number().int().min(1).max(500).default(40),
  /** Days after which AF data counts as old: /healthz and the dashboard warn. */
  AF_DATA_MAX_AGE_DAYS: z.coerce.number().min(1).max(3650).default(70),
});

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_BASE_URL'> & { PUBLIC_BASE_URL: string };

/** Thrown when settings are invalid; `message` names every bad setting. */
export class ConfigError extends Error {
  constructor(public readonly issues: { setting: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.setting}: ${i.problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses settings from an environment-like record (process.env or Worker bindings).
 * Empty strings count as unset. Throws ConfigError naming each invalid setting.
 */
export function loadConfig(env: Record<string, unknown>): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (typeof v === 'string' && v !== '') input[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') input[key] = String(v);
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        setting: String(i.path[0] ?? '?'),
        problem: `${i.message} (got ${JSON.stringify(input[String(i.path[0])])})`,
      })),
    );
  }
  const data = parsed.data;
  return { ...data, PUBLIC_BASE_URL: (data.PUBLIC_BASE_URL ?? `http://${data.HOST}:${data.PORT}`).replace(/\/+$/, '') };
}
