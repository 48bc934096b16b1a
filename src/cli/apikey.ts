/**
 * Node CLI for API keys of the self-check API (database from DATABASE_URL, as the app):
 *   npm run apikey -- create --provider <orgnr> [--label TEXT] [--rate-limit N]
 *   npm run apikey -- create --no-provider --label TEXT [--rate-limit N]
 *   npm run apikey -- revoke <prefix or id>
 *   npm run apikey -- list [--json]
 * The full key is printed once, at creation; only its SHA-256 hash is stored.
 * Exit codes: 0 ok, 1 not found / refused, 2 usage.
 */
import { runWithDatabase } from './run-with-database';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../api/api-keys';
import { providers } from '../db/schema';
import type { Db } from '../db/types';
import { formatOrgnr, maskOrgnr, normaliseOrgnr } from '../lib/orgnr';

export const USAGE = `usage:
  npm run apikey -- create --provider <orgnr> [--label TEXT] [--rate-limit N]
  npm run apikey -- create --no-provider --label TEXT [--rate-limit N]
  npm run apikey -- revoke <prefix or id>
  npm run apikey -- list [--json]`;

export interface CommandResult {
  code: number;
  out: string;
  err: string;
}

const ok = (out: string): CommandResult => ({ code: 0, out, err: '' });
const fail = (code: number, err: string): CommandResult => ({ code, out: '', err });

function orgnrLabel(k: ApiKeyInfo): string {
  if (!k.providerOrgnr) return '–';
  try {
    return k.providerIsSoleTrader ? maskOrgnr(k.providerOrgnr) : formatOrgnr(k.providerOrgnr);
  } catch {
    return k.providerOrgnr;
  }
}

function formatList(keys: ApiKeyInfo[]): string {
  if (keys.length === 0) return 'No API keys.\n';
  const rows = keys.map((k) => [
    String(k.id),
    k.prefix + '…',
    k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
    k.providerName ? `${k.providerName} (${orgnrLabel(k)})` : '–',
    k.label,
    k.createdAt,
    k.lastUsedAt ?? 'never',
    k.rateLimitPerMinute ? `${k.rateLimitPerMinute}/min` : 'default',
  ]);
  const head = ['id', 'prefix', 'status', 'provider', 'label', 'created', 'last used', 'limit'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** Runs one CLI command against `db`; returns the exit code and output instead of exiting. */
export async function runApiKeyCommand(db: Db, argv: string[], now: Date): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        provider: { type: 'string' },
        'no-provider': { type: 'boolean' },
        label: { type: 'string' },
        'rate-limit': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(2, `${(e as Error).message}\n${USAGE}\n`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) return values.help ? ok(`${USAGE}\n`) : fail(2, `give a command\n${USAGE}\n`);

  if (command === 'create') {
    if (rest.length) return fail(2, `unexpected argument "${rest[0]}"\n${USAGE}\n`);
    let rateLimit: number | null = null;
    if (values['rate-limit'] !== undefined) {
      rateLimit = Number(values['rate-limit']);
      if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > 1_000_000) return fail(2, '--rate-limit must be a whole number of requests per minute (1–1000000)\n');
    }
    let providerId: number | null = null;
    let label = values.label?.trim();
    if (values.provider !== undefined) {
      const digits = normaliseOrgnr(values.provider);
      if (!digits) return fail(2, `"${values.provider}" is not a valid organisation number\n`);
      const [p] = await db.select({ id: providers.id, name: providers.displayName }).from(providers).where(eq(providers.orgnr, digits)).limit(1);
      if (!p) return fail(1, `no provider with organisation number ${values.provider} in the directory\n`);
      providerId = p.id;
      label ||= p.name;
    } else if (!values['no-provider']) {
      return fail(2, `create needs --provider <orgnr> (or --no-provider with --label)\n${USAGE}\n`);
    }
    if (!label) return fail(2, 'give --label for a key without a provider\n');
    const created = await createApiKey(db, { label, providerId, createdBy: 'cli', now, rateLimitPerMinute: rateLimit });
    return ok(
      `Created API key #${created.id} (${created.prefix}…) for ${label}.\n` +
        `The key is shown only this once; store it now:\n\n  ${created.key}\n\n` +
        `Use it as: Authorization: Bearer ${created.key}\n`,
    );
  }

  if (command === 'revoke') {
    if (rest.length !== 1) return fail(2, `revoke needs one key prefix or id\n${USAGE}\n`);
    try {
      const k = await revokeApiKey(db, rest[0], now);
      return ok(`Revoked API key #${k.id} (${k.prefix}…, ${k.label}) at ${k.revokedAt}. It stops working at once.\n`);
    } catch (e) {
      return fail(1, `${(e as Error).message}\n`);
    }
  }

  if (command === 'list') {
    const keys = await listApiKeys(db);
    if (values.json) {
      const masked = keys.map((k) => ({ ...k, providerOrgnr: k.providerOrgnr ? orgnrLabel(k) : null }));
      return ok(JSON.stringify(masked, null, 2) + '\n');
    }
    return ok(formatList(keys));
  }

  return fail(2, `unknown command "${command}"\n${USAGE}\n`);
}

if (process.argv[1]?.endsWith('apikey.ts')) runWithDatabase((db) => runApiKeyCommand(db, process.argv.slice(2), new Date()));
