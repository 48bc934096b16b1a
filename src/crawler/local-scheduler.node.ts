/**
 * Node-only: runs the crawl tick on an interval in the single-machine mode (the Worker uses
 * cron triggers instead). A tick never overlaps the previous one in this process.
 */
import type { LogFn } from '../http/logging';

/** Starts the interval; returns a function that stops it. `minutes` 0 = off. */
export function startCrawlInterval(minutes: number, tick: () => Promise<unknown>, log: LogFn): () => void {
  if (minutes <= 0) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await tick();
      log('info', 'crawl tick done', { result });
    } catch (err) {
      log('error', 'crawl tick failed', { error: String((err as Error)?.stack ?? err) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  // The first tick shortly after start, so a fresh install shows crawl activity soon.
  const first = setTimeout(run, 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
