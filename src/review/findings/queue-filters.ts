/**
 * The findings queue's filters and order, parsed from the query string (the same parser serves
 * the page and both exports, so an export always matches what the page shows), turned into SQL
 * conditions, and written back into query strings for links.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { contracts, deliveryAreaMunicipalities, findings, providers } from '../../db/schema';
import { badRequest } from '../../http/errors';
import type { Locale } from '../../i18n/locale-info';
import { rt } from '../../i18n/review/texts';

export const STATUSES = ['open', 'confirmed', 'dismissed', 'resolved'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const CERTAINTIES = ['certain', 'possible'] as const;
export const SORTS = ['severity', 'confidence', 'first_seen_desc', 'first_seen_asc', 'last_seen_desc', 'rule', 'provider'] as const;

export type Sort = (typeof SORTS)[number];

/** The queue opens most severe first, the surest first within a severity (then newest). */
export const DEFAULT_SORT: Sort = 'severity';

export interface QueueFilters {
  /** 'active' (open + confirmed, the default), 'all', or one status. */
  status: 'active' | 'all' | (typeof STATUSES)[number];
  severity?: (typeof SEVERITIES)[number];
  /** Only rule matches ('certain') or only what the learned model alone saw ('possible'). */
  certainty?: (typeof CERTAINTIES)[number];
  /** Confidence at least this (0–1). */
  minConfidence?: number;
  rule?: string;
  provider?: number;
  municipality?: string;
  area?: number;
  /** First seen on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** First seen on or before this day. */
  to?: string;
  /** 'me', 'none' or a user id. */
  assignee?: 'me' | 'none' | number;
  sort: Sort;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^\d{1,9}$/;

/** Parses the queue's query parameters; unknown values are a 400 naming the parameter (in the page's language). */
export function parseQueueFilters(q: Record<string, string | undefined>, locale: Locale = 'en'): QueueFilters {
  const oneOf = (field: string, values: readonly string[]) => badRequest(field, rt(locale, 'badParam_oneOf', { field, values: values.join(', ') }));
  const v = (k: string) => {
    const s = q[k]?.trim();
    return s ? s : undefined;
  };
  const f: QueueFilters = { status: 'active', sort: DEFAULT_SORT, page: 1 };
  const status = v('status');
  if (status) {
    if (status !== 'active' && status !== 'all' && !(STATUSES as readonly string[]).includes(status)) throw oneOf('status', ['active', 'all', ...STATUSES]);
    f.status = status as QueueFilters['status'];
  }
  const severity = v('severity');
  if (severity) {
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw oneOf('severity', SEVERITIES);
    f.severity = severity as QueueFilters['severity'];
  }
  const certainty = v('certainty');
  if (certainty) {
    if (!(CERTAINTIES as readonly string[]).includes(certainty)) throw oneOf('certainty', CERTAINTIES);
    f.certainty = certainty as QueueFilters['certainty'];
  }
  const minConfidence = v('minConfidence');
  if (minConfidence) {
    if (!/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(minConfidence)) throw badRequest('minConfidence', rt(locale, 'badParam_confidence'));
    f.minConfidence = Number(minConfidence);
  }
  const rule = v('rule');
  if (rule) {
    if (!/^R22-[A-Z]{1,40}$/.test(rule)) throw badRequest('rule', rt(locale, 'badParam_rule'));
    f.rule = rule;
  }
  for (const key of ['provider', 'area'] as const) {
    const s = v(key);
    if (s) {
      if (!ID.test(s)) throw badRequest(key, rt(locale, 'badParam_id', { field: key }));
      f[key] = Number(s);
    }
  }
  const municipality = v('municipality');
  if (municipality) {
    if (!/^\d{4}$/.test(municipality)) throw badRequest('municipality', rt(locale, 'badParam_municipality'));
    f.municipality = municipality;
  }
  for (const key of ['from', 'to'] as const) {
    const s = v(key);
    if (s) {
      if (!DAY.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw badRequest(key, rt(locale, 'badParam_date', { field: key }));
      f[key] = s;
    }
  }
  const assignee = v('assignee');
  if (assignee) {
    if (assignee === 'me' || assignee === 'none') f.assignee = assignee;
    else if (ID.test(assignee)) f.assignee = Number(assignee);
    else throw badRequest('assignee', rt(locale, 'badParam_assignee'));
  }
  const sort = v('sort');
  if (sort) {
    if (!(SORTS as readonly string[]).includes(sort)) throw oneOf('sort', SORTS);
    f.sort = sort as Sort;
  }
  const page = v('page');
  if (page) {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1) throw badRequest('page', rt(locale, 'badParam_page'));
    f.page = Number(page);
  }
  return f;
}

/** The query string of filters (page and sort optional), for links, exports and "back". */
export function filtersQuery(f: QueueFilters, opts: { page?: number | null; withSort?: boolean; status?: QueueFilters['status'] } = {}): string {
  const p = new URLSearchParams();
  const status = opts.status ?? f.status;
  if (status !== 'active') p.set('status', status);
  if (f.severity) p.set('severity', f.severity);
  if (f.certainty) p.set('certainty', f.certainty);
  if (f.minConfidence !== undefined) p.set('minConfidence', String(f.minConfidence));
  if (f.rule) p.set('rule', f.rule);
  if (f.provider !== undefined) p.set('provider', String(f.provider));
  if (f.municipality) p.set('municipality', f.municipality);
  if (f.area !== undefined) p.set('area', String(f.area));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.assignee !== undefined) p.set('assignee', String(f.assignee));
  if (opts.withSort !== false && f.sort !== DEFAULT_SORT) p.set('sort', f.sort);
  const page = opts.page === undefined ? f.page : opts.page;
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * SQL conditions for the filters. `userId` resolves assignee=me; `today` (YYYY-MM-DD) picks the
 * delivery-area ↔ municipality links in force. `ignoreStatus` is for the per-status counts.
 */
export function queueConditions(f: QueueFilters, ctx: { userId: number; today: string }, opts: { ignoreStatus?: boolean } = {}): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (!opts.ignoreStatus) {
    if (f.status === 'active') c.push(inArray(findings.status, ['open', 'confirmed']));
    else if (f.status !== 'all') c.push(eq(findings.status, f.status));
  }
  if (f.severity) c.push(eq(findings.severity, f.severity));
  if (f.certainty) c.push(eq(findings.certainty, f.certainty));
  if (f.minConfidence !== undefined) c.push(gte(findings.confidence, f.minConfidence));
  if (f.rule) c.push(eq(findings.ruleId, f.rule));
  if (f.provider !== undefined) c.push(eq(findings.providerId, f.provider));
  // A provider belongs to an area (or municipality) through its active contracts there.
  if (f.area !== undefined) {
    c.push(inArray(findings.providerId, sql`(select ${contracts.providerId} from ${contracts} where ${contracts.deliveryAreaId} = ${f.area} and ${contracts.status} = 'active')`));
  }
  if (f.municipality) {
    c.push(
      inArray(
        findings.providerId,
        sql`(select ${contracts.providerId} from ${contracts} join ${deliveryAreaMunicipalities} dam on dam.delivery_area_id = ${contracts.deliveryAreaId}
             where dam.municipality_code = ${f.municipality} and ${contracts.status} = 'active'
               and dam.valid_from <= ${ctx.today} and (dam.valid_to is null or dam.valid_to >= ${ctx.today}))`,
      ),
    );
  }
  if (f.from) c.push(gte(findings.firstSeenAt, f.from));
  if (f.to) c.push(lt(findings.firstSeenAt, nextDay(f.to)));
  if (f.assignee === 'me') c.push(eq(findings.assignedTo, ctx.userId));
  else if (f.assignee === 'none') c.push(isNull(findings.assignedTo));
  else if (typeof f.assignee === 'number') c.push(eq(findings.assignedTo, f.assignee));
  return and(...c);
}

/** Severity as a number for ordering (critical first). */
export const severityOrder = sql`case ${findings.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;

/** ORDER BY terms for a sort; the id breaks ties so pages never overlap. */
export function queueOrder(sort: Sort): SQL[] {
  switch (sort) {
    case 'first_seen_asc':
      return [asc(findings.firstSeenAt), asc(findings.id)];
    case 'last_seen_desc':
      return [desc(findings.lastSeenAt), desc(findings.id)];
    case 'severity':
      return [asc(severityOrder), desc(findings.confidence), desc(findings.firstSeenAt), desc(findings.id)];
    case 'confidence':
      return [desc(findings.confidence), asc(severityOrder), desc(findings.firstSeenAt), desc(findings.id)];
    case 'rule':
      return [asc(findings.ruleId), desc(findings.firstSeenAt), desc(findings.id)];
    case 'provider':
      return [asc(sql`coalesce(${providers.displayName}, '')`), desc(findings.firstSeenAt), desc(findings.id)];
    case 'first_seen_desc':
      return [desc(findings.firstSeenAt), desc(findings.id)];
  }
}
