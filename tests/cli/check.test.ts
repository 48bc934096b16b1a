// The `valkollen check` CLI, spawned as a real process: exit codes, JSON shape, stdin, errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'valkollen.mjs');
let dir: string;

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'valkollen-cli-'));
  writeFileSync(join(dir, 'bad.txt'), 'Intro.\nVälj oss och få ett presentkort på 500 kr!\n');
  writeFileSync(join(dir, 'ok.txt'), 'Vi hjälper dig med CV och intervjuträning.\n');
  writeFileSync(join(dir, 'medium.txt'), 'Vi är bäst i stan bland leverantörerna av Rusta och matcha.\n');
  writeFileSync(join(dir, 'page.html'), '<html><head><title>Jobbia</title></head><body><p>Rekommenderad av <b>Arbetsförmedlingen</b>.</p></body></html>');
  writeFileSync(join(dir, 'page.txt'), '<p>Rekommenderad av <b>Arbetsförmedlingen</b>.</p>');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
});

describe('valkollen check', () => {
  it('exits 1 with text output file:line:column severity rule message + context', () => {
    const r = run(['check', 'bad.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^bad\.txt:2:1 critical R22-INDUCEMENT Texten erbjuder/);
    expect(r.stdout.split('\n')[1]).toContain('Välj oss och få ett presentkort');
  });

  it('exits 0 when nothing is found and prints JSON [{file, findings, coverage}] that never says "compliant"', () => {
    const r = run(['check', '--format', 'json', 'ok.txt']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual([{ file: 'ok.txt', findings: [], coverage: expect.objectContaining({ rules: expect.any(Array), ruleLanguages: expect.arrayContaining(['sv', 'en']) }) }]);
    expect(out[0].coverage.rules).toHaveLength(19);
    expect(out[0].coverage.note).toMatch(/inte alla formuleringar/);
    const text = run(['check', '--lang', 'en', 'ok.txt']);
    expect(text.stdout).toMatch(/^ok\.txt: No findings\. That does not mean the copy complies: the check catches most but not all wordings/);
    expect(text.stdout).toMatch(/checked 19 rules \(vocabulary: sv, en/);
  });

  it('JSON findings carry the full shape, in the requested language', () => {
    const r = run(['check', '--format=json', '--lang', 'en', 'bad.txt', 'ok.txt']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { file: string }) => x.file)).toEqual(['bad.txt', 'ok.txt']);
    expect(Object.keys(out[0].findings[0]).sort()).toEqual(
      ['certainty', 'column', 'confidence', 'context', 'end', 'evidence', 'fingerprint', 'language', 'line', 'link', 'match', 'message', 'ruleId', 'rulesetVersion', 'severity', 'start', 'suggestion'].sort(),
    );
    expect(out[0].findings[0].message).toMatch(/^The copy offers/);
  });

  it('--fail-on decides the exit code by severity', () => {
    expect(run(['check', 'medium.txt']).code).toBe(1);
    expect(run(['check', '--fail-on', 'high', 'medium.txt']).code).toBe(0);
    expect(run(['check', '--fail-on', 'critical', 'bad.txt']).code).toBe(1);
  });

  it('reads standard input as "-"', () => {
    const r = run(['check', '--format', 'json', '-'], 'Välj oss och få ett presentkort!');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ file: '-', findings: [expect.objectContaining({ ruleId: 'R22-INDUCEMENT' })] });
  });

  it('detects HTML by extension or --html and reports offsets in the HTML source', () => {
    const html = JSON.parse(run(['check', '--format', 'json', 'page.html']).stdout)[0].findings[0];
    expect(html).toMatchObject({ ruleId: 'R22-ENDORSEMENT', match: 'Rekommenderad av Arbetsförmedlingen', line: 1 });
    const forced = JSON.parse(run(['check', '--format', 'json', '--html', 'page.txt']).stdout)[0].findings[0];
    expect(forced.match).toBe('Rekommenderad av Arbetsförmedlingen');
    const asText = JSON.parse(run(['check', '--format', 'json', 'page.txt']).stdout)[0].findings[0];
    expect(asText.match).toBe('Rekommenderad av <b>Arbetsförmedlingen');
  });

  it.each([
    [['check', 'missing.txt'], /missing\.txt: cannot read file/],
    [['check', 'binary.bin'], /binary\.bin: binary input/],
    [['check', 'big.txt'], /big\.txt: input is larger than 5 MB/],
    [['check'], /no input files/],
    [['check', '--format', 'xml', 'ok.txt'], /--format must be text or json/],
    [['check', '--fail-on', 'severe', 'ok.txt'], /--fail-on must be one of/],
    [['check', '--bogus', 'ok.txt'], /unknown option --bogus/],
    [['lint', 'ok.txt'], /unknown command "lint"/],
  ])('exits 2 with a one-line message: %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('can load rules from a directory (e.g. while editing them)', () => {
    const r = run(['check', '--rules', join(ROOT, 'rules'), 'bad.txt']);
    expect(r.code).toBe(1);
    const broken = mkdtempSync(join(tmpdir(), 'valkollen-rules-'));
    writeFileSync(join(broken, 'ruleset.yaml'), 'version: 1\n');
    const b = run(['check', '--rules', broken, 'bad.txt']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/invalid rules/);
  });
});
