import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

const PAYLOAD_MATCH = '<script>alert("m")</script>';
const PAYLOAD_CONTEXT = `Gratis <img src=x onerror=alert(1)> och ${PAYLOAD_MATCH} "quoted" 'single' & <a href="javascript:alert(2)">klicka</a>`;
const PAYLOAD_TITLE = '</title><script>alert("t")</script>';
const OLD_TEXT = 'Rubrik\n<b>gammal</b> text';
const NEW_TEXT = `Rubrik\n${PAYLOAD_CONTEXT}\n<svg onload=alert(3)>`;

let t: ReviewTestApp;
let c: Client;
beforeAll(async () => {
  t = await reviewTestApp({
    seed: async (db) => {
      await seedFindings(db, [{ id: 1, match: PAYLOAD_MATCH, context: PAYLOAD_CONTEXT, url: 'javascript:alert(document.cookie)//<script>' }], {
        url: 'https://www.alfa.example.se/"><script>alert(4)</script>',
        title: PAYLOAD_TITLE,
        oldText: OLD_TEXT,
        newText: NEW_TEXT,
      });
    },
  });
  c = await signedIn(t, OFFICER);
});
afterAll(() => t.close());

/** Asserts no payload appears as live markup anywhere in `html`. */
function assertInert(html: string) {
  // The only <script> is ours: the j/k keyboard walk, loaded from our origin.
  expect(html.replace(/<script src="\/static\/review-keys\.[a-z0-9]+\.js" defer(="")?><\/script>/g, '')).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img[^>]*onerror/i);
  expect(html).not.toMatch(/<svg[^>]*onload/i);
  expect(html).not.toMatch(/<a [^>]*href="javascript:/i);
  expect(html).not.toMatch(/<title>[^<]*<\/title><script/i);
}

describe('crawled text is shown escaped', () => {
  it('on the finding page: match, context, title, URL and diff', async () => {
    const res = await c.get('/review/findings/1');
    expect(res.status).toBe(200);
    const html = await res.text();
    assertInert(html);
    expect(html).toContain('&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;svg onload=alert(3)&gt;');
    // The match is highlighted inside the escaped context.
    expect(html).toContain('<mark>&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;</mark>');
    // A javascript: URL is text only, never a link.
    expect(html).toContain('javascript:alert(document.cookie)//&lt;script&gt;');
    expect(html).toContain('inte en webbadress');
    expect(html).not.toMatch(/href="javascript/i);
  });
  it('in the queue, the provider page, the audit log and the bulk confirmation', async () => {
    for (const path of ['/review/findings', '/review/providers/1', '/review/audit', '/en/review/findings/1']) assertInert(await (await c.get(path)).text());
    const res = await c.postForm('/review/findings/bulk', { action: 'dismiss', reason: '<script>alert("r")</script>', ids: '1' });
    const html = await res.text();
    assertInert(html);
    expect(html).toContain('value="&lt;script&gt;alert(&quot;r&quot;)&lt;/script&gt;"');
  });
  it('in notes and reasons officers type', async () => {
    await c.postForm('/review/findings/1/note', { note: '<img src=x onerror=alert(5)>' }, '/review/findings/1');
    for (const path of ['/review/findings/1', '/review/audit']) {
      const html = await (await c.get(path)).text();
      assertInert(html);
      expect(html).toContain('&lt;img src=x onerror=alert(5)&gt;');
    }
  });
  it('serves every page with a CSP that forbids inline script and style', async () => {
    const res = await c.get('/review/findings/1');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('JSON exports carry the raw text as JSON strings (no HTML context)', async () => {
    const res = await c.get('/review/findings/export.json');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { findings: { match: string }[] };
    expect(body.findings[0].match).toBe(PAYLOAD_MATCH);
  });
});
