/**
 * The audit log as one list: officers' and the crawler's finding events (finding_events) and
 * account/administration events (audit_events), newest first, filterable, for the log page
 * and its CSV/JSON export (both use the same filter parser and query).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { badRequest } from '../http/errors';
import type { Locale } from '../i18n/locale-info';
import { rt } from '../i18n/review/texts';

export interface AuditFilters {
  source: 'all' | 'finding' | 'account';
  actor?: string;
  kind?: string;
  finding?: number;
  from?: string;
  to?: string;
  page: number;
}

export interface AuditEntry {
  source: 'finding' | 'account';
  id: number;
  at: string;
  actor: string;
  kind: string;
  findingId: number | null;
  subjectType: string | null;
  subjectId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** Reason or note (finding events) or JSON detail (account events). */
  detail: string | null;
  ruleId: string | null;
  url: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses the log's query parameters; bad values are a 400 naming the parameter. */
export function parseAuditFilters(q: Record<string, string | undefined>, locale: Locale = 'en'): AuditFilters {
  const v = (k: string) => q[k]?.trim() || undefined;
  const f: AuditFilters = { source: 'all', page: 1 };
  const source = v('source');
  if (source) {
    if (source !== 'all' && source !== 'finding' && source !== 'account') throw badRequest('source', rt(locale, 'badParam_oneOf', { field: 'source', values: 'all, finding, account' }));
    f.source = source;
  }
  const actor = v('actor');
  if (actor) {
    if (actor.length > 60) throw badRequest('actor', rt(locale, 'badParam_tooLong', { field: 'actor' }));
    f.actor = actor;
  }
  const kind = v('kind');
  if (kind) {
    if (!/^[a-z_]{1,40}$/.test(kind)) throw badRequest('kind', rt(locale, 'badParam_kind'));
    f.kind = kind;
  }
  const finding = v('finding');
  if (finding) {
    if (!/^\d{1,9}$/.test(finding)) throw badRequest('finding', rt(locale, 'badParam_id', { field: 'finding' }));
    f.finding = Number(finding);
  }
  for (const key of ['from', 'to'] as const) {
    const s = v(key);
    if (s) {
      if (!DAY.test(s)) throw badRequest(key, rt(locale, 'badParam_date', { field: key }));
      f[key] = s;
    }
  }
  const page = v('page');
  if (page) {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1) throw badRequest('page', rt(locale, 'badParam_page'));
    f.page = Number(page);
  }
  return f;
}

/** Query string of the filters (for pager links and exports). */
export function auditQuery(f: AuditFilters, page: number | null = f.page): string {
  const p = new URLSearchParams();
  if (f.source !== 'all') p.set('source', f.source);
  if (f.actor) p.set('actor', f.actor);
  if (f.kind) p.set('kind', f.kind);
  if (f.finding !== undefined) p.set('finding', String(f.finding));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function unionSql(f: AuditFilters): SQL {
  const fe: SQL[] = [sql`1 = 1`];
  const ae: SQL[] = [sql`1 = 1`];
  if (f.actor) {
    fe.push(sql`fe.actor = ${f.actor}`);
    ae.push(sql`ae.actor = ${f.actor}`);
  }
  if (f.kind) {
    fe.push(sql`fe.kind = ${f.kind}`);
    ae.push(sql`ae.action = ${f.kind}`);
  }
  if (f.finding !== undefined) {
    fe.push(sql`fe.finding_id = ${f.finding}`);
    ae.push(sql`ae.subject_type = 'finding' and ae.subject_id = ${String(f.finding)}`);
  }
  if (f.from) {
    fe.push(sql`fe.at >= ${f.from}`);
    ae.push(sql`ae.at >= ${f.from}`);
  }
  if (f.to) {
    fe.push(sql`fe.at < ${nextDay(f.to)}`);
    ae.push(sql`ae.at < ${nextDay(f.to)}`);
  }
  const findingPart = sql`select 'finding' as source, fe.id as id, fe.at as at, fe.actor as actor, fe.kind as kind, fe.finding_id as finding_id,
      'finding' as subject_type, cast(fe.finding_id as text) as subject_id, fe.from_status as from_status, fe.to_status as to_status,
      fe.reason as detail, f.rule_id as rule_id, f.url as url
    from finding_events fe join findings f on f.id = fe.finding_id where ${sql.join(fe, sql` and `)}`;
  const accountPart = sql`select 'account' as source, ae.id as id, ae.at as at, ae.actor as actor, ae.action as kind, null as finding_id,
      ae.subject_type as subject_type, ae.subject_id as subject_id, null as from_status, null as to_status,
      ae.detail as detail, null as rule_id, null as url
    from audit_events ae where ${sql.join(ae, sql` and `)}`;
  if (f.source === 'finding') return findingPart;
  if (f.source === 'account') return accountPart;
  return sql`${findingPart} union all ${accountPart}`;
}

interface RawEntry {
  source: 'finding' | 'account';
  id: number;
  at: string;
  actor: string;
  kind: string;
  finding_id: number | null;
  subject_type: string | null;
  subject_id: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
  rule_id: string | null;
  url: string | null;
}

const toEntry = (r: RawEntry): AuditEntry => ({
  source: r.source,
  id: Number(r.id),
  at: r.at,
  actor: r.actor,
  kind: r.kind,
  findingId: r.finding_id === null ? null : Number(r.finding_id),
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  detail: r.detail,
  ruleId: r.rule_id,
  url: r.url,
});

/** Entries matching the filters, newest first, `limit` from `offset`. */
export async function selectAudit(db: Db, f: AuditFilters, limit: number, offset = 0): Promise<AuditEntry[]> {
  const rows = await db.all<RawEntry>(sql`select * from (${unionSql(f)}) order by at desc, source asc, id desc limit ${limit} offset ${offset}`);
  return rows.map(toEntry);
}

/** Number of entries matching the filters. */
export async function countAudit(db: Db, f: AuditFilters): Promise<number> {
  const rows = await db.all<{ n: number }>(sql`select count(*) as n from (${unionSql(f)})`);
  return Number(rows[0]?.n ?? 0);
}
