// The app-wide request-body limit, endpoint by endpoint: a declared Content-Length over the limit
// and a chunked body without one (a lazily generated stream, so the test also sees how much of it
// the app pulled) both get 413 naming the limit, before any parsing, CSRF or schema check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_DEFAULT_BYTES } from '../../src/http/body-limit';
import { REPORT_MAX_BODY_BYTES } from '../../src/directory/error-reports';
import { MAX_BODY_BYTES } from '../../src/api/settings';
import { SELFCHECK_FORM_MAX_BYTES } from '../../src/selfcheck/routes';
import { createApiKey } from '../../src/api/api-keys';
import { testApp } from '../helpers/app';
import { Client, OFFICER, reviewTestApp, seedFindings, signedIn, type ReviewTestApp } from '../review/review-helpers';

let t: ReviewTestApp;
let officer: Client;
let apiKey: string;
beforeAll(async () => {
  t = await reviewTestApp({ seed: async (db) => void (await seedFindings(db, [{ id: 1 }])) });
  officer = await signedIn(t, OFFICER);
  apiKey = (await createApiKey(t.db, { label: 'test', createdBy: 'test', now: t.now.value, rateLimitPerMinute: 100_000 })).key;
});
afterAll(() => t.close());

const CHUNK = 16 * 1024;

/**
 * A chunked body of up to `total` bytes, made only as it is read: `prefix` then 'a's. `pulled`
 * says how much the app read. Ends after `total`, so a test of a broken limit fails instead of hanging.
 */
function lazyBody(prefix: string, total = 8 * 1024 * 1024) {
  const enc = new TextEncoder();
  const filler = enc.encode('a'.repeat(CHUNK));
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(ctrl) {
        if (state.pulled >= total) return ctrl.close();
        const chunk = state.pulled === 0 ? enc.encode(prefix + 'a'.repeat(CHUNK - prefix.length)) : filler;
        state.pulled += chunk.byteLength;
        ctrl.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const cookie = (c: Client) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

interface Endpoint {
  path: string;
  limit: number;
  type: string;
  prefix: string;
  headers?: () => Record<string, string>;
  json?: boolean;
  lang?: 'sv' | 'en';
}

const form = 'application/x-www-form-urlencoded';
const REVIEW_POSTS = [
  '/review/logout',
  '/review/password',
  '/review/findings/bulk',
  '/review/findings/bulk/apply',
  '/review/findings/1/confirm',
  '/review/findings/1/dismiss',
  '/review/findings/1/note',
  '/review/admin/users/2/disable',
  '/review/admin/api-keys',
  '/review/admin/api-keys/1/revoke',
];
const ENDPOINTS: Endpoint[] = [
  { path: '/review/login', limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'email=a&password=', lang: 'sv' },
  { path: '/en/review/login', limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'email=a&password=', lang: 'en' },
  ...REVIEW_POSTS.flatMap((p) => [
    { path: p, limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'note=', headers: () => ({ cookie: cookie(officer) }), lang: 'sv' as const },
    { path: `/en${p}`, limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'note=', headers: () => ({ cookie: cookie(officer) }), lang: 'en' as const },
  ]),
  { path: '/sjalvkontroll', limit: SELFCHECK_FORM_MAX_BYTES, type: form, prefix: 'text=', lang: 'sv' },
  { path: '/self-check', limit: SELFCHECK_FORM_MAX_BYTES, type: form, prefix: 'text=', lang: 'en' },
  { path: '/api/v1/check', limit: MAX_BODY_BYTES, type: 'application/json', prefix: '{"text":"', headers: () => ({ authorization: `Bearer ${apiKey}` }), json: true },
  { path: '/kontakt', limit: REPORT_MAX_BODY_BYTES, type: form, prefix: 'kind=other&message=', lang: 'sv' },
  { path: '/en/kontakt', limit: REPORT_MAX_BODY_BYTES, type: form, prefix: 'kind=other&message=', lang: 'en' },
];
// A form that does not exist yet: refused before routing, with the default limit.
const FUTURE_FORMS: Endpoint[] = [
  { path: '/tipsa', limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'message=', lang: 'sv' },
  { path: '/en/tipsa', limit: BODY_LIMIT_DEFAULT_BYTES, type: form, prefix: 'message=', lang: 'en' },
];

const headersOf = (e: Endpoint, extra: Record<string, string> = {}) => ({ 'content-type': e.type, origin: 'http://localhost', ...e.headers?.(), ...extra });

async function expect413(res: Response, e: Endpoint) {
  expect(res.status).toBe(413);
  expect(res.headers.get('connection')).toBe('close');
  if (e.json) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain(`${e.limit / 1024} KB (${e.limit} bytes)`);
  } else {
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain(`<html lang="${e.lang}"`);
    const size = e.limit >= 1024 * 1024 ? `${e.limit / 1024 / 1024} MB` : `${e.limit / 1024} ${e.lang === 'sv' ? 'kB' : 'KB'}`;
    expect(html).toContain(e.lang === 'sv' ? `gränsen är ${size}` : `the limit is ${size}`);
  }
}

describe('every form and JSON endpoint refuses an oversized body with 413 naming the limit', () => {
  it.each([...ENDPOINTS, ...FUTURE_FORMS].map((e) => [e.path, e] as const))('%s: declared Content-Length over the limit, nothing read', async (_, e) => {
    const { stream, state } = lazyBody(e.prefix, e.limit + CHUNK);
    const res = await t.app.request(e.path, { method: 'POST', headers: headersOf(e, { 'content-length': String(e.limit + 1) }), body: stream, duplex: 'half' } as RequestInit);
    await expect413(res, e);
    expect(state.pulled).toBe(0);
  });

  it.each(ENDPOINTS.map((e) => [e.path, e] as const))('%s: chunked body without Content-Length is cut off at the limit', async (_, e) => {
    const { stream, state } = lazyBody(e.prefix);
    const res = await t.app.request(e.path, { method: 'POST', headers: headersOf(e, { 'transfer-encoding': 'chunked' }), body: stream, duplex: 'half' } as RequestInit);
    await expect413(res, e);
    // Read up to the limit and a chunk or two past it, never the whole 8 MB.
    expect(state.pulled).toBeGreaterThan(e.limit);
    expect(state.pulled).toBeLessThanOrEqual(e.limit + 3 * CHUNK);
  });

  it('a form added later (POST /tipsa parsing its body) is bounded without code of its own', async () => {
    const local = await testApp();
    try {
      let parsed = false;
      for (const path of ['/tipsa', '/en/tipsa']) {
        local.app.post(path, async (c) => {
          await c.req.parseBody();
          parsed = true;
          return c.text('tack');
        });
      }
      for (const e of FUTURE_FORMS) {
        const { stream, state } = lazyBody(e.prefix);
        const res = await local.app.request(e.path, { method: 'POST', headers: headersOf(e, { 'transfer-encoding': 'chunked' }), body: stream, duplex: 'half' } as RequestInit);
        await expect413(res, e);
        expect(state.pulled).toBeLessThanOrEqual(e.limit + 3 * CHUNK);
      }
      expect(parsed).toBe(false);
      const ok = await local.app.request('/tipsa', { method: 'POST', headers: { 'content-type': form }, body: 'message=hej' });
      expect(await ok.text()).toBe('tack');
    } finally {
      local.close();
    }
  });

  it('PUT, PATCH and DELETE are bounded as well', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await t.app.request('/review/findings/1/note', { method, headers: { 'content-length': String(BODY_LIMIT_DEFAULT_BYTES + 1) }, body: 'x' });
      expect(res.status).toBe(413);
    }
  });

  it('bodies within the limit still work: a sign-in, a note, an API check of exactly 256 KB', async () => {
    expect((await new Client(t).login(OFFICER.email, OFFICER.password)).status).toBe(303);
    expect((await officer.postForm('/review/findings/1/note', { note: 'n'.repeat(2000) }, '/review/findings/1')).status).toBe(303);
    const json = JSON.stringify({ text: `Hej${' '.repeat(MAX_BODY_BYTES - 14)}` });
    expect(new TextEncoder().encode(json).length).toBe(MAX_BODY_BYTES);
    const ok = await t.app.request('/api/v1/check', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: json });
    expect(ok.status).toBe(200);
  });
});
