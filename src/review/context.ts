/**
 * Per-request types and helpers of the review workspace: the signed-in reviewer, the locale
 * from the path (/review… Swedish, /en/review… English) and building workspace paths.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { localePath, type Locale } from '../i18n/locale-info';
import type { SessionRow, UserRow } from './auth/sessions';
import { rt } from '../i18n/review/texts';

export interface Reviewer {
  user: UserRow;
  session: SessionRow;
  /** This session's CSRF token, for the hidden field of every form. */
  csrf: string;
}

export type ReviewEnv = {
  Variables: AppEnv['Variables'] & { reviewer: Reviewer };
};

export type ReviewContext = Context<ReviewEnv>;

/** The workspace language of a request path. */
export function reviewLocale(path: string): 'sv' | 'en' {
  return path === '/en/review' || path.startsWith('/en/review/') ? 'en' : 'sv';
}

/** A workspace path in the locale, e.g. rp('en', '/review/findings') → '/en/review/findings'. */
export const rp = (locale: Locale, path: string) => localePath(locale, path);

/** The request path and query without the /en prefix (for the language switch). */
export function plainReviewPath(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname.replace(/^\/en(?=\/)/, '') + url.search;
}

/** Throws 403 unless the reviewer is an admin. */
export function requireAdmin(c: ReviewContext): void {
  if (c.get('reviewer').user.role !== 'admin') throw new AppError(403, 'forbidden', rt(reviewLocale(c.req.path), 'forbiddenAdmin'));
}

/** A safe local redirect target inside the workspace, or the fallback. */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string') return fallback;
  // Only our own workspace paths: no scheme, no protocol-relative //, no backslashes.
  if (!/^\/(en\/)?review(\/|\?|$)/.test(next) || next.includes('//') || next.includes('\\') || next.length > 2000) return fallback;
  return next;
}
