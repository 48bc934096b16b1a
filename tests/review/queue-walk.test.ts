import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFICER, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

// Ids in the order the queue should show them: most severe first, then the surest first.
//   3 critical (1.0) · 5 high (1.0) · 1 high possible 0.9 · 4 high possible 0.6 · 2 low (1.0) · 6 medium dismissed
let t: ReviewTestApp;
let c: Client;
beforeEach(async () => {
  t = await reviewTestApp({
    seed: async (db) => {
      await seedFindings(db, [
        { id: 1, severity: 'high', certainty: 'possible', possibleReason: 'model_only', confidence: 0.9, firstSeenAt: '2026-11-20T08:00:00.000Z' },
        { id: 2, severity: 'low', firstSeenAt: '2026-11-21T08:00:00.000Z' },
        { id: 3, severity: 'critical', firstSeenAt: '2026-11-10T08:00:00.000Z' },
        { id: 4, severity: 'high', certainty: 'possible', possibleReason: 'lead_clause', confidence: 0.6, firstSeenAt: '2026-11-22T08:00:00.000Z' },
        { id: 5, severity: 'high', firstSeenAt: '2026-11-01T08:00:00.000Z' },
        { id: 6, severity: 'medium', status: 'dismissed', dismissedReason: 'programme name' },
      ]);
    },
  });
  c = await signedIn(t, OFFICER);
});
afterEach(() => t.close());

const idsInQueue = (html: string) => [...html.matchAll(/<a href="\/review\/findings\/(\d+)[^"]*">#\d+<\/a>/g)].map((m) => Number(m[1]));
const act = (id: number, action: string, query: string, form: Record<string, string> = {}) => c.postForm(`/review/findings/${id}/${action}${query}`, form, `/review/findings/${id}${query}`);

describe('the queue opens most severe first, then surest first', () => {
  it('orders by severity, then confidence, then newest, and says so', async () => {
    const html = await (await c.get('/review/findings')).text();
    expect(idsInQueue(html)).toEqual([3, 5, 1, 4, 2]);
    expect(html).toContain('Allvarligast först, säkrast först inom varje grad');
    // A possible finding shows what it is and how sure the model is.
    expect(html).toContain('Möjlig · 90 %');
  });
  it('says on the finding and in the export why a possible finding is only possible', async () => {
    expect(await (await c.get('/review/findings/4')).text()).toMatch(/data-testid="possible-reason"> · en regel som bara ger ledtrådar/);
    expect(await (await c.get('/review/findings/5')).text()).not.toContain('data-testid="possible-reason"');
    const rows = ((await (await c.get('/review/findings/export.json')).json()) as { findings: { id: number; possibleReason: string | null }[] }).findings;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.possibleReason]))).toMatchObject({ 1: 'model_only', 4: 'lead_clause', 5: null });
  });

  it('filters by certainty and by lowest confidence, and refuses nonsense naming the field', async () => {
    expect(idsInQueue(await (await c.get('/review/findings?certainty=possible')).text())).toEqual([1, 4]);
    expect(idsInQueue(await (await c.get('/review/findings?minConfidence=0.75')).text())).toEqual([3, 5, 1, 2]);
    expect(idsInQueue(await (await c.get('/review/findings?sort=confidence')).text())).toEqual([3, 5, 2, 1, 4]);
    for (const [q, field] of [['certainty=maybe', 'certainty'], ['minConfidence=2', 'minConfidence'], ['minConfidence=abc', 'minConfidence']] as const) {
      const res = await c.get(`/review/findings?${q}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(field);
    }
    // In the interface language.
    expect(await (await c.get('/review/findings?certainty=maybe')).text()).toContain('”certainty” måste vara något av: certain, possible.');
    expect(await (await c.get('/en/review/audit?from=yesterday')).text()).toContain('&quot;from&quot; must be a date YYYY-MM-DD.');
  });
  it('keeps the filters on every finding link', async () => {
    const html = await (await c.get('/review/findings?severity=high&rule=R22-INDUCEMENT')).text();
    expect(html).toContain('href="/review/findings/5?severity=high&amp;rule=R22-INDUCEMENT"');
  });
});

describe('walking the queue finding by finding', () => {
  it('shows previous and next along the filtered queue, with j/k links and a back link that keeps the filters', async () => {
    const html = await (await c.get('/review/findings/1?severity=high')).text();
    expect(html).toContain('Fynd 2 av 3 i kön');
    expect(html).toMatch(/<a href="\/review\/findings\/5\?severity=high" rel="prev" data-walk="prev">/);
    expect(html).toMatch(/<a href="\/review\/findings\/4\?severity=high" rel="next" data-walk="next"/);
    expect(html).toContain('<a href="/review/findings?severity=high">Tillbaka till kön</a>');
    expect(html).toMatch(/<script src="\/static\/review-keys\.[a-z0-9]+\.js"/);
    // Every decision form carries the filters.
    expect(html).toContain('action="/review/findings/1/confirm?severity=high"');
  });
  it('after a confirm, lands on the next finding with the same filters', async () => {
    const res = await act(5, 'confirm', '?severity=high');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review/findings/1?severity=high&decided=5&outcome=confirmed');
    const html = await (await c.get(res.headers.get('location')!)).text();
    expect(html).toContain('Fynd 5: Fyndet är bekräftat. Här är nästa fynd i kön.');
    expect(html).toContain('Fynd 2 av 3 i kön');
  });
  it('after a dismissal the finding leaves the queue and the next one still follows it', async () => {
    const res = await act(1, 'dismiss', '?severity=high', { reason: 'Programmets namn' });
    expect(res.headers.get('location')).toBe('/review/findings/4?severity=high&decided=1&outcome=dismissed');
    const html = await (await c.get('/review/findings?severity=high')).text();
    expect(idsInQueue(html)).toEqual([5, 4]);
  });
  it('at the end of the queue, goes back to the queue with the filters and says so', async () => {
    const res = await act(4, 'confirm', '?severity=high&sort=severity');
    expect(res.headers.get('location')).toBe('/review/findings?severity=high&decided=4&outcome=confirmed');
    const html = await (await c.get(res.headers.get('location')!)).text();
    expect(html).toContain('Det finns inga fler fynd i kön med dina filter.');
    expect(html).toContain('<select id="severity" name="severity">');
    expect(html).toMatch(/<option value="high" selected/);
  });
  it('assigning or noting stays on the finding, filters kept', async () => {
    const res = await act(3, 'note', '?severity=critical', { note: 'Ring leverantören' });
    expect(res.headers.get('location')).toBe('/review/findings/3?severity=critical&done=note');
  });
});
