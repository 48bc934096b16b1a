/**
 * robots.txt records kept in the database, so every tick and every Worker instance shares
 * one fetch per origin per day instead of asking the site again.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { robotsCache } from '../db/schema';
import type { RobotsCache, RobotsRecord } from './robots';

/** A RobotsCache over the robots_cache table (bodies are bounded by the robots service). */
export class DbRobotsCache implements RobotsCache {
  constructor(private readonly db: Db) {}

  async get(origin: string): Promise<RobotsRecord | undefined> {
    const [row] = await this.db.select().from(robotsCache).where(eq(robotsCache.origin, origin));
    if (!row) return undefined;
    try {
      return JSON.parse(row.record) as RobotsRecord;
    } catch {
      return undefined;
    }
  }

  async set(record: RobotsRecord): Promise<void> {
    const values = { record: JSON.stringify(record), expiresAt: new Date(record.expiresAt).toISOString() };
    await this.db.insert(robotsCache).values({ origin: record.origin, ...values }).onConflictDoUpdate({ target: robotsCache.origin, set: values });
  }
}
