import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSentence } from '../../src/review/audit-sentences';
import type { AuditEntry } from '../../src/review/audit-log';
import { OFFICER, reviewTestApp, seedFindings, signedIn, type Client, type ReviewTestApp } from './review-helpers';

let t: ReviewTestApp;
let c: Client;
beforeEach(async () => {
  t = await reviewTestApp({ seed: async (db) => void (await seedFindings(db, [{ id: 1 }, { id: 2 }])) });
  c = await signedIn(t, OFFICER);
});
afterEach(() => t.close());

/** The cells of the audit table, tags stripped, one string per row. */
const rows = (html: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1].replace(/<details[\s\S]*?<\/details>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('the audit log reads as sentences in the interface language', () => {
  it('describes decisions, sign-ins and exports in Swedish, with the raw event folded away', async () => {
    await c.postForm('/review/findings/1/dismiss', { reason: 'Programnamn, inte en gåva' }, '/review/findings/1');
    await c.get('/review/findings/export.csv');
    const html = await (await c.get('/review/audit')).text();
    const text = rows(html).join('\n');
    expect(text).toContain('Olga Officer avfärdade fynd #1 (R22-INDUCEMENT) med motiveringen ”Programnamn, inte en gåva”.');
    expect(text).toContain('Genomsökningen hittade fynd #2 (R22-INDUCEMENT).');
    expect(text).toMatch(/Olga Officer loggade in \(IP-adress [^)]+\)\./);
    expect(text).toMatch(/Olga Officer exporterade \d+ rader av fynden som CSV\./);
    // Event keys and JSON never stand in the sentence; they sit behind "Visa händelsen som data".
    expect(text).not.toMatch(/\{"|login_failed|user:\d/);
    expect(html).toContain('<summary>Visa händelsen som data</summary>');
  });
  it('names every kind of event in words in its own column, account events too, and says the export holds events', async () => {
    await c.get('/review/audit/export.csv');
    const html = await (await c.get('/review/audit')).text();
    const kinds = [...html.matchAll(/<tr>[\s\S]*?<td>([^<]*)<\/td>\s*<\/tr>/g)].map((m) => m[1]);
    expect(kinds).toEqual(expect.arrayContaining(['Inloggning', 'Export', 'Upptäckt']));
    expect(kinds.filter((k) => /^[a-z_]+$/.test(k))).toEqual([]);
    expect(html).toContain('Exporten innehåller alla händelser som matchar filtren');
    const en = await (await c.get('/en/review/audit')).text();
    expect(en).toMatch(/<td>Sign-in<\/td>/);
  });
  it('speaks English under /en', async () => {
    const html = await (await c.get('/en/review/audit')).text();
    expect(rows(html).join('\n')).toMatch(/Olga Officer signed in \(IP address [^)]+\)\./);
  });
  it('never shows a raw key for an event it does not know, nor breaks on a detail that is not JSON', () => {
    const e: AuditEntry = { source: 'account', id: 1, at: '2026-11-20T08:00:00.000Z', actor: 'user:3', kind: 'something_new', findingId: null, subjectType: 'user', subjectId: '3', fromStatus: null, toStatus: null, detail: '{not json', ruleId: null, url: null };
    expect(auditSentence('sv', e, () => 'Kalle')).toBe('Kalle: something_new.');
    expect(auditSentence('en', { ...e, kind: 'login_failed', detail: '{"reason":"wrong_password","ip":"127.0.0.1"}' }, () => 'Kalle')).toBe('Failed sign-in for Kalle: wrong password (IP address 127.0.0.1).');
  });
});
