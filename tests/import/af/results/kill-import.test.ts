// A results import killed with kill -9 in the middle of its write transaction (some periods
// already sent to the database, not committed) leaves the database as it was: no rows, no run;
// the same file imports normally afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { testDb } from '../../../helpers/db';
import { AF_DATA_TABLES, AF_FIXTURES, RESULTS_2025, importFixture, rows, tableChecksums } from '../helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'valkollen-kill-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 during a results import', () => {
  it('writes nothing, and the file imports normally afterwards', async () => {
    const url = `file:${join(dir, 'import.db')}`;
    const t = await testDb(url);
    try {
      const tables = [...AF_DATA_TABLES, 'import_runs'];
      const before = await tableChecksums(t.client, tables);
      const runs = async () => (await rows(t.client, 'SELECT id, source, status FROM import_runs ORDER BY id'));
      const runsBefore = await runs();
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-import.child.ts'), url, join(AF_FIXTURES, RESULTS_2025)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('mid')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited (${code}) before the middle of its transaction: ${out}`)));
      });
      // The child is inside its write transaction: it holds the write lock.
      const probe = createClient({ url, timeout: 200 });
      await expect(probe.execute('BEGIN IMMEDIATE')).rejects.toThrow(/locked|busy/i);
      probe.close();
      child.kill('SIGKILL');
      await exited;

      expect(await tableChecksums(t.client, tables)).toEqual(before);
      const report = await importFixture(t.db, 'af-results', RESULTS_2025);
      expect(report.status).toBe('ok');
      expect(await runs()).toEqual([...runsBefore, { id: report.importRunId, source: 'af_results', status: 'ok' }]);
      expect(Number((await rows(t.client, 'SELECT count(*) AS n FROM contract_results'))[0].n)).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });
});
