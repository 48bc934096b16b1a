import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlRuns, findingEvents } from '../../src/db/schema';
import { dashboardFigures, weeklyTrend } from '../../src/review/dashboard-queries';
import { OFFICER, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

let t: ReviewTestApp;
let c: Client;
beforeAll(async () => {
  t = await reviewTestApp({
    seed: async (db) => {
      await seedFindings(db, [
        { id: 1, severity: 'critical', firstSeenAt: '2026-11-17T09:00:00.000Z' },
        { id: 2, severity: 'high', ruleId: 'R22-FEE', providerId: 2, firstSeenAt: '2026-11-18T09:00:00.000Z' },
        { id: 3, severity: 'high', ruleId: 'R22-FEE', providerId: 5, status: 'confirmed', firstSeenAt: '2026-11-10T09:00:00.000Z' },
        { id: 4, severity: 'low', status: 'resolved', firstSeenAt: '2026-11-03T09:00:00.000Z' },
        { id: 5, severity: 'medium', status: 'dismissed', firstSeenAt: '2026-11-23T08:00:00.000Z' },
      ]);
      await db.insert(findingEvents).values({ findingId: 4, at: '2026-11-12T09:00:00.000Z', actor: 'crawler', kind: 'resolved', fromStatus: 'open', toStatus: 'resolved' });
      await db.insert(crawlRuns).values({ trigger: 'interval', owner: 'x', startedAt: '2026-11-22T08:00:00.000Z', finishedAt: '2026-11-22T08:00:25.000Z', pagesFetched: 40, errors: 3, partial: true });
      // A run whose process was killed, closed by a later tick as aborted with what it did.
      await db.insert(crawlRuns).values({
        trigger: 'cli', owner: 'dead', startedAt: '2026-11-21T08:00:00.000Z', finishedAt: '2026-11-21T08:01:00.000Z', pagesFetched: 19, findingsNew: 18,
        partial: true, aborted: true, analysisTimeouts: 2, pagesTruncated: 1,
      });
    },
  });
  c = await signedIn(t, OFFICER);
});
afterAll(() => t.close());

describe('dashboard', () => {
  it('says what each count counts, and why the area counts can add up to more than the findings', async () => {
    const html = await (await c.get('/review')).text();
    // 3 active findings, but 4 in the area table: provider 2 has contracts in both areas.
    expect(html).toContain('En leverantör med avtal i flera områden räknas i vart och ett av dem, så summan kan bli större än antalet fynd.');
    expect(html).toContain('Varje fynd räknas en gång');
    expect(html).toContain('de 10 vanligaste reglerna');
    expect(html).toContain('Schemalagd (intervall)');
    expect(await (await c.get('/en/review')).text()).toContain('counts in each of them');
  });
  it('counts active findings by severity, rule, area and provider', async () => {
    const f = await dashboardFigures(t.db);
    expect(f.totalActive).toBe(3);
    expect(f.bySeverity).toEqual({ critical: 1, high: 2 });
    expect(f.byRule).toEqual([
      { key: 'R22-FEE', label: 'R22-FEE', n: 2 },
      { key: 'R22-INDUCEMENT', label: 'R22-INDUCEMENT', n: 1 },
    ]);
    // Provider 2 works in both areas, 1 in Västerås, 5 in Eskilstuna; ties by name.
    expect(f.byArea.map((a) => [a.label, a.n])).toEqual([
      ['Eskilstuna', 2],
      ['Västerås', 2],
    ]);
    expect(f.byProvider.map((p) => p.n)).toEqual([1, 1, 1]);
  });
  it('counts new and resolved findings per Monday-based week', async () => {
    const trend = await weeklyTrend(t.db, t.now.value, 4);
    expect(trend).toEqual([
      { week: '2026-11-02', created: 1, resolved: 0 },
      { week: '2026-11-09', created: 1, resolved: 1 },
      { week: '2026-11-16', created: 2, resolved: 0 },
      { week: '2026-11-23', created: 1, resolved: 0 },
    ]);
  });
  it('renders counts, an accessible SVG chart with a data table, and crawl health', async () => {
    const html = await (await c.get('/review')).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="trend-title trend-desc"/);
    expect(html).toContain('<title id="trend-title">');
    expect(html).toContain('<desc id="trend-desc">');
    expect(html).toMatch(/<th scope="row">v\. 46<\/th><td>1<\/td><td>1<\/td>/);
    expect(html).toContain('Delvis (tiden tog slut)');
    // The killed run is shown as aborted, with its pages, timeouts and truncated pages — never as "Hel".
    expect(html).toContain('Avbruten (processen stoppades');
    expect(html).toMatch(/<td>19<\/td><td>0 · 2 sidor tog för lång tid att analysera · 1 sidor lästes delvis<\/td><td>Avbruten/);
    expect(html).toContain('href="/review/findings?rule=R22-FEE"');
    expect(html).toContain('href="/review/providers/2"');
    const en = await (await c.get('/en/review')).text();
    expect(en).toContain('New and resolved findings per week');
    expect(en).toContain('W46');
  });
  it('shows a provider compliance page with its findings over time', async () => {
    const html = await (await c.get('/review/providers/1')).text();
    expect(html).toContain('Efterlevnad: Alfa Jobbcoach AB');
    expect(html).toContain('aria-labelledby="provider-trend-title provider-trend-desc"');
    for (const id of [1, 4, 5]) expect(html).toContain(`href="/review/findings/${id}"`);
    expect(html).not.toContain('href="/review/findings/2"');
    expect((await c.get('/review/providers/999')).status).toBe(404);
  });
});
