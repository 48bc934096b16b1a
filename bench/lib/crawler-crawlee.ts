/**
 * Child process of the crawler benchmark: Crawlee's CheerioCrawler (@crawlee/cheerio) crawling the
 * fixture site — fetch, cheerio parse, visible text extracted (scripts and styles dropped,
 * whitespace collapsed), same-hostname links enqueued, robots.txt respected — with
 * BENCH_CONCURRENCY requests at once (min = max, so the autoscaler does not ramp up slowly).
 *
 * Crawlee's storage (request queue, key-value store) goes to BENCH_DIR (CRAWLEE_STORAGE_DIR, set by
 * the driver before Crawlee loads), with its default settings otherwise (persisted to disk, purged
 * on start). Crawlee 3 sends no telemetry; everything stays on 127.0.0.1.
 *
 * Env: SITE_URL, BENCH_DIR, BENCH_CONCURRENCY. Reports a `CrawlResult` over IPC.
 */
import { CheerioCrawler, Configuration, log, LogLevel } from '@crawlee/cheerio';
import { reportResult, startRssSampler } from './crawler-child.ts';

const siteUrl = process.env.SITE_URL!;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const stopRss = startRssSampler();
log.setLevel(LogLevel.ERROR);

let pages = 0;
let textChars = 0;
const config = new Configuration({ storageClientOptions: { localDataDirectory: process.env.BENCH_DIR }, purgeOnStart: true });
const crawler = new CheerioCrawler(
  {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestsPerCrawl: 100_000,
    maxRequestRetries: 2,
    respectRobotsTxtFile: true,
    async requestHandler({ $, enqueueLinks }) {
      $('script, style, noscript, template').remove();
      const text = $('body').text().replace(/\s+/g, ' ').trim();
      textChars += text.length;
      pages++;
      await enqueueLinks({ strategy: 'same-hostname' });
    },
    failedRequestHandler({ request }) {
      console.error('crawlee: failed', request.url);
    },
  },
  config,
);

const started = performance.now();
const stats = await crawler.run([`${siteUrl}/`]);
const seconds = (performance.now() - started) / 1000;
reportResult({ pages, seconds, peakRssMb: stopRss(), extra: { textChars, requestsFinished: stats.requestsFinished, requestsFailed: stats.requestsFailed } });
