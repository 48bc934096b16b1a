/**
 * Helpers for the self-check API tests: an app with an optional outbound fetcher (for `url`
 * checks against loopback fixture servers), API keys, and a JSON POST shortcut.
 */
import { createApp } from '../../src/app';
import { createApiKey } from '../../src/api/api-keys';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/types';
import type { CheckRunner } from '../../src/runner/check-runner';
import { testDb } from '../helpers/db';

export interface ApiTestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  now: { value: Date };
  close(): void;
  /** Creates a key and returns it in full. */
  key(opts?: { rateLimitPerMinute?: number; label?: string }): Promise<string>;
  /** POST /api/v1/check with a JSON body and (unless `key` is null) a Bearer key. */
  check(body: unknown, opts?: { key?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: any; res: Response }>;
}

export async function apiTestApp(
  opts: { env?: Record<string, string>; fetcher?: typeof fetch; seed?: (db: Db) => Promise<void>; checkRunner?: CheckRunner } = {},
): Promise<ApiTestApp> {
  const database = await testDb();
  if (opts.seed) await opts.seed(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...opts.env });
  const now = { value: new Date('2026-11-23T10:00:10Z') };
  const app = createApp({ db: database.db, config, clock: () => now.value, log: () => {}, fetcher: opts.fetcher, checkRunner: opts.checkRunner });
  let defaultKey: string | undefined;
  const key: ApiTestApp['key'] = async (o = {}) =>
    (await createApiKey(database.db, { label: o.label ?? 'test', createdBy: 'test', now: now.value, rateLimitPerMinute: o.rateLimitPerMinute })).key;
  return {
    app,
    db: database.db,
    now,
    close: database.close,
    key,
    async check(body, o = {}) {
      if (o.key === undefined && !defaultKey) defaultKey = await key({ rateLimitPerMinute: 100_000 });
      const k = o.key === undefined ? defaultKey : o.key;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(k ? { authorization: `Bearer ${k}` } : {}), ...o.headers };
      const res = await app.request('/api/v1/check', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      let parsed: any = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, res };
    },
  };
}

/** The first flag example (text) of a rule, and a rule that has one. */
export async function flagExample(app: ApiTestApp['app']): Promise<{ ruleId: string; text: string }> {
  const res = await app.request('/api/v1/rules');
  const { rules } = (await res.json()) as { rules: { id: string; examples: { flag: { text?: string }[] } }[] };
  const preferred = rules.find((r) => r.id === 'R22-INDUCEMENT') ?? rules[0];
  const ex = preferred.examples.flag.find((e) => e.text);
  if (!ex?.text) throw new Error('no text flag example in the ruleset');
  return { ruleId: preferred.id, text: ex.text };
}

/** A body of exactly `bytes` bytes of valid JSON. */
export function jsonOfSize(bytes: number): string {
  const head = '{"text":"';
  const tail = '"}';
  return head + 'a'.repeat(bytes - head.length - tail.length) + tail;
}
