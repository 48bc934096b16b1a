import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorReports } from '../../src/db/schema';
import { REPORT_MESSAGE_MAX, REPORT_RATE_LIMIT } from '../../src/directory/error-reports';
import { Client, OFFICER, reviewTestApp, signedIn, type ReviewTestApp } from '../review/review-helpers';

let t: ReviewTestApp;
beforeAll(async () => {
  t = await reviewTestApp();
});
afterAll(() => t.close());

const post = (form: Record<string, string>, headers: Record<string, string> = {}, path = '/kontakt') =>
  t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'cf-connecting-ip': headers.ip ?? '192.0.2.1', ...headers },
  });

describe('footer pages', () => {
  it.each(['/tillganglighet', '/integritet', '/kontakt', '/en/tillganglighet', '/en/integritet', '/en/kontakt'])('serves %s', async (path) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
  });
  it('links all three, the self-check and the rules from every public page', async () => {
    for (const path of ['/', '/kommun/vasteras', '/en/']) {
      const html = await (await t.app.request(path)).text();
      for (const href of ['/kontakt', '/tillganglighet', '/integritet', '/rules']) expect(html, path).toContain(`href="${path.startsWith('/en') ? '/en' : ''}${href}"`);
      expect(html).toMatch(/href="\/(sjalvkontroll|self-check)"/);
    }
  });
  it('serves all three in every other language, saying the body is only in Swedish and English', async () => {
    const ar = await t.app.request('/ar/tillganglighet');
    expect(ar.status).toBe(200);
    expect(ar.headers.get('content-language')).toBe('ar');
    const html = await ar.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('هذه الصفحة متوفرة باللغتين السويدية والإنجليزية فقط.');
    expect(html).toContain('href="/tillganglighet"');
    expect(html).toContain('href="/en/tillganglighet"');
    // The English body, marked so that a screen reader switches voice and direction.
    expect(html).toMatch(/<div lang="en" dir="ltr"><h1>Accessibility statement for Valkollen<\/h1>/);
    const easy = await (await t.app.request('/lattlast/integritet')).text();
    expect(easy).toMatch(/<div lang="sv" dir="ltr"><h1>/);
    const so = await (await t.app.request('/so/kontakt')).text();
    expect(so).toContain('action="/so/kontakt"');
    expect(so).toContain('Siyaabo kale oo nala la xiriiro');
    expect(so).toContain('href="/so/sjalvkontroll"');
    // Swedish and English pages carry no such note.
    expect(await (await t.app.request('/tillganglighet')).text()).not.toContain('role="note"');
  });
  it('the accessibility statement has DIGG’s parts', async () => {
    const html = await (await t.app.request('/tillganglighet')).text();
    for (const part of ['delvis förenlig', 'Innehåll som inte är tillgängligt', 'Rapportera brister', 'Tillsyn', 'DIGG', 'Senaste bedömningen gjordes den']) expect(html).toContain(part);
  });
});

describe('/kontakt report form', () => {
  it('stores a valid report and redirects to the thank-you (Post/Redirect/Get)', async () => {
    const res = await post({ kind: 'wrong_data', page: '/leverantor/1', message: 'Fel adress <script>x</script>', replyTo: 'a@example.se' }, { ip: '192.0.2.10' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/kontakt?skickat=1');
    const rows = await t.db.select().from(errorReports);
    expect(rows.at(-1)).toMatchObject({ kind: 'wrong_data', pageUrl: '/leverantor/1', replyTo: 'a@example.se', locale: 'sv', status: 'new' });
    expect(await (await t.app.request('/kontakt?skickat=1')).text()).toContain('Tack!');
  });
  it('stores a report sent from another language with that language, and answers in it', async () => {
    const res = await post({ kind: 'accessibility', message: 'Qoraalka waa yar yahay' }, { ip: '192.0.2.14' }, '/so/kontakt');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/so/kontakt?skickat=1');
    expect((await t.db.select().from(errorReports)).at(-1)).toMatchObject({ kind: 'accessibility', locale: 'so' });
  });
  it('silently drops robots that fill in the honeypot', async () => {
    const before = (await t.db.select().from(errorReports)).length;
    const res = await post({ kind: 'other', message: 'spam', replyTo: '', website: 'http://spam.example' }, { ip: '192.0.2.11' });
    expect(res.status).toBe(303);
    expect(await t.db.select().from(errorReports)).toHaveLength(before);
  });
  it('explains every problem (422) and keeps what was written', async () => {
    const res = await post({ kind: 'nonsense', message: '   ', replyTo: 'not-an-address' }, { ip: '192.0.2.12' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Välj vad det gäller.');
    expect(html).toContain('Skriv ditt meddelande.');
    expect(html).toContain('value="not-an-address"');
    const long = await post({ kind: 'other', message: 'x'.repeat(REPORT_MESSAGE_MAX + 1), replyTo: '' }, { ip: '192.0.2.12' });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('för långt');
  });
  it('refuses posts from other sites (403)', async () => {
    expect((await post({ kind: 'other', message: 'hej' }, { origin: 'https://evil.example', ip: '192.0.2.13' })).status).toBe(403);
  });
  it('limits reports per IP (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= REPORT_RATE_LIMIT; i++) statuses.push((await post({ kind: 'other', message: `nr ${i}` }, { ip: '192.0.2.99' })).status);
    expect(statuses.slice(0, REPORT_RATE_LIMIT).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
  it('shows the reports to signed-in officers only, escaped', async () => {
    expect((await new Client(t).get('/review/error-reports')).status).toBeGreaterThanOrEqual(300);
    const officer = await signedIn(t, OFFICER);
    const res = await officer.get('/review/error-reports');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Fel adress &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('mailto:a@example.se');
    expect((await officer.get('/en/review/error-reports')).status).toBe(200);
  });
});
