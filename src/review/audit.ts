/**
 * Writes to the append-only account/administration log (audit_events). Returns insert
 * statements so callers can put them in the same batch as the change they record.
 */
import { auditEvents } from '../db/schema';
import type { Db } from '../db/types';

export interface AuditInput {
  at: string;
  /** 'user:<id>' | 'cli' | 'system' */
  actor: string;
  action: string;
  subjectType?: string | null;
  subjectId?: string | number | null;
  /** Never passwords, keys or tokens. */
  detail?: Record<string, unknown> | null;
}

/** An insert statement for one audit event (run it alone or in a batch). */
export function auditStatement(db: Db, e: AuditInput) {
  return db.insert(auditEvents).values({
    at: e.at,
    actor: e.actor,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId),
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}

/** Records one audit event now. */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await auditStatement(db, e);
}

/** The actor string for a signed-in user. */
export const userActor = (userId: number) => `user:${userId}`;
