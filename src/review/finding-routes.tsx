/**
 * The findings queue, its exports, bulk actions (choose → confirm → apply) and the finding page
 * with its decision forms. Every POST has passed the CSRF middleware; every change goes through
 * applyDecision, which writes the finding_events rows.
 */
import type { Hono } from 'hono';
import { AppError, badRequest, notFound } from '../http/errors';
import type { Locale } from '../i18n/locale-info';
import { recordAudit } from './audit';
import { listUsers } from './auth/users';
import { rp, safeNext, plainReviewPath, type ReviewContext, type ReviewEnv } from './context';
import { toCsv } from './csv';
import { loadFindingDetail } from './findings/finding-detail';
import { filtersQuery, parseQueueFilters, type QueueFilters } from './findings/queue-filters';
import { findingsByIds, loadFilterOptions, loadQueue, queueNeighbours, selectFindings, type QueueRow } from './findings/queue-queries';
import { actionAllowed, applyDecision, BULK_ACTIONS, DecisionError, statusAfter, type Action, type BulkAction } from './findings/workflow';
import { allRuleIds, reviewRuleset, ruleById, ruleTitler } from './rules';
import { BULK_MAX, EXPORT_MAX_ROWS } from './settings';
import { rt, rtDynamic, type ReviewKey } from '../i18n/review/texts';
import { BulkConfirmPage } from './views/bulk-page';
import { FindingPage } from './views/finding-page';
import { QueuePage } from './views/queue-page';

const today = (c: ReviewContext) => c.get('deps').clock().toISOString().slice(0, 10);
const ctxOf = (c: ReviewContext) => ({ userId: c.get('reviewer').user.id, today: today(c) });

/** Parses a path id or throws 404. */
function idParam(c: ReviewContext, locale: Locale): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw notFound(rt(locale, 'notFoundFinding', { id: raw.slice(0, 20) }));
  return Number(raw);
}

/** Maps a refused decision to a 400/409 with a message in the locale. */
function decisionError(e: unknown, locale: Locale): never {
  if (e instanceof DecisionError) {
    if (e.code === 'reason_required') throw badRequest('reason', rt(locale, 'reasonRequired'));
    if (e.code === 'note_required') throw badRequest('note', rt(locale, 'noteRequired'));
    if (e.code === 'bad_assignee') throw badRequest('assignee', rt(locale, 'badAssignee'));
    if (e.code === 'no_job') throw new AppError(409, 'no_job', rt(locale, 'recheckNoJob'));
  }
  throw e;
}

/** One export row (the same fields in CSV and JSON). */
function exportRecord(r: QueueRow) {
  return {
    id: r.id,
    status: r.status,
    severity: r.severity,
    ruleId: r.ruleId,
    providerId: r.providerId,
    providerName: r.providerName,
    url: r.url,
    match: r.match,
    context: r.context,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    resolvedAt: r.resolvedAt,
    timesReopened: r.timesReopened,
    assignedTo: r.assignedTo,
    assignedName: r.assignedName,
    dismissedReason: r.dismissedReason,
    rulesetVersion: r.rulesetVersion,
    fingerprint: r.fingerprint,
    certainty: r.certainty,
    possibleReason: r.possibleReason,
    confidence: r.confidence,
    language: r.language,
    evidence: r.evidence,
  };
}

/** A local path with one query parameter set (replacing an earlier value). */
function withParam(path: string, key: string, value: string): string {
  const u = new URL(path, 'http://local');
  u.searchParams.set(key, value);
  return u.pathname + u.search;
}

/** `path` plus the queue's filter query and extra parameters. */
function withQuery(path: string, filterQuery: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(filterQuery);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}

/** Decisions after which the officer moves on to the next finding; the others stay on the page. */
const MOVE_ON = new Set(['confirmed', 'dismissed', 'undismissed']);
const OUTCOMES = ['confirmed', 'dismissed', 'undismissed', 'assigned', 'note', 'recheck'];

/** "Finding 12: the finding is confirmed." for the page the officer lands on after a decision. */
function decidedFlash(locale: Locale, q: Record<string, string | undefined>, moved: boolean): string | null {
  const id = q.decided;
  const outcome = q.outcome;
  if (!id || !/^\d{1,9}$/.test(id) || !outcome || !OUTCOMES.includes(outcome)) return null;
  const done = rt(locale, `done_${outcome}` as ReviewKey);
  return moved ? rt(locale, 'decidedMovedOn', { id, done }) : done;
}

/** Registers the queue and finding routes for one locale. */
export function registerFindingRoutes(r: Hono<ReviewEnv>, locale: Locale) {
  const queuePath = rp(locale, '/review/findings');

  r.get(queuePath, async (c) => {
    const { db } = c.get('deps');
    const filters = parseQueueFilters(c.req.query(), locale);
    const [data, options] = await Promise.all([loadQueue(db, filters, ctxOf(c)), loadFilterOptions(db, allRuleIds())]);
    const done = c.req.query('done');
    const decided = decidedFlash(locale, c.req.query(), false);
    const flash = done && /^\d{1,4}$/.test(done) ? rt(locale, 'bulkDone', { n: done }) : decided ? rt(locale, 'decidedQueueEnd', { id: c.req.query('decided')!, done: decided }) : null;
    return c.html(<QueuePage locale={locale} reviewer={c.get('reviewer')} filters={filters} data={data} options={options} ruleTitle={ruleTitler(locale)} path={plainReviewPath(c)} flash={flash} />);
  });

  for (const format of ['csv', 'json'] as const) {
    r.get(rp(locale, `/review/findings/export.${format}`), async (c) => {
      const { db, clock } = c.get('deps');
      const filters: QueueFilters = { ...parseQueueFilters(c.req.query(), locale), page: 1 };
      const rows = (await selectFindings(db, filters, ctxOf(c), EXPORT_MAX_ROWS + 1)).map(exportRecord);
      const truncated = rows.length > EXPORT_MAX_ROWS;
      if (truncated) rows.pop();
      const user = c.get('reviewer').user;
      const now = clock();
      await recordAudit(db, { at: now.toISOString(), actor: `user:${user.id}`, action: 'export', subjectType: 'findings', detail: { format, filters: filtersQuery(filters, { page: null }), rows: rows.length, truncated } });
      const stamp = now.toISOString().slice(0, 10);
      c.header('Content-Disposition', `attachment; filename="valkollen-findings-${stamp}.${format}"`);
      if (truncated) c.header('X-Export-Truncated', 'true');
      if (format === 'json') return c.json({ exportedAt: now.toISOString(), filters: filtersQuery(filters, { page: null }), count: rows.length, truncated, findings: rows });
      const header = Object.keys(exportRecord({} as QueueRow));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(toCsv(header, rows.map((o) => header.map((k) => (o as Record<string, unknown>)[k]))));
    });
  }

  /** Reads the bulk form: action, ids, reason, assignee, back. */
  async function bulkInput(c: ReviewContext) {
    const form = await c.req.parseBody({ all: true });
    const one = (k: string) => {
      const v = form[k];
      return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    };
    const action = one('action') as BulkAction;
    if (!(BULK_ACTIONS as readonly string[]).includes(action)) throw badRequest('action', rt(locale, 'badParam_oneOf', { field: 'action', values: BULK_ACTIONS.join(', ') }));
    const rawIds = ([] as unknown[]).concat(form.ids ?? []).filter((v): v is string => typeof v === 'string');
    if (rawIds.some((v) => !/^\d{1,9}$/.test(v))) throw badRequest('ids', rt(locale, 'badParam_id', { field: 'ids' }));
    const ids = [...new Set(rawIds.map(Number))];
    if (ids.length === 0) throw badRequest('ids', rt(locale, 'bulkNoneSelected'));
    if (ids.length > BULK_MAX) throw badRequest('ids', rt(locale, 'bulkTooMany', { n: BULK_MAX }));
    const assigneeRaw = one('assignee');
    if (assigneeRaw && !/^\d{1,9}$/.test(assigneeRaw)) throw badRequest('assignee', rt(locale, 'badAssignee'));
    const reason = one('reason').replace(/\r\n?/g, '\n').trim().slice(0, 1000);
    if (action === 'dismiss' && !reason) throw badRequest('reason', rt(locale, 'reasonRequired'));
    return { action, ids, reason, assignee: assigneeRaw ? Number(assigneeRaw) : null, back: safeNext(one('back'), queuePath) };
  }

  r.post(rp(locale, '/review/findings/bulk'), async (c) => {
    const { db } = c.get('deps');
    const input = await bulkInput(c);
    const rows = await findingsByIds(db, input.ids);
    let assignee: { id: number; name: string } | null = null;
    if (input.action === 'assign' && input.assignee !== null) {
      const u = (await listUsers(db)).find((x) => x.id === input.assignee && !x.disabledAt);
      if (!u) throw badRequest('assignee', rt(locale, 'badAssignee'));
      assignee = { id: u.id, name: u.displayName };
    }
    const changes = rows.filter((row) => actionAllowed(input.action, row.status)).map((row) => ({ row, to: statusAfter(input.action, row.status) }));
    const skipped = rows.filter((row) => !actionAllowed(input.action, row.status));
    return c.html(
      <BulkConfirmPage locale={locale} reviewer={c.get('reviewer')} action={input.action} reason={input.reason} assignee={assignee} changes={changes} skipped={skipped} back={input.back} ruleTitle={ruleTitler(locale)} />,
    );
  });

  r.post(rp(locale, '/review/findings/bulk/apply'), async (c) => {
    const { db, clock } = c.get('deps');
    const input = await bulkInput(c);
    let result;
    try {
      result = await applyDecision(db, { action: input.action, ids: input.ids, userId: c.get('reviewer').user.id, now: clock(), reason: input.reason, assignee: input.assignee });
    } catch (e) {
      decisionError(e, locale);
    }
    return c.redirect(withParam(input.back, 'done', String(result.changed.length)), 303);
  });

  r.get(rp(locale, '/review/findings/:id{[0-9]+}'), async (c) => {
    const { db, config } = c.get('deps');
    const id = idParam(c, locale);
    const filters = parseQueueFilters(c.req.query(), locale);
    const [detail, users, neighbours] = await Promise.all([loadFindingDetail(db, id), listUsers(db), queueNeighbours(db, filters, ctxOf(c), id)]);
    if (!detail) throw notFound(rt(locale, 'notFoundFinding', { id }));
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const query = c.req.query();
    const done = query.done;
    const flashKey = done ? (`done_${done}` as ReviewKey) : null;
    const flash = decidedFlash(locale, query, Number(query.decided) !== id) ?? (flashKey && OUTCOMES.includes(done!) ? rt(locale, flashKey) : null);
    const fq = filtersQuery(filters);
    const findingHref = (n: number | null) => (n === null ? null : withQuery(rp(locale, `/review/findings/${n}`), fq));
    return c.html(
      <FindingPage
        locale={locale}
        reviewer={c.get('reviewer')}
        detail={detail}
        rule={ruleById(detail.finding.ruleId)}
        currentRulesetVersion={reviewRuleset().version}
        names={names}
        colleagues={users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.displayName }))}
        recheckMinutes={config.CRAWL_INTERVAL_MINUTES}
        flash={flash}
        back={queuePath + fq}
        walk={{ prev: findingHref(neighbours.prev), next: neighbours.position === null && neighbours.next === id ? null : findingHref(neighbours.next), position: neighbours.position, total: neighbours.total }}
        filterQuery={fq}
      />,
    );
  });

  const ACTIONS: Record<string, { action: Action; done: string }> = {
    confirm: { action: 'confirm', done: 'confirmed' },
    dismiss: { action: 'dismiss', done: 'dismissed' },
    undismiss: { action: 'undismiss', done: 'undismissed' },
    assign: { action: 'assign', done: 'assigned' },
    note: { action: 'note', done: 'note' },
    recheck: { action: 'recheck', done: 'recheck' },
  };
  r.post(rp(locale, '/review/findings/:id{[0-9]+}/:action'), async (c) => {
    const { db, clock } = c.get('deps');
    const id = idParam(c, locale);
    const spec = ACTIONS[c.req.param('action') ?? ''];
    if (!spec) throw notFound(rt(locale, 'notFoundAction'));
    const form = await c.req.parseBody();
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    const [finding] = await findingsByIds(db, [id]);
    if (!finding) throw notFound(rt(locale, 'notFoundFinding', { id }));
    // The queue the officer is walking (its filters ride on the form's action URL); the next
    // finding is found before the decision, while this one still holds its place in the order.
    const filters = parseQueueFilters(c.req.query(), locale);
    const fq = filtersQuery(filters);
    const neighbours = MOVE_ON.has(spec.done) ? await queueNeighbours(db, filters, ctxOf(c), id) : null;
    if (!actionAllowed(spec.action, finding.status)) throw new AppError(409, 'conflict', rt(locale, 'transitionRefused', { s: rtDynamic(locale, 'status', finding.status) }));
    const assigneeRaw = str('assignee');
    if (spec.action === 'assign' && assigneeRaw && !/^\d{1,9}$/.test(assigneeRaw)) throw badRequest('assignee', rt(locale, 'badAssignee'));
    let result;
    try {
      result = await applyDecision(db, {
        action: spec.action,
        ids: [id],
        userId: c.get('reviewer').user.id,
        now: clock(),
        reason: spec.action === 'note' ? str('note') : str('reason'),
        assignee: assigneeRaw ? Number(assigneeRaw) : null,
      });
    } catch (e) {
      decisionError(e, locale);
    }
    if (!result.changed.includes(id)) throw new AppError(409, 'conflict', rt(locale, 'transitionRefused', { s: rtDynamic(locale, 'status', finding.status) }));
    if (neighbours) {
      const next = neighbours.next !== null && neighbours.next !== id ? neighbours.next : null;
      const target = next !== null ? rp(locale, `/review/findings/${next}`) : queuePath;
      return c.redirect(withQuery(target, fq, { decided: String(id), outcome: spec.done }), 303);
    }
    return c.redirect(withQuery(rp(locale, `/review/findings/${id}`), fq, { done: spec.done }), 303);
  });
}
