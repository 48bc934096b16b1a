// drizzle-kit configuration: one SQLite schema, SQL migrations in migrations/ (applied by the Node entry, drizzle-kit for Turso, wrangler for D1).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
