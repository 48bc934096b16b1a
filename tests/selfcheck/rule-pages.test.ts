import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('public rule pages', () => {
  it('lists every rule with severity and basis', async () => {
    const html = await (await t.app.request('/rules')).text();
    for (const id of ['R22-INDUCEMENT', 'R22-LOGO', 'R22-LANGPARITY']) expect(html).toContain(`href="/rules/${id}"`);
    expect(html).toMatch(/härledd|hittad i källa|delvis hittad/);
  });
  it('explains one rule: message, suggestion, sources, examples', async () => {
    const res = await t.app.request('/rules/R22-INDUCEMENT');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Skriv så här i stället');
    expect(html).toContain('Exempel som flaggas');
    expect(html).toContain('S12');
    expect(await (await t.app.request('/en/rules/R22-INDUCEMENT')).text()).toContain('Write this instead');
  });
  it('every finding link in the catalogue resolves', async () => {
    const api = (await (await t.app.request('/api/v1/rules')).json()) as { rules: { link: string }[] };
    for (const r of api.rules) expect((await t.app.request(r.link)).status).toBe(200);
  });
  it('404s for an unknown rule', async () => {
    expect((await t.app.request('/rules/R22-NOPE')).status).toBe(404);
  });
});
