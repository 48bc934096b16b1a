/**
 * Argument parsing for `valkollen check`: options, defaults and usage text.
 */
import { SEVERITIES, type Severity } from '../compliance/types';

export interface CheckArgs {
  format: 'text' | 'json';
  lang: string;
  failOn: Severity;
  html: boolean;
  rulesDir?: string;
  files: string[];
}

export const USAGE = `usage: valkollen check [--format text|json] [--lang sv|en|…] [--fail-on low|medium|high|critical] [--html] [--rules DIR] FILE... | -

Checks marketing copy against the chapter 22 rules. FILE "-" reads standard input.
  --format   text (default) or json: [{"file": "...", "findings": [...]}]
  --lang     language of messages (default sv)
  --fail-on  exit 1 when a finding is at or above this severity (default low: any finding)
  --html     treat all inputs as HTML (default: by extension .html/.htm)
  --rules    load rules from this directory instead of the bundled rules
Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or input error.`;

/** Thrown for usage errors; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** Parses the arguments after `check`. */
export function parseCheckArgs(argv: string[]): CheckArgs {
  const args: CheckArgs = { format: 'text', lang: 'sv', failOn: 'low', html: false, files: [] };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const take = (name: string) => (inline !== undefined ? inline : value(i++, name));
    switch (a) {
      case '--format': {
        const v = take(a);
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        args.format = v;
        break;
      }
      case '--lang': {
        const v = take(a);
        if (!/^[a-z]{2,3}$/.test(v)) throw new UsageError(`--lang must be a language code like sv or en, not "${v}"`);
        args.lang = v;
        break;
      }
      case '--fail-on': {
        const v = take(a);
        if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${v}"`);
        args.failOn = v as Severity;
        break;
      }
      case '--rules':
        args.rulesDir = take(a);
        break;
      case '--html':
        args.html = true;
        break;
      default:
        if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) throw new UsageError(`unknown option ${a}`);
        args.files.push(a);
    }
  }
  if (args.files.length === 0) throw new UsageError('no input files (use - for standard input)');
  return args;
}
