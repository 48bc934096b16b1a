import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../src/api/api-keys';
import { apiTestApp, flagExample, jsonOfSize, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
let example: { ruleId: string; text: string };
beforeAll(async () => {
  t = await apiTestApp();
  example = await flagExample(t.app);
});
afterAll(() => t.close());

const errorBody = (code: string, field?: string) => ({ error: { code, message: expect.any(String), ...(field ? { field } : {}) } });

describe('POST /api/v1/check: results', () => {
  it('finds the rule in its own flag example (text) with the engine shape, stats and headers', async () => {
    const { status, body, res } = await t.check({ text: example.text });
    expect(status).toBe(200);
    expect(body.rulesetVersion).toEqual(expect.any(String));
    expect(body.stats).toEqual({ characters: example.text.length, ms: expect.any(Number) });
    const f = body.findings.find((x: any) => x.ruleId === example.ruleId);
    expect(f).toMatchObject({ severity: expect.any(String), message: expect.any(String), suggestion: expect.any(String), link: expect.any(String), rulesetVersion: body.rulesetVersion, fingerprint: expect.any(String) });
    expect(example.text.slice(f.start, f.end).length).toBeGreaterThan(0);
    expect(Object.keys(f).sort()).toEqual(['certainty', 'column', 'confidence', 'context', 'end', 'evidence', 'fingerprint', 'language', 'line', 'link', 'match', 'message', 'ruleId', 'rulesetVersion', 'severity', 'start', 'suggestion'].sort());
    expect(f.certainty).toBe('certain');
    expect(body.coverage).toMatchObject({ rules: expect.any(Array), ruleLanguages: expect.arrayContaining(['sv', 'en']), note: expect.any(String) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('ratelimit-limit')).toBe('100000');
    expect(res.headers.get('ratelimit-remaining')).toEqual(expect.stringMatching(/^\d+$/));
    expect(res.headers.get('ratelimit-reset')).toEqual(expect.stringMatching(/^\d+$/));
    expect(res.headers.get('etag')).toBeNull();
  });
  it('checks HTML with offsets into the source', async () => {
    const html = `<!doctype html><html><head><title>Hej</title></head><body><p>${example.text}</p></body></html>`;
    const { status, body } = await t.check({ html });
    expect(status).toBe(200);
    const f = body.findings.find((x: any) => x.ruleId === example.ruleId);
    expect(f.start).toBeGreaterThan(html.indexOf('<p>'));
    expect(body.stats.characters).toBe(html.length);
  });
  it('runs only the rules asked for and honours minSeverity', async () => {
    const rules = (await (await t.app.request('/api/v1/rules')).json()) as any;
    const other = rules.rules.find((r: any) => r.id !== example.ruleId);
    const only = await t.check({ text: example.text, rules: [other.id] });
    expect(only.status).toBe(200);
    expect(only.body.findings.every((f: any) => f.ruleId === other.id)).toBe(true);
    const all = await t.check({ text: example.text, minSeverity: 'critical' });
    expect(all.body.findings.every((f: any) => f.severity === 'critical')).toBe(true);
  });
  it('gives messages in the language asked for', async () => {
    const sv = await t.check({ text: example.text, rules: [example.ruleId], lang: 'sv' });
    const en = await t.check({ text: example.text, rules: [example.ruleId], lang: 'en' });
    expect(sv.body.findings[0].message).not.toBe(en.body.findings[0].message);
  });
});

describe('POST /api/v1/check: errors', () => {
  it('401 without a key, with WWW-Authenticate: Bearer', async () => {
    const { status, body, res } = await t.check({ text: 'x' }, { key: null });
    expect(status).toBe(401);
    expect(body).toEqual(errorBody('missing_api_key'));
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="valkollen"$/);
  });
  it.each([
    ['Basic abc', 'invalid_api_key'],
    ['Bearer', 'invalid_api_key'],
    ['Bearer vk_notarealkeyatall000000000000000000000000000', 'invalid_api_key'],
    [`Bearer ${'x'.repeat(500)}`, 'invalid_api_key'],
  ])('401 for Authorization "%s"', async (header, code) => {
    const { status, body, res } = await t.check({ text: 'x' }, { key: null, headers: { authorization: header } });
    expect(status).toBe(401);
    expect(body).toEqual(errorBody(code));
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
  it('a revoked key stops working at once', async () => {
    const key = await t.key();
    expect((await t.check({ text: 'Hej' }, { key })).status).toBe(200);
    await revokeApiKey(t.db, key.slice(0, 9), t.now.value);
    const { status, body, res } = await t.check({ text: 'Hej' }, { key });
    expect(status).toBe(401);
    expect(body).toEqual(errorBody('revoked_api_key'));
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
  it('413 when Content-Length is over 256 KB, with the limit in the message', async () => {
    const { status, body } = await t.check(jsonOfSize(256 * 1024 + 1));
    expect(status).toBe(413);
    expect(body).toEqual(errorBody('payload_too_large'));
    expect(body.error.message).toContain('256 KB');
  });
  it('accepts a body of exactly 256 KB', async () => {
    expect((await t.check(jsonOfSize(256 * 1024))).status).toBe(200);
  });
  it('413 for a streamed body without Content-Length', async () => {
    const key = await t.key();
    const chunk = new TextEncoder().encode(jsonOfSize(300 * 1024));
    const stream = new ReadableStream({
      start(ctrl) {
        ctrl.enqueue(chunk);
        ctrl.close();
      },
    });
    const req = new Request('http://localhost/api/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const res = await t.app.request(req);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(errorBody('payload_too_large'));
  });
  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['']])('415 for Content-Type "%s"', async (type) => {
    const { status, body } = await t.check({ text: 'x' }, { headers: { 'content-type': type } });
    expect(status).toBe(415);
    expect(body).toEqual(errorBody('unsupported_media_type'));
  });
  it('accepts application/json with a charset', async () => {
    expect((await t.check({ text: 'Hej' }, { headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });
  it('400 invalid_json for malformed JSON', async () => {
    const { status, body } = await t.check('{"text": "unterminated');
    expect(status).toBe(400);
    expect(body).toEqual(errorBody('invalid_json'));
  });
  it.each([
    [{}, 'text'],
    [{ lang: 'en' }, 'text'],
    [{ text: 'a', html: '<p>a</p>' }, 'html'],
    [{ text: 'a', url: 'https://example.com/' }, 'url'],
    [{ text: '' }, 'text'],
    [{ text: 123 }, 'text'],
    [{ html: ['x'] }, 'html'],
    [{ url: 'not a url' }, 'url'],
    [{ text: 'a', minSeverity: 'urgent' }, 'minSeverity'],
    [{ text: 'a', rules: 'R22-INDUCEMENT' }, 'rules'],
    [{ text: 'a', rules: [] }, 'rules'],
    [{ text: 'a', rules: [''] }, 'rules.0'],
    [{ text: 'a', lang: 'Swedish' }, 'lang'],
    [{ text: 'a', colour: 'red' }, 'colour'],
    [[1, 2], undefined],
    ['"just a string"', undefined],
  ])('422 invalid_request for %j naming %s', async (input, field) => {
    const { status, body } = await t.check(input);
    expect(status).toBe(422);
    expect(body).toEqual(errorBody('invalid_request', field));
  });
  it('422 for thousands of unknown keys names at most 10 of them, cut short, then counts the rest', async () => {
    const input: Record<string, unknown> = { text: 'a' };
    for (let i = 0; i < 5000; i++) input[`k${i}_${'x'.repeat(30)}`] = i;
    input['y'.repeat(10_000)] = 1;
    const { status, body, res } = await t.check(input);
    expect(status).toBe(422);
    expect(body).toEqual(errorBody('invalid_request', expect.any(String)));
    expect(body.error.field.length).toBeLessThanOrEqual(61);
    expect(body.error.message).toContain('and 4991 more (5001 in all)');
    expect((body.error.message.match(/"k\d+_/g) ?? []).length).toBeLessThanOrEqual(11);
    expect(Number(res.headers.get('content-length') ?? JSON.stringify(body).length)).toBeLessThan(2000);
    expect(JSON.stringify(body).length).toBeLessThan(2000);
  });
  it('400 invalid_utf8 for a body that is not UTF-8, never a silent repair', async () => {
    const key = await t.key({ rateLimitPerMinute: 1000 });
    const bytes = new Uint8Array([...new TextEncoder().encode('{"text":"V'), 0xe4, ...new TextEncoder().encode('lj oss"}')]);
    const res = await t.app.request('/api/v1/check', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: bytes });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(errorBody('invalid_utf8'));
    // A UTF-8 byte order mark is not an error.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"text":"Välj oss"}')]);
    const ok = await t.app.request('/api/v1/check', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: bom });
    expect(ok.status).toBe(200);
  });
  it('422 unknown_rule naming "rules" with the unknown ids', async () => {
    const { status, body } = await t.check({ text: 'a', rules: [example.ruleId, 'R22-NOSUCH'] });
    expect(status).toBe(422);
    expect(body).toEqual(errorBody('unknown_rule', 'rules'));
    expect(body.error.message).toContain('R22-NOSUCH');
  });
  it('422 unsupported_language naming "lang"', async () => {
    const { status, body } = await t.check({ text: 'a', lang: 'xx' });
    expect(status).toBe(422);
    expect(body).toEqual(errorBody('unsupported_language', 'lang'));
  });
  it('401 comes before 415 and 422: no key, no parsing', async () => {
    const { status } = await t.check('garbage', { key: null, headers: { 'content-type': 'text/plain' } });
    expect(status).toBe(401);
  });
  it('405/404 for other methods stay in the JSON shape', async () => {
    const res = await t.app.request('/api/v1/check');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
