/**
 * Officers' decisions on findings: confirm, dismiss (reason required), undo a dismissal,
 * assign, note and recheck. Every change is one append-only finding_events row (who, when,
 * from, to, reason/note) written in the same batch as the change. Each event is inserted by
 * INSERT … SELECT guarded by the finding's current status, and the update carries the same
 * guard, so a finding changed by someone else in the meantime is left alone (no event, no change).
 * Crawler transitions (resolved/reopened) live in src/crawler/findings-store.ts; a dismissed
 * finding stays dismissed there while it recurs, which is how dismissal suppresses it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { findingEvents, findings, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { runBatch } from '../../db/types';
import { makeJobDue } from '../../crawler/frontier';

export type StatusAction = 'confirm' | 'dismiss' | 'undismiss';
export type Action = StatusAction | 'assign' | 'note' | 'recheck';
export const BULK_ACTIONS = ['confirm', 'dismiss', 'undismiss', 'assign'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Allowed status changes: action → from statuses and the status it leads to. */
export const TRANSITIONS: Record<StatusAction, { from: readonly string[]; to: string; kind: string }> = {
  confirm: { from: ['open'], to: 'confirmed', kind: 'confirmed' },
  dismiss: { from: ['open', 'confirmed'], to: 'dismissed', kind: 'dismissed' },
  undismiss: { from: ['dismissed'], to: 'open', kind: 'undismissed' },
};

/** True when the action can be applied to a finding in `status`. */
export function actionAllowed(action: Action, status: string): boolean {
  if (action === 'confirm' || action === 'dismiss' || action === 'undismiss') return TRANSITIONS[action].from.includes(status);
  return true;
}

/** What an action does to a finding in `status`: the status after it (unchanged for assign/note/recheck). */
export function statusAfter(action: Action, status: string): string {
  return action === 'confirm' || action === 'dismiss' || action === 'undismiss' ? TRANSITIONS[action].to : status;
}

/** A refused decision (bad input or a status that does not allow it). */
export class DecisionError extends Error {
  constructor(
    public readonly code: 'reason_required' | 'note_required' | 'bad_assignee' | 'not_allowed' | 'no_job',
    public readonly status?: string,
  ) {
    super(code);
    this.name = 'DecisionError';
  }
}

export interface DecisionInput {
  action: Action;
  ids: number[];
  /** The acting user's id (actor "user:<id>"). */
  userId: number;
  now: Date;
  /** Dismissal reason or note text. */
  reason?: string;
  /** For assign: a user id, or null to remove the assignment. */
  assignee?: number | null;
}

export interface DecisionResult {
  /** Findings changed. */
  changed: number[];
  /** Findings left alone because their status did not allow the action. */
  skipped: number[];
}

const clean = (s: string | undefined, max: number) => (s ?? '').replace(/\r\n?/g, '\n').trim().slice(0, max);

/** An INSERT … SELECT of one event, written only if the finding is in one of `fromStatuses`. */
function eventStatement(db: Db, id: number, e: { at: string; actor: string; kind: string; to: string | null; reason: string | null; fromStatuses: readonly string[] | null }) {
  return db.insert(findingEvents).select(
    db
      .select({
        id: sql<number>`null`.as('id'),
        findingId: findings.id,
        at: sql<string>`${e.at}`.as('at'),
        actor: sql<string>`${e.actor}`.as('actor'),
        kind: sql<string>`${e.kind}`.as('kind'),
        fromStatus: sql<string>`${findings.status}`.as('from_status'),
        // Unchanged status (assign/note/recheck) is recorded as from = to.
        toStatus: (e.to === null ? sql<string>`${findings.status}` : sql<string>`${e.to}`).as('to_status'),
        reason: sql<string | null>`${e.reason}`.as('reason'),
        crawlRunId: sql<number | null>`null`.as('crawl_run_id'),
      })
      .from(findings)
      .where(and(eq(findings.id, id), e.fromStatuses ? inArray(findings.status, [...e.fromStatuses]) : undefined)),
  );
}

/**
 * Applies one decision to one or more findings atomically (one batch). Findings whose status
 * does not allow the action are skipped and reported; the rest change, each with its event.
 */
export async function applyDecision(db: Db, input: DecisionInput): Promise<DecisionResult> {
  const at = input.now.toISOString();
  const actor = `user:${input.userId}`;
  const ids = [...new Set(input.ids)];
  const current = ids.length ? await db.select({ id: findings.id, status: findings.status, jobId: findings.jobId }).from(findings).where(inArray(findings.id, ids)) : [];
  const eligible = current.filter((f) => actionAllowed(input.action, f.status));
  const skipped = current.filter((f) => !actionAllowed(input.action, f.status)).map((f) => f.id);
  const stmts: unknown[] = [];
  let reason: string | null = null;

  if (input.action === 'dismiss') {
    reason = clean(input.reason, 1000);
    if (!reason) throw new DecisionError('reason_required');
  } else if (input.action === 'note') {
    reason = clean(input.reason, 2000);
    if (!reason) throw new DecisionError('note_required');
  } else if (input.action === 'assign') {
    if (input.assignee !== null && input.assignee !== undefined) {
      const [u] = await db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.assignee));
      if (!u || u.disabledAt) throw new DecisionError('bad_assignee');
      reason = `user:${u.id}`;
    } else reason = null;
  } else if (input.action === 'recheck') {
    if (eligible.some((f) => f.jobId === null)) throw new DecisionError('no_job');
  }

  for (const f of eligible) {
    if (input.action === 'confirm' || input.action === 'dismiss' || input.action === 'undismiss') {
      const t = TRANSITIONS[input.action];
      // Event first: it reads the status before the update changes it. Both carry the same guard.
      stmts.push(eventStatement(db, f.id, { at, actor, kind: t.kind, to: t.to, reason, fromStatuses: t.from }));
      stmts.push(
        db
          .update(findings)
          .set({ status: t.to, dismissedReason: input.action === 'dismiss' ? reason : null })
          .where(and(eq(findings.id, f.id), inArray(findings.status, [...t.from]))),
      );
    } else if (input.action === 'assign') {
      stmts.push(eventStatement(db, f.id, { at, actor, kind: 'assigned', to: null, reason: reason ?? 'none', fromStatuses: null }));
      stmts.push(db.update(findings).set({ assignedTo: input.assignee ?? null }).where(eq(findings.id, f.id)));
    } else if (input.action === 'note') {
      stmts.push(eventStatement(db, f.id, { at, actor, kind: 'note', to: null, reason, fromStatuses: null }));
    } else {
      stmts.push(eventStatement(db, f.id, { at, actor, kind: 'recheck', to: null, reason: null, fromStatuses: null }));
    }
  }
  await runBatch(db, stmts);
  if (input.action === 'recheck') for (const f of eligible) await makeJobDue(db, f.jobId!, at);

  // Report what really changed (a concurrent decision may have won for some findings).
  let changed = eligible.map((f) => f.id);
  if (input.action === 'confirm' || input.action === 'dismiss' || input.action === 'undismiss') {
    const to = TRANSITIONS[input.action].to;
    const after = changed.length ? await db.select({ id: findings.id, status: findings.status }).from(findings).where(inArray(findings.id, changed)) : [];
    changed = after.filter((f) => f.status === to).map((f) => f.id);
  }
  return { changed, skipped };
}
