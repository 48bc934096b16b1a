import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestApp, flagExample, type ApiTestApp } from '../api/api-helpers';

let t: ApiTestApp;
let example: { ruleId: string; text: string };
beforeAll(async () => {
  t = await apiTestApp();
  example = await flagExample(t.app);
});
afterAll(() => t.close());

let ipCounter = 0;
/** Submits the form like a browser without JavaScript (url-encoded POST), from a fresh client IP unless given. */
async function submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'cf-connecting-ip': `198.51.100.${++ipCounter % 250}`, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, html: await res.text(), res };
}

describe('GET /sjalvkontroll and /self-check', () => {
  it.each([
    ['/sjalvkontroll', 'sv', 'Självkontroll av marknadsföring', 'Kontrollera'],
    ['/self-check', 'en', 'Self-check of marketing copy', 'Check'],
  ])('%s shows the form in %s, usable without JavaScript', async (path, lang, title, button) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain(title);
    // The action carries the results' anchor, so the browser lands on them after a check.
    expect(html).toMatch(new RegExp(`<form method="post" action="${path}#sc-results"`));
    expect(html).toMatch(/<textarea id="sc-text" name="text"/);
    expect(html).toContain('<label for="sc-text">');
    expect(html).toMatch(/<input type="checkbox" name="html" value="1"/);
    expect(html).toContain(`<button type="submit">${button}</button>`);
    expect(html).not.toMatch(/<script/i);
    const css = html.match(/href="(\/static\/selfcheck\.[a-z0-9]+\.css)"/)?.[1];
    expect((await t.app.request(css!)).headers.get('content-type')).toContain('text/css');
  });
  it('sends the English language switch target to /self-check', async () => {
    const res = await t.app.request('/en/sjalvkontroll');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/self-check');
  });
});

describe('POST: results in view, and a report to keep', () => {
  it('puts the results first, before the form to check again, with the anchor the form lands on', async () => {
    const { html } = await submit('/sjalvkontroll', { text: example.text });
    const results = html.indexOf('id="sc-results"');
    const form = html.indexOf('<form method="post" action="/sjalvkontroll#sc-results"');
    expect(results).toBeGreaterThan(0);
    expect(form).toBeGreaterThan(results);
    expect(html).toContain('Ändra texten och kontrollera igen');
    expect(html).toContain('<button type="submit">Kontrollera igen</button>');
  });
  it('offers the report as a standalone file of the same check, storing nothing', async () => {
    const { html } = await submit('/sjalvkontroll', { text: example.text });
    expect(html).toContain('action="/sjalvkontroll/rapport"');
    const { status, html: report, res } = await submit('/sjalvkontroll/rapport', { text: example.text });
    expect(status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="valkollen-sjalvkontroll-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(report).toContain('Rapport från självkontroll');
    expect(report).toContain(example.ruleId);
    expect(report).toContain('<mark');
    // Opened from disk it needs nothing from us: styles inside, rule links absolute.
    expect(report).not.toMatch(/<link rel="stylesheet"/);
    expect(report).toMatch(/<style>[^<]*\.sc-finding/);
    expect(report).toMatch(new RegExp(`href="http://[^"]+/rules/${example.ruleId}"`));
    expect(report).not.toMatch(/<form/);
  });
  it('refuses the report like the form: empty text 422, another site 403', async () => {
    expect((await submit('/self-check/report', { text: '  ' })).status).toBe(422);
    expect((await submit('/self-check/report', { text: example.text }, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('POST: results', () => {
  it('highlights the findings inline and explains them', async () => {
    const { status, html, res } = await submit('/self-check', { text: `Hello.\n${example.text}` });
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('ratelimit-limit')).toBe('20');
    const pre = html.match(/<pre class="sc-text">([\s\S]*?)<\/pre>/)?.[1] ?? '';
    expect(pre).toMatch(/<mark class="sev-(low|medium|high|critical)">[^<]+<\/mark>/);
    expect(pre).toContain('href="#finding-1"');
    expect(html).toContain('id="finding-1"');
    expect(html).toContain(example.ruleId);
    // English explanations on the English page.
    const rules = (await (await t.app.request(`/api/v1/rules/${example.ruleId}`)).json()) as any;
    expect(html).toContain(escapeHtml(rules.suggestion.en).slice(0, 40));
  });
  it('says why a finding is only possible: a claim nobody makes as the provider is a lead', async () => {
    const { status, html } = await submit('/self-check', { text: 'Solbacken Jobb är den bästa leverantören i Sundsvall.' });
    expect(status).toBe(200);
    expect(html).toContain('data-testid="possible"');
    expect(html).toMatch(/data-testid="possible-reason">The rule matches, but the text does not show that you are speaking about yourselves/);
    const sv = await submit('/sjalvkontroll', { text: 'Vi är den bästa leverantören i Sundsvall. Välkommen till oss!' });
    expect(sv.html).toContain('R22-SUPERLATIVE');
    expect(sv.html).not.toContain('texten visar inte att det är ni som talar');
  });

  it('says so when nothing is found', async () => {
    const { status, html } = await submit('/sjalvkontroll', { text: 'Vi hjälper dig att hitta jobb.' });
    expect(status).toBe(200);
    // Honest: which rules ran, in which languages, and never "compliant".
    expect(html).toContain('Inga fynd för de 19 regler vi kontrollerade');
    expect(html).toContain('fångar de flesta men inte alla formuleringar');
    expect(html).toMatch(/data-testid="coverage"[^>]*>[^<]*Kontrollerat: 19 regler[^<]*sv, en/);
    expect(html).not.toMatch(/följer reglerna\.|is compliant|uppfyller reglerna/);
    expect(html).not.toContain('<mark');
  });
  it('escapes hostile input everywhere (text, highlights, textarea)', async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a> ${example.text} </textarea><script>alert(4)</script>`;
    const { status, html } = await submit('/self-check', { text: hostile });
    expect(status).toBe(200);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<a href="javascript:/i);
    expect(html).not.toContain('</textarea><script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark');
  });
  it('checks HTML when the box is ticked and shows the escaped source with highlights', async () => {
    const source = `<p onclick="evil()">${example.text}</p>`;
    const { status, html } = await submit('/self-check', { text: source, html: '1' });
    expect(status).toBe(200);
    expect(html).toContain('Your HTML code with highlights');
    expect(html).toContain('&lt;p onclick=&quot;evil()&quot;&gt;');
    expect(html).not.toContain('<p onclick');
    expect(html).toContain('<mark');
    expect(html).toMatch(/<input type="checkbox" name="html" value="1" checked/);
  });
});

describe('POST: refusals', () => {
  it('422 with the form and a message for empty text', async () => {
    const { status, html } = await submit('/sjalvkontroll', { text: '   ' });
    expect(status).toBe(422);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Skriv eller klistra in en text.');
  });
  it('422 for text over the limit', async () => {
    const { status, html } = await submit('/self-check', { text: 'a'.repeat(100_001) });
    expect(status).toBe(422);
    expect(html).toContain('too long');
  });
  it('413 page for a body over 1 MB', async () => {
    const { status, html } = await submit('/self-check', { text: 'ä'.repeat(200_000) });
    expect(status).toBe(413);
    expect(html).toContain('too long');
  });
  it('403 for a cross-site post (Origin or Referer of another site)', async () => {
    expect((await submit('/self-check', { text: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await submit('/self-check', { text: 'x' }, { origin: 'null' })).status).toBe(403);
    const noOrigin = { origin: '', referer: 'https://evil.example/page' };
    const res = await t.app.request('/self-check', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: noOrigin.referer },
      body: 'text=x',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('another website');
  });
  it('accepts a same-origin Referer and requests without Origin or Referer', async () => {
    const viaReferer = await t.app.request('/self-check', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'http://localhost/self-check', 'cf-connecting-ip': '192.0.2.200' },
      body: 'text=Hej',
    });
    expect(viaReferer.status).toBe(200);
  });
  it('rate limits per client IP (20 a minute) with a friendly 429 page and Retry-After; other IPs are unaffected', async () => {
    t.now.value = new Date('2026-11-23T13:00:30Z');
    const ip = { 'cf-connecting-ip': '203.0.113.9' };
    for (let i = 0; i < 20; i++) expect((await submit('/self-check', { text: 'Hej' }, ip)).status).toBe(200);
    const refused = await submit('/self-check', { text: 'Hej' }, ip);
    expect(refused.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('30');
    expect(refused.html).toContain('Too many checks');
    expect(refused.html).toContain('30 seconds');
    expect((await submit('/self-check', { text: 'Hej' }, { 'cf-connecting-ip': '203.0.113.10' })).status).toBe(200);
    t.now.value = new Date('2026-11-23T13:01:00Z');
    expect((await submit('/self-check', { text: 'Hej' }, ip)).status).toBe(200);
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
