import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db';
import { addTestAreas } from '../import/areas';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/import');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // node with tsx's loader, not npx: seven npx launches at once under CI load once lost a run's output.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run import (src/cli/import.ts)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'valkollen-import-'));
    const url = `file:${join(dir, 'cli.db')}`;
    const t = await testDb(url);
    await addTestAreas(t.client);
    t.close();
    env = { DATABASE_URL: url };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and prints a human report for a valid file, then 0 with "unchanged"', async () => {
    const first = await cli([join(FIXTURES, 'valid.csv')], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/valid\.csv: OK/);
    expect(first.stdout).toMatch(/created 12/);
    expect(first.stdout).toMatch(/line 15: 99999 Ingenstans/);
    const again = await cli([join(FIXTURES, 'valid.csv'), '--format', 'json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged', created: 0, unchanged: 12 });
  });

  it('exits 1 on bad rows (listing line and field) and 2 on usage errors or unreadable files', async () => {
    await writeFile(join(dir, 'x.csv'), 'x');
    const [text, json, none, missing, kind, format, flag] = await Promise.all([
      cli([join(FIXTURES, 'unknown-area.csv')], env),
      cli([join(FIXTURES, 'duplicate-ka.csv'), '--format', 'json'], env),
      cli([], env),
      cli([join(dir, 'nope.csv')], env),
      cli([join(FIXTURES, 'valid.csv'), '--kind', 'af-bogus'], env),
      cli([join(FIXTURES, 'valid.csv'), '--format', 'xml'], env),
      cli([join(dir, 'x.csv'), '--bogus'], env),
    ]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout, text.stderr).toMatch(/line 3, delivery_area: unknown delivery area "Atlantis Syd"/);
    expect(json.code, json.stderr).toBe(1);
    expect(JSON.parse(json.stdout).errors).toContainEqual(expect.objectContaining({ line: 4, field: 'ka_number' }));
    expect(none.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/unknown --kind "af-bogus"/);
    expect(format.code).toBe(2);
    expect(flag.code).toBe(2);
  });
});
