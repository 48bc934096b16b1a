/**
 * Test helper: the app over a migrated in-memory database with a fixed clock and
 * silent logs. Pass `seed` to fill the database before requests, `dbUrl` ('file:…') for a file database.
 */
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Db } from '../../src/db/types';
import { testDb, type TestDb } from './db';

export interface TestApp extends TestDb {
  app: ReturnType<typeof createApp>;
  config: Config;
  now: { value: Date };
}

/** Builds the app; `now.value` can be changed to move the clock. */
export async function testApp(opts: { seed?: (db: Db) => Promise<void>; env?: Record<string, string>; now?: Date; dbUrl?: string } = {}): Promise<TestApp> {
  const database = await testDb(opts.dbUrl);
  if (opts.seed) await opts.seed(database.db);
  // Rendered pages are not reused by default so tests that change data see it at once.
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', PAGE_RENDER_CACHE_SECONDS: '0', ...opts.env });
  const now = { value: opts.now ?? new Date('2026-11-23T10:00:00Z') };
  const app = createApp({ db: database.db, config, clock: () => now.value, log: () => {} });
  return { ...database, app, config, now };
}
