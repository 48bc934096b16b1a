import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { eq } from 'drizzle-orm';
import { QUEUE_PAGE_SIZE } from '../../src/review/settings';
import { OFFICER, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

let t: ReviewTestApp;
let c: Client;
const SEVS = ['critical', 'high', 'medium', 'low'];
const RULES = ['R22-INDUCEMENT', 'R22-FEE', 'R22-RATING'];
const STATUSES = ['open', 'open', 'confirmed', 'dismissed', 'resolved'];

beforeAll(async () => {
  t = await reviewTestApp({
    seed: async (db) => {
      // 70 findings over providers 1 (Västerås), 2 (Västerås + Eskilstuna), 5 (Eskilstuna) and none.
      const provs = [1, 2, 5, null];
      await seedFindings(
        db,
        Array.from({ length: 70 }, (_, i) => ({
          id: i + 1,
          severity: SEVS[i % 4],
          ruleId: RULES[i % 3],
          status: STATUSES[i % 5],
          providerId: provs[i % 4],
          firstSeenAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
          match: i === 7 ? '=HYPERLINK("http://evil.example")' : `träff ${i + 1}`,
          context: i === 7 ? '=HYPERLINK("http://evil.example")' : `text, "med citat" och\nradbrytning ${i + 1}`,
        })),
      );
    },
  });
  c = await signedIn(t, OFFICER);
});
afterAll(() => t.close());

const pageIds = async (query: string) => {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const html = await (await c.get(`/review/findings${query}${query ? '&' : '?'}page=${page}`)).text();
    ids.push(...[...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1])));
    if (!html.includes('rel="next"')) break;
  }
  return ids;
};
const jsonIds = async (query: string) => ((await (await c.get(`/review/findings/export.json${query}`)).json()) as { findings: { id: number }[] }).findings.map((f) => f.id);

/** Minimal RFC 4180 parser for the assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('queue exports match the filters exactly', () => {
  const QUERIES = [
    '',
    '?status=all',
    '?status=all&sort=first_seen_asc',
    '?severity=high',
    '?status=all&rule=R22-FEE&sort=severity',
    '?status=dismissed',
    '?status=all&provider=2',
    '?status=all&municipality=0484', // Eskilstuna: providers 2 and 5
    '?status=all&area=100', // Västerås area: providers 1 and 2
    '?status=all&from=2026-10-10&to=2026-10-20',
    '?status=all&sort=provider',
  ];
  it.each(QUERIES)('JSON and CSV of "%s" list the same findings in the same order as the pages', async (q) => {
    const shown = await pageIds(q);
    const json = await jsonIds(q);
    expect(json).toEqual(shown);
    const csv = parseCsv(await (await c.get(`/review/findings/export.csv${q}`)).text());
    expect(csv[0][0]).toBe('id');
    expect(csv.slice(1).map((r) => Number(r[0]))).toEqual(shown);
  });
  it('the filters really filter (spot checks)', async () => {
    const esk = await jsonIds('?status=all&municipality=0484');
    const all = (await (await c.get('/review/findings/export.json?status=all')).json()) as { findings: { id: number; providerId: number | null; firstSeenAt: string }[] };
    expect(esk.sort((a, b) => a - b)).toEqual(all.findings.filter((f) => f.providerId === 2 || f.providerId === 5).map((f) => f.id).sort((a, b) => a - b));
    const range = (await (await c.get('/review/findings/export.json?status=all&from=2026-10-10&to=2026-10-20')).json()) as { findings: { firstSeenAt: string }[] };
    expect(range.findings).toHaveLength(11);
    expect(range.findings.every((f) => f.firstSeenAt >= '2026-10-10' && f.firstSeenAt < '2026-10-21')).toBe(true);
    expect(await pageIds('?status=all')).toHaveLength(70); // two pages
    expect(QUEUE_PAGE_SIZE).toBeLessThan(70);
  });
  it('shows counts per status and the total under the filters', async () => {
    const html = await (await c.get('/review/findings?status=all&severity=low')).text();
    const json = await jsonIds('?status=all&severity=low');
    expect(html).toContain(`${json.length} fynd matchar filtren`);
  });
  it('writes CSV safely: quotes, line breaks and formula-looking cells', async () => {
    const text = await (await c.get('/review/findings/export.csv?status=all')).text();
    const rows = parseCsv(text);
    const header = rows[0];
    const row8 = rows.find((r) => r[0] === '8')!;
    expect(row8[header.indexOf('match')]).toBe(`'=HYPERLINK("http://evil.example")`);
    const row1 = rows.find((r) => r[0] === '1')!;
    expect(row1[header.indexOf('context')]).toBe('text, "med citat" och\nradbrytning 1');
  });
  it('records each export in the audit log with its filters', async () => {
    await c.get('/review/findings/export.csv?severity=critical');
    const exports = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'export'));
    expect(exports.some((e) => JSON.parse(e.detail!).filters === '?severity=critical' && JSON.parse(e.detail!).format === 'csv')).toBe(true);
  });
  it('rejects unknown filter values (400)', async () => {
    for (const q of ['?status=deleted', '?severity=huge', '?from=yesterday', '?provider=abc', '?sort=random', '?municipality=12']) {
      expect((await c.get(`/review/findings/export.json${q}`)).status, q).toBe(400);
    }
  });
});

describe('audit log and its export', () => {
  it('lists finding and account events, filters them, and exports exactly the filtered list', async () => {
    await c.postForm('/review/findings/1/note', { note: 'Ringt leverantören' }, '/review/findings/1');
    await c.postForm('/review/findings/2/dismiss', { reason: 'Felaktig träff' }, '/review/findings/2');
    const html = await (await c.get('/review/audit?source=finding&kind=dismissed')).text();
    expect(html).toContain('Felaktig träff');
    expect(html).not.toContain('Ringt leverantören');
    const json = (await (await c.get('/review/audit/export.json?source=finding&kind=dismissed')).json()) as { events: { kind: string; findingId: number; detail: string }[] };
    expect(json.events).toEqual([expect.objectContaining({ kind: 'dismissed', findingId: 2, detail: 'Felaktig träff' })]);
    const csv = parseCsv(await (await c.get('/review/audit/export.csv?actor=user:' + t.officerId + '&source=finding')).text());
    expect(csv.slice(1).map((r) => r[csv[0].indexOf('kind')]).sort()).toEqual(['dismissed', 'note']);
    const account = (await (await c.get('/review/audit/export.json?source=account&kind=login')).json()) as { events: { actor: string }[] };
    expect(account.events.length).toBeGreaterThan(0);
    expect(account.events.every((e) => e.actor.startsWith('user:'))).toBe(true);
    const byFinding = (await (await c.get('/review/audit/export.json?finding=1')).json()) as { events: { kind: string }[] };
    expect(byFinding.events.map((e) => e.kind)).toEqual(['note', 'created']);
  });
});
