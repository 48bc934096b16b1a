/**
 * The audit log in words: each entry as one sentence in the interface language ("Olga Officer
 * dismissed finding #12: 'programme name'"), built from templates in the review dictionary.
 * The raw entry stays available behind a fold on the page and in the exports.
 */
import type { Locale } from '../i18n/locale-info';
import type { AuditEntry } from './audit-log';
import { hasReviewKey, rt, rtDynamic } from '../i18n/review/texts';

/** Detail of an account event: its stored JSON object, or nothing when it is not one. */
function detailObject(detail: string | null): Record<string, unknown> {
  if (!detail || detail.length > 10_000) return {};
  try {
    const v: unknown = JSON.parse(detail);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** A person's name for an actor string ('user:3' → name, 'crawler' → "Genomsökningen", …). */
export type ActorNamer = (actor: string) => string;

/**
 * One sentence describing the entry. Unknown kinds still read as a sentence ("X: kind"), so a
 * new event type never shows up as raw JSON.
 */
export function auditSentence(locale: Locale, e: AuditEntry, who: ActorNamer): string {
  const name = who(e.actor);
  if (e.source === 'finding') {
    const params: Record<string, string> = { who: name, id: String(e.findingId ?? ''), rule: e.ruleId ?? '', reason: e.detail ?? '' };
    if (e.kind === 'assigned') {
      const to = e.detail && e.detail !== 'none' ? who(/^\d+$/.test(e.detail) ? `user:${e.detail}` : e.detail) : '';
      return to ? rt(locale, 'auditS_assigned', { ...params, to }) : rt(locale, 'auditS_unassigned', params);
    }
    const key = (e.kind === 'dismissed' || e.kind === 'note') && !e.detail ? `auditS_${e.kind}_bare` : `auditS_${e.kind}`;
    return hasReviewKey(key) ? rt(locale, key, params) : rt(locale, 'auditS_unknown', { who: name, kind: rtDynamic(locale, 'event', e.kind) });
  }
  const d = detailObject(e.detail);
  const params: Record<string, string> = {
    who: name,
    subject: e.subjectType === 'user' && e.subjectId ? who(`user:${e.subjectId}`) : str(e.subjectId),
    ip: str(d.ip) || '–',
    email: str(d.email),
    role: str(d.role) ? rtDynamic(locale, 'role', str(d.role)) : '',
    until: str(d.until).replace('T', ' ').slice(0, 16),
    prefix: str(d.prefix),
    label: str(d.label),
    rows: str(d.rows),
    format: str(d.format).toUpperCase(),
    what: e.subjectType === 'audit_log' ? rt(locale, 'auditS_what_audit') : rt(locale, 'auditS_what_findings'),
    reason: str(d.reason) ? rtDynamic(locale, 'loginFailure', str(d.reason)) : '',
  };
  const key = `auditS_${e.kind}`;
  return hasReviewKey(key) ? rt(locale, key, params) : rt(locale, 'auditS_unknown', { who: name, kind: e.kind });
}
