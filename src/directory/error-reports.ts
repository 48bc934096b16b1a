/**
 * Error reports sent through /kontakt: the bounded form fields, their validation, storing a
 * report for the officers and listing reports in the review workspace. Public and without
 * accounts, so every field is bounded and the text is stored as given and always escaped when shown.
 */
import { desc, count } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/types';
import { errorReports } from '../db/schema';

export const REPORT_KINDS = ['wrong_data', 'accessibility', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Longest message (characters). */
export const REPORT_MESSAGE_MAX = 2000;
export const REPORT_PAGE_MAX = 300;
export const REPORT_EMAIL_MAX = 254;
/** Reports per client IP per window (stricter than the self-check: a report is stored). */
export const REPORT_RATE_LIMIT = 5;
export const REPORT_RATE_WINDOW_SECONDS = 600;
/** Largest form body accepted (bytes); the fields above fit in a fraction of it even URL-encoded. */
export const REPORT_MAX_BODY_BYTES = 32 * 1024;

/** The field that failed and which message explains it. */
export type ReportProblem = { field: 'kind' | 'message' | 'replyTo'; key: 'reportErrorKind' | 'reportErrorEmpty' | 'reportErrorTooLong' | 'reportErrorEmail' };

export interface ReportInput {
  kind: string;
  pageUrl: string;
  message: string;
  replyTo: string;
}

const email = z.string().email().max(REPORT_EMAIL_MAX);

/** Strips control characters (except new lines and tabs) that have no place in a message. */
const clean = (s: string) => s.replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

/** Validates the form; returns the cleaned report or every problem found. */
export function validateReport(input: ReportInput): { ok: true; value: { kind: ReportKind; pageUrl: string | null; message: string; replyTo: string | null } } | { ok: false; problems: ReportProblem[] } {
  const problems: ReportProblem[] = [];
  const kind = (REPORT_KINDS as readonly string[]).includes(input.kind) ? (input.kind as ReportKind) : null;
  if (!kind) problems.push({ field: 'kind', key: 'reportErrorKind' });
  const message = clean(input.message).trim();
  if (!message) problems.push({ field: 'message', key: 'reportErrorEmpty' });
  else if (message.length > REPORT_MESSAGE_MAX) problems.push({ field: 'message', key: 'reportErrorTooLong' });
  const replyTo = input.replyTo.trim();
  if (replyTo && !email.safeParse(replyTo).success) problems.push({ field: 'replyTo', key: 'reportErrorEmail' });
  if (problems.length) return { ok: false, problems };
  const pageUrl = clean(input.pageUrl).replace(/\s+/g, ' ').trim().slice(0, REPORT_PAGE_MAX);
  return { ok: true, value: { kind: kind!, pageUrl: pageUrl || null, message, replyTo: replyTo || null } };
}

/** Stores a validated report; returns its id. */
export async function storeReport(db: Db, report: { kind: ReportKind; pageUrl: string | null; message: string; replyTo: string | null }, locale: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(errorReports)
    .values({ ...report, locale, receivedAt: now.toISOString(), status: 'new' })
    .returning({ id: errorReports.id });
  return row.id;
}

export type StoredReport = typeof errorReports.$inferSelect;

/** Newest reports first, a page at a time, with the total count. */
export async function listReports(db: Db, limit: number, offset: number): Promise<{ rows: StoredReport[]; total: number }> {
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(errorReports).orderBy(desc(errorReports.receivedAt), desc(errorReports.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(errorReports),
  ]);
  return { rows, total: n };
}
