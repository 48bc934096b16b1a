/**
 * `valkollen check`: runs the chapter 22 rule engine over files or standard input and prints
 * findings as text or JSON. Exit 0 = nothing at or above --fail-on, 1 = findings, 2 = usage or input
 * error (one line on stderr). Node only (reads files).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCheckJob } from '../runner/check-runner';
import { checkCoverage, defaultRuleset, loadRuleset, RulesetError, severityRank, type Coverage, type Finding, type Ruleset } from '../compliance/index';
import { parseCheckArgs, USAGE, UsageError, type CheckArgs } from './check-args';

/** Largest accepted input per file. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
}

class InputError extends Error {}

async function readStdinLimited(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new InputError(`-: input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const nodeIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: readStdinLimited,
};

/** Decodes input as UTF-8, rejecting binary data (NUL bytes or invalid UTF-8) and oversized input. */
export function decodeInput(name: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name}: input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`${name}: binary input (NUL bytes) is not supported`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name}: input is not valid UTF-8 text`);
  }
}

async function loadInput(file: string, io: CliIO): Promise<string> {
  if (file === '-') return decodeInput('-', await io.readStdin());
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${file}: cannot read file (${code})`);
  }
  return decodeInput(file, bytes);
}

async function rulesetFrom(dir: string | undefined): Promise<Ruleset> {
  if (!dir) return defaultRuleset();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml'));
  } catch {
    throw new InputError(`${dir}: cannot read rules directory`);
  }
  const files = await Promise.all(names.map(async (n) => ({ path: join(dir, n), text: await readFile(join(dir, n), 'utf8') })));
  return loadRuleset(files, { strict: true });
}

function formatText(file: string, findings: Finding[], coverage: Coverage): string {
  if (findings.length === 0) {
    const input = coverage.inputLanguages.filter((l) => l !== 'und').join(', ') || '–';
    return `${file}: ${coverage.note}\n    checked ${coverage.rules.length} rules (vocabulary: ${coverage.ruleLanguages.join(', ')}; read as: ${input})\n`;
  }
  return findings
    .map((f) => {
      const possible = f.certainty === 'possible' ? ` (possible: ${(f.possibleReason ?? 'model_only').replace('_', ' ')}, confidence ${f.confidence.toFixed(2)})` : '';
      return `${file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}${possible} ${f.message}\n    ${f.context}\n`;
    })
    .join('');
}

/** Runs the CLI with the given arguments (without `node` and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  let args: CheckArgs;
  try {
    if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (try: valkollen check FILE)` : 'missing command (try: valkollen check FILE)');
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    args = parseCheckArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`valkollen: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const ruleset = await rulesetFrom(args.rulesDir);
    const results: { file: string; findings: Finding[]; coverage: Coverage; truncated?: string[] }[] = [];
    for (const file of args.files) {
      const input = await loadInput(file, io);
      const html = args.html || /\.html?$/i.test(file);
      const { findings, truncated, languages } = runCheckJob({ input, isHtml: html, opts: { lang: args.lang } }, ruleset);
      const coverage = checkCoverage(ruleset, { lang: args.lang, count: findings.length, inputLanguages: languages });
      // A file that hit a cap on hostile HTML says so (JSON: "truncated"; text: a note on stderr).
      results.push(truncated ? { file, findings, coverage, truncated } : { file, findings, coverage });
      if (truncated && args.format !== 'json') io.stderr(`valkollen: ${file}: read only in part (${truncated.join(', ')} cap reached)\n`);
    }
    if (args.format === 'json') io.stdout(JSON.stringify(results, null, 2) + '\n');
    else for (const r of results) io.stdout(formatText(r.file, r.findings, r.coverage));
    const min = severityRank(args.failOn);
    return results.some((r) => r.findings.some((f) => severityRank(f.severity) >= min)) ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`valkollen: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RulesetError) {
      const first = e.issues[0];
      io.stderr(`valkollen: invalid rules (${e.issues.length} problems), first: ${first.file}${first.ruleId ? ` [${first.ruleId}]` : ''} ${first.field}: ${first.message}\n`);
      return 2;
    }
    throw e;
  }
}
