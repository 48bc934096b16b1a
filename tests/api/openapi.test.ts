import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
let doc: any;
beforeAll(async () => {
  t = await apiTestApp();
  doc = await (await t.app.request('/api/openapi.json')).json();
});
afterAll(() => t.close());

/** A request for an operation, built from the document alone (path examples, body example). */
function requestFor(path: string, method: string, op: any, key: string): Request {
  const url = path.replace(/\{(\w+)\}/g, (_, name) => {
    const p = op.parameters.find((x: any) => x.name === name);
    return encodeURIComponent(p.schema.example);
  });
  const headers: Record<string, string> = {};
  if (op.security?.length) headers.authorization = `Bearer ${key}`;
  let body: string | undefined;
  const json = op.requestBody?.content?.['application/json'];
  if (json) {
    headers['content-type'] = 'application/json';
    const ref = json.schema.$ref?.replace('#/components/schemas/', '');
    body = JSON.stringify(json.example ?? doc.components.schemas[ref]?.example);
  }
  return new Request(`http://localhost${url}`, { method: method.toUpperCase(), headers, body });
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
  it('documents the bearer scheme, the operations and their error responses', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const check = doc.paths['/api/v1/check'].post;
    expect(check.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(check.responses).sort()).toEqual(['200', '400', '401', '413', '415', '422', '429', '501', '502', '503', '504']);
    expect(check.responses['429'].headers).toHaveProperty('Retry-After');
    expect(check.responses['200'].headers).toHaveProperty('RateLimit-Remaining');
    expect(doc.paths['/api/v1/rules'].get).toBeTruthy();
    expect(doc.paths['/api/v1/rules/{id}'].get.responses).toHaveProperty('404');
    expect(doc.components.schemas.Error).toBeTruthy();
  });
  it('every operation in it answers (not 404/500) with a valid key, and 200 for its own example', async () => {
    const key = await t.key({ rateLimitPerMinute: 1000 });
    const ops = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(ops.length).toBeGreaterThanOrEqual(3);
    for (const { path, method, op } of ops) {
      const res = await t.app.request(requestFor(path, method, op, key));
      expect(res.status, `${method} ${path}`).toBe(200);
    }
  });
});

describe('GET /api/docs (reference page)', () => {
  it('lists every operation with curl examples, without scripts or external assets', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const [path, item] of Object.entries(doc.paths) as [string, any][])
      for (const method of Object.keys(item)) expect(html).toContain(`${method.toUpperCase()} ${path}`);
    expect(html).toContain('curl -sS -X POST');
    expect(html).toContain('Authorization: Bearer $VALKOLLEN_API_KEY');
    expect(html).toContain('id="schema-CheckRequest"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    const css = html.match(/href="(\/api\/docs\.[a-z0-9]+\.css)"/)?.[1];
    expect(css).toBeTruthy();
    const cssRes = await t.app.request(css!);
    expect(cssRes.status).toBe(200);
    expect(cssRes.headers.get('content-type')).toContain('text/css');
  });
});
