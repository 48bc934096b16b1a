/**
 * API keys for the self-check API: generation (random, "vk_" + base62, 256 bits), storage as a
 * SHA-256 hash with a visible prefix, lookup by hash (auth.ts remembers keys it has seen and
 * re-checks them with every rate-limit count, so a revoked key stops working at once), cheap
 * last-used stamping, revocation, listing and the local demo key.
 * Runtime-neutral: Web Crypto only.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiKeys, providers } from '../db/schema';
import type { Db } from '../db/types';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 43 base62 characters carry 43·log2(62) ≈ 256 bits. */
const KEY_BODY_LENGTH = 43;
export const KEY_PREFIX_LENGTH = 9; // "vk_" + 6 characters
/** last_used_at is written at most this often per key. */
const LAST_USED_GRANULARITY_MS = 60_000;

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** What listing shows: never the hash. */
export interface ApiKeyInfo {
  id: number;
  prefix: string;
  label: string;
  providerId: number | null;
  providerOrgnr: string | null;
  providerName: string | null;
  providerIsSoleTrader: boolean | null;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  rateLimitPerMinute: number | null;
}

/** A new random key: "vk_" + 43 base62 characters from crypto.getRandomValues (rejection sampling, no modulo bias). */
export function generateApiKey(): string {
  let out = 'vk_';
  while (out.length < 3 + KEY_BODY_LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(64));
    for (const b of bytes) {
      if (b >= 248) continue; // 248 = 4 · 62
      out += BASE62[b % 62];
      if (out.length === 3 + KEY_BODY_LENGTH) break;
    }
  }
  return out;
}

/** Hex SHA-256 of a key (what the database stores). */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visible part of a key used to identify it in lists and logs. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH);
}

export interface CreateKeyInput {
  label: string;
  providerId?: number | null;
  createdBy: string;
  now: Date;
  /** Use this value instead of a random key (the DEMO_API_KEY setting). */
  value?: string;
  rateLimitPerMinute?: number | null;
}

/** Stores a new key and returns it in full: the only time the full key is available. */
export async function createApiKey(db: Db, input: CreateKeyInput): Promise<{ key: string; id: number; prefix: string }> {
  const key = input.value ?? generateApiKey();
  if (!/^[\x21-\x7e]{16,200}$/.test(key)) throw new Error('an API key must be 16–200 printable ASCII characters without spaces');
  const prefix = keyPrefix(key);
  const [row] = await db
    .insert(apiKeys)
    .values({
      providerId: input.providerId ?? null,
      label: input.label,
      prefix,
      keyHash: await hashApiKey(key),
      createdAt: input.now.toISOString(),
      createdBy: input.createdBy,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    })
    .returning({ id: apiKeys.id });
  return { key, id: row.id, prefix };
}

/** Finds the key row for a presented key (revoked or not); undefined when unknown. */
export async function findApiKey(db: Db, key: string): Promise<ApiKeyRow | undefined> {
  const hash = await hashApiKey(key);
  // Raw SQL: this runs on every API request and drizzle's query builder costs more than the query.
  const rows = await db.all<ApiKeyRow>(sql`
    SELECT id, provider_id AS "providerId", label, prefix, key_hash AS "keyHash", created_at AS "createdAt",
           created_by AS "createdBy", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt",
           rate_limit_per_minute AS "rateLimitPerMinute"
    FROM api_keys WHERE key_hash = ${hash} LIMIT 1`);
  return rows[0];
}

/**
 * Records use of a key, at most once a minute: skips the write when `lastUsedAt` is recent, and
 * the conditional UPDATE keeps concurrent requests from writing twice. True when it wrote (or
 * another request had just written) the time.
 */
export async function touchApiKey(db: Db, row: Pick<ApiKeyRow, 'id' | 'lastUsedAt'>, now: Date): Promise<boolean> {
  if (row.lastUsedAt && now.getTime() - Date.parse(row.lastUsedAt) < LAST_USED_GRANULARITY_MS) return false;
  const cutoff = new Date(now.getTime() - LAST_USED_GRANULARITY_MS).toISOString();
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(apiKeys.id, row.id), sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < ${cutoff})`));
  return true;
}

/**
 * Revokes the key with this id (a number) or prefix (e.g. "vk_3fA9c2"). Returns the revoked keys'
 * info; throws when nothing matches or a prefix matches several active keys.
 */
export async function revokeApiKey(db: Db, idOrPrefix: string, now: Date): Promise<ApiKeyInfo> {
  const all = await listApiKeys(db);
  const matches = /^\d+$/.test(idOrPrefix) ? all.filter((k) => k.id === Number(idOrPrefix)) : all.filter((k) => k.prefix.startsWith(idOrPrefix) && !k.revokedAt);
  if (matches.length === 0) throw new Error(`no ${/^\d+$/.test(idOrPrefix) ? '' : 'active '}API key matches "${idOrPrefix}"`);
  if (matches.length > 1) throw new Error(`"${idOrPrefix}" matches ${matches.length} active keys (${matches.map((k) => `#${k.id}`).join(', ')}); give the id`);
  const key = matches[0];
  if (key.revokedAt) return key;
  const revokedAt = now.toISOString();
  await db.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, key.id));
  return { ...key, revokedAt };
}

/** All keys, newest first, with their provider's organisation number and name. */
export async function listApiKeys(db: Db): Promise<ApiKeyInfo[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      label: apiKeys.label,
      providerId: apiKeys.providerId,
      providerOrgnr: providers.orgnr,
      providerName: providers.displayName,
      providerIsSoleTrader: providers.isSoleTrader,
      createdAt: apiKeys.createdAt,
      createdBy: apiKeys.createdBy,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
    })
    .from(apiKeys)
    .leftJoin(providers, eq(providers.id, apiKeys.providerId))
    .orderBy(desc(apiKeys.id));
  return rows;
}

/**
 * The local demo key: created once (createdBy 'demo'), on first start. With `value` (the
 * DEMO_API_KEY setting) that value becomes the key. Returns `key` only when it was created now,
 * so the caller prints it once; later starts get just the prefix.
 */
export async function ensureDemoApiKey(db: Db, opts: { value?: string; now: Date }): Promise<{ key?: string; prefix: string }> {
  const existing = await db
    .select({ prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(and(eq(apiKeys.createdBy, 'demo'), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (existing[0]) return { prefix: existing[0].prefix };
  const created = await createApiKey(db, { label: 'Local demo key', createdBy: 'demo', now: opts.now, value: opts.value || undefined });
  return { key: created.key, prefix: created.prefix };
}
