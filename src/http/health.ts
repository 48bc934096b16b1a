/** GET /healthz: liveness plus a database round trip, for load balancers and uptime checks. */
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv } from './env';

/** Router with /healthz. 200 when the database answers, 503 otherwise. */
export function healthRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/healthz', async (c) => {
    const { db, clock } = c.get('deps');
    try {
      await db.run(sql`select 1`);
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok', time: clock().toISOString() });
    } catch (err) {
      c.get('log')('error', 'health check failed', { error: String(err) });
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });
  return r;
}
