/**
 * GET /healthz: liveness plus a database round trip, for load balancers and uptime checks, and the
 * age of the directory's data (per source, against AF_DATA_MAX_AGE_DAYS) and of the AF sync, so a
 * monitor can warn when AF's files stop arriving. Stale data is reported, not a failure: the
 * service still answers (503 is only for an unreachable database).
 */
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../http/env';
import { loadDataAge } from './data-age';

/** Router with /healthz. 200 when the database answers, 503 otherwise. */
export function healthRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/healthz', async (c) => {
    const { db, clock, config } = c.get('deps');
    try {
      await db.run(sql`select 1`);
      const now = clock();
      const age = await loadDataAge(db, now, config.AF_DATA_MAX_AGE_DAYS, !!(config.AF_CHOOSER_URL || config.AF_FILES_URL));
      c.header('Cache-Control', 'no-store');
      return c.json({
        status: 'ok',
        time: now.toISOString(),
        data: {
          stale: age.stale,
          maxAgeDays: age.maxAgeDays,
          sources: Object.fromEntries(age.sources.map((s) => [s.source, { dataAsOf: s.dataAsOf, importedAt: s.importedAt, ageDays: s.ageDays, stale: s.stale }])),
        },
        // Counts only: the sources' URLs and errors are for officers (the dashboard), not the public.
        sync: { configured: age.sync.configured, lastCheckedAt: age.sync.lastCheckedAt, sources: age.sync.sources, failing: age.sync.failing.length },
      });
    } catch (err) {
      c.get('log')('error', 'health check failed', { error: String(err) });
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });
  return r;
}
