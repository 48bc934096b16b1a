// Test projects: `node` (app.request against libsql, fixture servers on loopback, Chromium)
// and `worker` (the real Worker entry inside workerd via @cloudflare/vitest-pool-workers).
import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    test: {
      // Vitest's default (one worker fewer than cores) runs the files one by one on a 2-core machine,
      // though most of a browser or crawl test's time is spent waiting on Chromium or a socket.
      // Two at least: CI's suite went from 593 s to about 400 s.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      projects: [
        {
          test: {
            name: 'node',
            environment: 'node',
            include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
            exclude: ['tests/worker/**', 'node_modules/**'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, LOG_LEVEL: 'warn' },
                // The Queues fan-out producer, as when the optional binding is configured; the
                // tests hand batches to the consumer themselves (createMessageBatch).
                queueProducers: { CRAWL_QUEUE: 'valkollen-crawl' },
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['tests/worker/apply-migrations.ts'],
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
