// Two first starts on one new database file at once: both wait for each other and succeed, and
// every migration is applied exactly once (the journal has one row per migration file).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { MIGRATIONS_DIR, migrateNodeDatabase, openNodeDatabase } from '../../src/db/node-client';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const journalEntries = () => (JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

/** The migration journal and a reference-data count of the database file, read by a fresh client. */
async function stateOf(url: string) {
  const c = createClient({ url });
  try {
    const applied = Number((await c.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0].n);
    const distinct = Number((await c.execute('SELECT count(DISTINCT hash) AS n FROM __drizzle_migrations')).rows[0].n);
    const municipalities = Number((await c.execute('SELECT count(*) AS n FROM municipalities')).rows[0].n);
    return { applied, distinct, municipalities };
  } finally {
    c.close();
  }
}

/** A process that opens `url`, waits until `startAt` (epoch ms) and migrates it. */
function runMigrate(url: string, startAt: number, mode: 'migrate' | 'start' = 'migrate'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/db/migrate-at.script.ts'], { env: { ...process.env, DATABASE_URL: url, START_AT: String(startAt), MODE: mode } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('concurrent first migrations of one new database file', () => {
  it('two clients migrating at once both succeed, with the schema applied once', async () => {
    const url = `file:${join(dir, 'two-clients.db')}`;
    const a = openNodeDatabase(url);
    const b = openNodeDatabase(url);
    try {
      await Promise.all([migrateNodeDatabase(a), migrateNodeDatabase(b)]);
    } finally {
      a.close();
      b.close();
    }
    expect(await stateOf(url)).toEqual({ applied: journalEntries(), distinct: journalEntries(), municipalities: 290 });
  });

  it('three processes migrating at the same instant all succeed, with the schema applied once', async () => {
    const url = `file:${join(dir, 'processes.db')}`;
    // Time for the processes to start (tsx, libsql) before the common instant; slow machines take long.
    const startAt = Date.now() + 15_000;
    const runs = await Promise.all([runMigrate(url, startAt), runMigrate(url, startAt), runMigrate(url, startAt)]);
    for (const r of runs) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'done\n', stderr: '' });
    expect(await stateOf(url)).toEqual({ applied: journalEntries(), distinct: journalEntries(), municipalities: 290 });
  }, 120_000);

  it('two whole first starts (migrate, demo data, demo accounts) at the same instant both succeed and seed once', async () => {
    const url = `file:${join(dir, 'starts.db')}`;
    const startAt = Date.now() + 15_000;
    const runs = await Promise.all([runMigrate(url, startAt, 'start'), runMigrate(url, startAt, 'start')]);
    for (const r of runs) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'done\n', stderr: '' });
    const c = createClient({ url });
    try {
      const one = async (q: string) => Number((await c.execute(q)).rows[0].n);
      expect(await one('SELECT count(*) AS n FROM users')).toBe(1);
      expect(await one(`SELECT count(*) AS n FROM api_keys WHERE created_by = 'demo'`)).toBe(1);
      // One reference-data run (migration) and one demo-data run.
      expect(await one('SELECT count(*) AS n FROM import_runs')).toBe(2);
      expect(await one('SELECT count(*) AS n FROM providers')).toBe(await one('SELECT count(DISTINCT orgnr) AS n FROM providers'));
    } finally {
      c.close();
    }
  }, 120_000);
});
