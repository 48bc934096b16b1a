/**
 * Test helper: a fresh, migrated in-memory libsql database (schema + reference data:
 * municipalities, counties, postcodes, languages, 2020 pilot areas). About 100 ms.
 */
import type { Client } from '@libsql/client';
import { migrateNodeDatabase, openNodeDatabase } from '../../src/db/node-client';
import type { Db } from '../../src/db/types';

export interface TestDb {
  db: Db;
  client: Client;
  close(): void;
}

/** Opens a migrated database; `url` defaults to ':memory:' (pass 'file:…' for a file DB). */
export async function testDb(url = ':memory:'): Promise<TestDb> {
  const database = openNodeDatabase(url);
  await migrateNodeDatabase(database);
  return database;
}
