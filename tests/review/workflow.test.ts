import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { crawlJobs, findingEvents, findings } from '../../src/db/schema';
import { applyDecision, DecisionError } from '../../src/review/findings/workflow';
import { OFFICER, OFFICER2, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

let t: ReviewTestApp;
let c: Client;
let jobId: number;
beforeEach(async () => {
  t = await reviewTestApp({
    seed: async (db) => {
      ({ jobId } = await seedFindings(db, [{ id: 1 }, { id: 2 }, { id: 3, status: 'resolved' }, { id: 4, status: 'confirmed' }, { id: 5, status: 'dismissed', dismissedReason: 'earlier' }]));
    },
  });
  c = await signedIn(t, OFFICER);
});
afterEach(() => t.close());

const finding = async (id: number) => (await t.db.select().from(findings).where(eq(findings.id, id)))[0];
const events = async (id: number) => (await t.db.select().from(findingEvents).where(eq(findingEvents.findingId, id)).orderBy(asc(findingEvents.id))).filter((e) => e.kind !== 'created');
const act = (id: number, action: string, form: Record<string, string> = {}) => c.postForm(`/review/findings/${id}/${action}`, form, `/review/findings/${id}`);

describe('state transitions from the finding page, each with its append-only event', () => {
  it('open → confirmed', async () => {
    const res = await act(1, 'confirm');
    expect(res.status).toBe(303);
    // The officer moves on: to the next finding of the queue, or back to the queue at its end.
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/review\/findings(\/\d+)?\?decided=1&outcome=confirmed$/);
    expect((await finding(1)).status).toBe('confirmed');
    expect(await events(1)).toMatchObject([{ actor: `user:${t.officerId}`, kind: 'confirmed', fromStatus: 'open', toStatus: 'confirmed', at: t.now.value.toISOString() }]);
    expect(await (await c.get(location)).text()).toContain('Fyndet är bekräftat.');
  });
  it('open → dismissed needs a reason, which is stored and recorded', async () => {
    expect((await act(1, 'dismiss', { reason: '   ' })).status).toBe(400);
    expect((await finding(1)).status).toBe('open');
    expect(await events(1)).toEqual([]);
    expect((await act(1, 'dismiss', { reason: 'Programnamn, inte en gåva' })).status).toBe(303);
    expect(await finding(1)).toMatchObject({ status: 'dismissed', dismissedReason: 'Programnamn, inte en gåva' });
    expect(await events(1)).toMatchObject([{ kind: 'dismissed', fromStatus: 'open', toStatus: 'dismissed', reason: 'Programnamn, inte en gåva', actor: `user:${t.officerId}` }]);
  });
  it('confirmed → dismissed, then dismissed → open (undo), keeping the whole history', async () => {
    await act(4, 'dismiss', { reason: 'Falskt larm' });
    expect((await act(4, 'undismiss')).status).toBe(303);
    expect(await finding(4)).toMatchObject({ status: 'open', dismissedReason: null });
    expect((await events(4)).map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['dismissed', 'confirmed', 'dismissed'],
      ['undismissed', 'dismissed', 'open'],
    ]);
  });
  it('refuses transitions the status does not allow (409) without writing events', async () => {
    expect((await act(3, 'confirm')).status).toBe(409); // resolved belongs to the crawler
    expect((await act(3, 'dismiss', { reason: 'x' })).status).toBe(409);
    expect((await act(4, 'confirm')).status).toBe(409); // already confirmed
    expect((await act(1, 'undismiss')).status).toBe(409); // not dismissed
    expect((await act(5, 'dismiss', { reason: 'again' })).status).toBe(409);
    for (const id of [1, 3, 4, 5]) expect(await events(id)).toEqual([]);
  });
  it('assigns to a colleague and removes the assignment', async () => {
    expect((await act(1, 'assign', { assignee: String(t.officer2Id) })).status).toBe(303);
    expect((await finding(1)).assignedTo).toBe(t.officer2Id);
    expect((await act(1, 'assign', { assignee: '' })).status).toBe(303);
    expect((await finding(1)).assignedTo).toBeNull();
    expect((await act(1, 'assign', { assignee: '9999' })).status).toBe(400);
    expect((await events(1)).map((e) => [e.kind, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['assigned', 'open', 'open', `user:${t.officer2Id}`],
      ['assigned', 'open', 'open', 'none'],
    ]);
    const html = await (await c.get('/review/findings/1')).text();
    expect(html).toContain('→ Kalle Kollega');
  });
  it('adds notes (text required) in any status', async () => {
    expect((await act(3, 'note', { note: 'Leverantören kontaktad 2026-11-20' })).status).toBe(303);
    expect((await act(3, 'note', { note: '' })).status).toBe(400);
    expect(await events(3)).toMatchObject([{ kind: 'note', fromStatus: 'resolved', toStatus: 'resolved', reason: 'Leverantören kontaktad 2026-11-20' }]);
    expect((await finding(3)).status).toBe('resolved');
  });
  it('recheck makes the page due now and records who asked', async () => {
    expect((await act(1, 'recheck')).status).toBe(303);
    const [job] = await t.db.select().from(crawlJobs).where(eq(crawlJobs.id, jobId));
    expect(job.nextDueAt).toBe(t.now.value.toISOString());
    expect(await events(1)).toMatchObject([{ kind: 'recheck', actor: `user:${t.officerId}` }]);
  });
  it('shows the history with who did what', async () => {
    await act(1, 'confirm');
    const other = await signedIn(t, OFFICER2);
    await other.postForm('/review/findings/1/dismiss', { reason: 'Ändrat beslut' }, '/review/findings/1');
    const html = await (await c.get('/review/findings/1')).text();
    const history = html.slice(html.indexOf('data-testid="history"'));
    expect(history).toMatch(/Genomsökningen.*Upptäckt.*Olga Officer.*Bekräftad.*Öppen → Bekräftad.*Kalle Kollega.*Avfärdad.*Bekräftad → Avfärdad.*Ändrat beslut/s);
  });
  it('a concurrent decision that already changed the status wins; the loser writes nothing', async () => {
    const stale = await applyDecision(t.db, { action: 'confirm', ids: [1], userId: t.officerId, now: t.now.value });
    expect(stale.changed).toEqual([1]);
    const second = await applyDecision(t.db, { action: 'confirm', ids: [1], userId: t.officer2Id, now: t.now.value });
    expect(second).toEqual({ changed: [], skipped: [1] });
    expect((await events(1)).length).toBe(1);
    await expect(applyDecision(t.db, { action: 'dismiss', ids: [2], userId: t.officerId, now: t.now.value, reason: '' })).rejects.toBeInstanceOf(DecisionError);
  });
});

describe('bulk actions with a confirmation step', () => {
  it('lists what will change and what will not, changes nothing until confirmed, then applies atomically', async () => {
    const token = await c.csrf('/review/findings?status=all');
    const res = await c.post('/review/findings/bulk', { _csrf: token, action: 'dismiss', reason: 'Samma kampanj, godkänd', ids: ['1', '2', '3'], back: '/review/findings?status=all&severity=high' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('2 fynd ändras:');
    expect(html).toContain('1 fynd ändras inte:');
    expect(html).toContain('Öppen → Avfärdad');
    expect(html).toContain('inte möjligt från status Löst');
    expect(html).toMatch(/name="ids" value="1".*name="ids" value="2"/s);
    expect(html).not.toContain('name="ids" value="3"');
    expect((await finding(1)).status).toBe('open');

    const token2 = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const apply = await c.post('/review/findings/bulk/apply', { _csrf: token2, action: 'dismiss', reason: 'Samma kampanj, godkänd', ids: ['1', '2'], back: '/review/findings?status=all&severity=high' });
    expect(apply.status).toBe(303);
    expect(apply.headers.get('location')).toBe('/review/findings?status=all&severity=high&done=2');
    for (const id of [1, 2]) {
      expect(await finding(id)).toMatchObject({ status: 'dismissed', dismissedReason: 'Samma kampanj, godkänd' });
      expect(await events(id)).toMatchObject([{ kind: 'dismissed', reason: 'Samma kampanj, godkänd', fromStatus: 'open', toStatus: 'dismissed' }]);
    }
    expect(await (await c.get('/review/findings?status=all&done=2')).text()).toContain('2 fynd ändrades.');
  });
  it('bulk assign, confirm and undismiss', async () => {
    const t1 = await c.csrf('/review/findings');
    expect((await c.post('/review/findings/bulk/apply', { _csrf: t1, action: 'assign', assignee: String(t.officer2Id), ids: ['1', '2', '3'] })).status).toBe(303);
    for (const id of [1, 2, 3]) expect((await finding(id)).assignedTo).toBe(t.officer2Id);
    expect((await c.post('/review/findings/bulk/apply', { _csrf: t1, action: 'confirm', ids: ['1', '2', '4'] })).status).toBe(303);
    expect((await finding(1)).status).toBe('confirmed');
    expect((await events(4)).length).toBe(0); // already confirmed: skipped
    expect((await c.post('/review/findings/bulk/apply', { _csrf: t1, action: 'undismiss', ids: ['5'] })).status).toBe(303);
    expect((await finding(5)).status).toBe('open');
  });
  it('refuses a bulk dismissal without reason, bad ids, unknown actions, and CSRF failures', async () => {
    const token = await c.csrf('/review/findings');
    expect((await c.post('/review/findings/bulk', { _csrf: token, action: 'dismiss', reason: '', ids: ['1'] })).status).toBe(400);
    expect((await c.post('/review/findings/bulk', { _csrf: token, action: 'delete', ids: ['1'] })).status).toBe(400);
    expect((await c.post('/review/findings/bulk', { _csrf: token, action: 'confirm', ids: ['1; drop table'] })).status).toBe(400);
    expect((await c.post('/review/findings/bulk', { _csrf: token, action: 'confirm' })).status).toBe(400);
    expect((await c.post('/review/findings/bulk/apply', { _csrf: 'nope', action: 'confirm', ids: ['1'] })).status).toBe(403);
    expect((await c.post('/review/findings/bulk/apply', { _csrf: token, action: 'confirm', ids: ['1'], back: 'https://evil.example/' })).headers.get('location')).toBe('/review/findings?done=1');
    expect((await finding(1)).status).toBe('confirmed');
  });
});
