// The API and the CLI (`valkollen check --format json`) return identical findings for the same input.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestApp, flagExample, type ApiTestApp } from './api-helpers';

const run = promisify(execFile);
const BIN = resolve(__dirname, '../../bin/valkollen.mjs');
const PAGE = resolve(__dirname, '../fixtures/copy/pages/klivet-valj-oss.html');

let t: ApiTestApp;
let dir: string;
beforeAll(async () => {
  t = await apiTestApp();
  dir = mkdtempSync(join(tmpdir(), 'valkollen-parity-'));
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI; exit code 1 (findings) is a normal outcome. */
async function cli(files: string[], lang: string): Promise<{ file: string; findings: unknown[] }[]> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'check', '--format', 'json', '--lang', lang, ...files], { timeout: 60_000 });
    return JSON.parse(stdout);
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (err.code === 1 && err.stdout) return JSON.parse(err.stdout);
    throw new Error(`CLI failed (${err.code}): ${err.stderr}`);
  }
}

describe('API and CLI parity', () => {
  it('same findings for plain text and for a provider page (HTML), one CLI run over both files', async () => {
    const { text } = await flagExample(t.app);
    const input = `Rubrik\n\n${text}\nVi är bäst i Sverige och ger dig ett presentkort.\n`;
    const file = join(dir, 'copy.txt');
    writeFileSync(file, input);
    const html = readFileSync(PAGE, 'utf8');
    const [fromCliText, fromCliHtml] = await cli([file, PAGE], 'sv');
    expect(fromCliText.file).toBe(file);

    const textApi = await t.check({ text: input });
    expect(textApi.status).toBe(200);
    expect(textApi.body.findings.length).toBeGreaterThan(0);
    expect(textApi.body.findings).toEqual(fromCliText.findings);

    const htmlApi = await t.check({ html });
    expect(htmlApi.status).toBe(200);
    expect(htmlApi.body.findings.length).toBeGreaterThan(0);
    expect(htmlApi.body.findings).toEqual(fromCliHtml.findings);
  });
});
