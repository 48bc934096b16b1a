/**
 * `npm run db:migrate`: applies the SQL migrations in migrations/ to DATABASE_URL (an embedded
 * file, or a Turso database with DATABASE_AUTH_TOKEN) and exits. The Node entry does the same
 * on start; this is for deployments where the Worker serves and nothing runs `npm start`.
 */
import { ConfigError, loadConfig } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`db:migrate: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await migrateNodeDatabase(database);
    process.stdout.write(`migrations applied to ${config.DATABASE_URL.replace(/\?.*$/, '')}\n`);
  } finally {
    database.close();
  }
}

main().catch((err) => {
  process.stderr.write(`db:migrate: ${(err as Error)?.message ?? err}\n`);
  process.exit(1);
});
