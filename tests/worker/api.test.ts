// The self-check API served by the real Worker entry inside workerd, over D1: a key created with
// the service functions directly in D1, POST /api/v1/check through SELF.fetch, revocation, limits.
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/d1';
import { createApiKey, revokeApiKey } from '../../src/api/api-keys';
import { schema } from '../../src/db/schema';
import type { Db } from '../../src/db/types';

const db = () => drizzle(env.DB, { schema }) as unknown as Db;
let key: string;
let example: { ruleId: string; text: string };

const check = (body: unknown, k: string | null = key) =>
  SELF.fetch('https://valkollen.test/api/v1/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(k ? { authorization: `Bearer ${k}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  key = (await createApiKey(db(), { label: 'worker test', createdBy: 'test', now: new Date() })).key;
  const rules = (await (await SELF.fetch('https://valkollen.test/api/v1/rules')).json()) as { rules: { id: string; examples: { flag: { text?: string }[] } }[] };
  const rule = rules.rules.find((r) => r.id === 'R22-INDUCEMENT') ?? rules.rules[0];
  example = { ruleId: rule.id, text: rule.examples.flag.find((e) => e.text)!.text! };
});

describe('Worker: self-check API', () => {
  it('checks text with a key stored in D1 and sends the RateLimit headers', async () => {
    const res = await check({ text: example.text, lang: 'en' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rulesetVersion: string; findings: { ruleId: string; start: number; end: number }[]; stats: { characters: number } };
    expect(body.findings.some((f) => f.ruleId === example.ruleId)).toBe(true);
    expect(body.stats.characters).toBe(example.text.length);
    expect(res.headers.get('ratelimit-limit')).toBe('60');
    expect(res.headers.get('ratelimit-remaining')).toBe('59');
  });
  it('401 without a key, 422 naming the field, 413 over 256 KB', async () => {
    const none = await check({ text: 'x' }, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const bad = await check({ text: 'x', minSeverity: 'urgent' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request', field: 'minSeverity' } });
    const big = await check({ text: 'a'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
  });
  it('counts the limit in D1 and refuses with 429 past it', async () => {
    const limited = (await createApiKey(db(), { label: 'limited', createdBy: 'test', now: new Date(), rateLimitPerMinute: 2 })).key;
    // Two allowed, the third refused — unless the minute turned in between; then at most one more.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await check({ text: 'Hej' }, limited)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const refused = await check({ text: 'Hej' }, limited);
    if (refused.status === 429) expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
  it('a revoked key stops working at once', async () => {
    const k = (await createApiKey(db(), { label: 'to revoke', createdBy: 'test', now: new Date() })).key;
    expect((await check({ text: 'Hej' }, k)).status).toBe(200);
    await revokeApiKey(db(), k.slice(0, 9), new Date());
    const res = await check({ text: 'Hej' }, k);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'revoked_api_key' } });
  });
  it('serves the OpenAPI document, the reference page and the web form', async () => {
    const doc = (await (await SELF.fetch('https://valkollen.test/api/openapi.json')).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await SELF.fetch('https://valkollen.test/api/docs')).status).toBe(200);
    const form = await SELF.fetch('https://valkollen.test/self-check', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '203.0.113.5' },
      body: new URLSearchParams({ text: `<script>x</script> ${example.text}` }).toString(),
    });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<mark');
    expect(html).not.toContain('<script>x');
  });
});
