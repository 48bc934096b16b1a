// A crawl process killed with kill -9 in the middle of a run: the next tick closes its run as
// aborted with what it did, and every job it had claimed is crawled again once its lease expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { crawlJobs, crawlRuns, pageSnapshots } from '../../src/db/schema';
import { runCrawlTick } from '../../src/crawler/tick';
import { startHostileSite, type HostileSite } from '../helpers/hostile-site';
import { testDb } from '../helpers/db';
import { testCrawler } from '../helpers/crawl';

let site: HostileSite;
let dir: string;
beforeAll(async () => {
  site = await startHostileSite();
  dir = mkdtempSync(join(tmpdir(), 'valkollen-kill-'));
}, 60_000);
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 during a crawl', () => {
  it('marks the run aborted with its counts on the next tick, and loses no job', async () => {
    const url = `file:${join(dir, 'crawl.db')}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/crawl.ts', '--url', `${site.url}/`, '--format', 'json'], {
      env: {
        ...process.env, DATABASE_URL: url, CRAWL_ALLOW_HOSTS: '127.0.0.1', CRAWL_POLITENESS_FLOOR_MS: '0', CRAWL_TIMEOUT_MS: '3000',
        CRAWL_MAX_DEPTH: '1', CRAWL_MAX_PAGES_PER_SITE: '30', LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    const t = await testDb(url).catch(async () => {
      await sleep(2000);
      return testDb(url);
    });
    try {
      // Wait until the run has written a few pages (its counts go to the database as it goes).
      let seen = 0;
      for (let i = 0; i < 600 && seen < 3 && !exited; i++) {
        await sleep(200);
        try {
          const [run] = await t.db.select().from(crawlRuns).limit(1);
          seen = run?.pagesFetched ?? 0;
        } catch {
          /* busy: the crawler is writing */
        }
      }
      expect(exited).toBe(false);
      expect(seen).toBeGreaterThanOrEqual(3);
      child.kill('SIGKILL');
      while (!exited) await sleep(50);

      const [dead] = await t.db.select().from(crawlRuns);
      expect(dead.finishedAt).toBeNull();
      const claimed = await t.db.select().from(crawlJobs).where(eq(crawlJobs.leaseOwner, dead.owner));
      const [{ n: snapshots }] = await t.db.select({ n: sql<number>`count(*)` }).from(pageSnapshots).where(eq(pageSnapshots.crawlRunId, dead.id));

      expect(claimed.length).toBeGreaterThan(0);
      // The next tick, after the dead run's silence and its leases have run out.
      const later = () => new Date(Date.now() + 10 * 60_000);
      const crawler = testCrawler(t.db, { CRAWL_TIMEOUT_MS: '3000' });
      let next;
      try {
        next = await runCrawlTick({ ...crawler.deps, clock: later }, { trigger: 'cli', syncDirectory: false, settings: { budgetMs: 60_000, maxPages: 100, maxDepth: 1, maxPagesPerSite: 30 } });
      } finally {
        await crawler.close();
      }
      expect(next.abortedRuns).toEqual([dead.id]);
      const [closed] = await t.db.select().from(crawlRuns).where(eq(crawlRuns.id, dead.id));
      expect(closed.aborted).toBe(true);
      expect(closed.finishedAt).toBeTruthy();
      expect(closed.pagesFetched).toBeGreaterThanOrEqual(Math.max(seen, Number(snapshots)));
      expect(closed.notes).toMatch(/^aborted/);
      // No job lost: what the dead run held was crawled by the next tick.
      for (const job of claimed) {
        const [now] = await t.db.select().from(crawlJobs).where(eq(crawlJobs.id, job.id));
        expect(now.leaseOwner).toBeNull();
        expect(now.lastStatus).not.toBeNull();
        expect(now.lastFetchedAt).not.toBe(job.lastFetchedAt);
      }
      const stuck = await t.db.select().from(crawlJobs).where(eq(crawlJobs.leaseOwner, dead.owner));
      expect(stuck).toHaveLength(0);
    } finally {
      if (!exited) child.kill('SIGKILL');
      t.close();
    }
  }, 180_000);
});
