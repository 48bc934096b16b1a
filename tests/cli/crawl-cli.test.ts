import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

let site: FixtureSite;
let dir: string;

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/crawl.ts', ...args], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, 'crawl.db')}`, CRAWL_ALLOW_HOSTS: '127.0.0.1', CRAWL_POLITENESS_FLOOR_MS: '0', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), 'valkollen-crawl-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run crawl', () => {
  it('crawls an ad-hoc URL and prints one JSON object with pages, findings and run counts', async () => {
    const r = await runCli(['--url', `${site.url}/kampanj-latin1`, '--format', 'json', '--max-pages', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.run).toMatchObject({ pagesFetched: expect.any(Number), findingsNew: expect.any(Number), partial: expect.any(Boolean) });
    const page = out.pages.find((p: any) => p.url.endsWith('/kampanj-latin1'));
    expect(page).toMatchObject({ status: 'ok' });
    expect(page.findings.length).toBeGreaterThan(0);
    expect(page.findings[0]).toMatchObject({ ruleId: expect.stringMatching(/^R22-/), severity: expect.any(String), fingerprint: expect.any(String), line: expect.any(Number) });
    expect(page.findings.map((f: any) => f.context).join(' ')).toContain('presentkort');
  });
  it('prints a readable summary by default', async () => {
    const r = await runCli(['--url', `${site.url}/kontakt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Crawl run \d+: \d+ pages checked/);
  });
  it('rejects bad arguments with exit 2 and a one-line reason', async () => {
    const cases = [['--provider', 'abc'], ['--format', 'xml'], ['--url', 'file:///etc/passwd'], ['--url', 'http://10.0.0.1/'], ['--bogus']];
    const results = await Promise.all(cases.map((args) => runCli(args)));
    results.forEach((r, i) => {
      expect({ args: cases[i], code: r.code }).toEqual({ args: cases[i], code: 2 });
      expect(r.stderr).toMatch(/^crawl: /);
    });
  });
});
