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
  it('shows the basis in Swedish on Swedish pages and in English under /en, for every rule', async () => {
    const api = (await (await t.app.request('/api/v1/rules')).json()) as { rules: { id: string; basis: { sources: { text: string; sv?: string }[]; note?: string; noteSv?: string } }[] };
    for (const r of api.rules) {
      // Every source line and note has its Swedish twin, so no Swedish page falls back to English.
      for (const s of r.basis.sources) expect(s.sv, `${r.id} source without sv`).toBeTruthy();
      if (r.basis.note) expect(r.basis.noteSv, `${r.id} note without noteSv`).toBeTruthy();
    }
    const sv = await (await t.app.request('/rules/R22-INDUCEMENT')).text();
    expect(sv).toContain('Expressen: nyanlända lockades med datorer, iPads och telefoner');
    expect(sv).not.toContain('newcomers lured');
    expect(sv).toContain('Avtalstexten har vi inte sett.');
    const en = await (await t.app.request('/en/rules/R22-INDUCEMENT')).text();
    expect(en).toContain('Expressen: newcomers lured with computers, iPads and phones');
  });
  it('every finding link in the catalogue resolves', async () => {
    const api = (await (await t.app.request('/api/v1/rules')).json()) as { rules: { link: string }[] };
    for (const r of api.rules) expect((await t.app.request(r.link)).status).toBe(200);
  });
  it('404s for an unknown rule', async () => {
    expect((await t.app.request('/rules/R22-NOPE')).status).toBe(404);
  });
});
