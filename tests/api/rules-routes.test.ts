import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleset } from '../../src/compliance';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
beforeAll(async () => {
  t = await apiTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/rules', () => {
  it('lists every loaded rule with titles, severity, basis, messages, suggestions, link, languages and examples; no key needed', async () => {
    const res = await t.app.request('/api/v1/rules');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    const body = (await res.json()) as any;
    const rs = defaultRuleset();
    expect(body.rulesetVersion).toBe(rs.version);
    expect(body.languages).toEqual(rs.languages);
    expect(body.rules.map((r: any) => r.id).sort()).toEqual(rs.rules.map((r) => r.id).sort());
    for (const r of body.rules) {
      expect(r).toMatchObject({
        id: expect.stringMatching(/^R22-/),
        title: { sv: expect.any(String), en: expect.any(String) },
        severity: expect.stringMatching(/^(low|medium|high|critical)$/),
        basis: { level: expect.any(String), sources: expect.any(Array) },
        message: { sv: expect.any(String), en: expect.any(String) },
        suggestion: { sv: expect.any(String), en: expect.any(String) },
        link: expect.any(String),
        languages: expect.arrayContaining(['sv']),
      });
      expect(r.examples.flag.length).toBeGreaterThanOrEqual(8);
      expect(r.examples.pass.length).toBeGreaterThanOrEqual(8);
      for (const e of [...r.examples.flag, ...r.examples.pass]) expect(typeof (e.text ?? e.html)).toBe('string');
    }
  });
});

describe('GET /api/v1/rules/{id}', () => {
  it('returns one rule', async () => {
    const id = defaultRuleset().rules[0].id;
    const res = await t.app.request(`/api/v1/rules/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id });
  });
  it('404 not_found for an unknown id, in the JSON shape', async () => {
    const res = await t.app.request('/api/v1/rules/R22-NOSUCH');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('R22-NOSUCH') } });
  });
  it('422 for an over-long id', async () => {
    const res = await t.app.request(`/api/v1/rules/${'X'.repeat(80)}`);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', field: 'id' } });
  });
});
