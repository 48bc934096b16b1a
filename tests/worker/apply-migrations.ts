// Worker test setup: apply the same SQL migrations (schema + reference data) to the test D1 database.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
