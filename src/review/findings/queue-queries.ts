/**
 * Reading the findings queue: one page of findings with their provider, the total and the
 * per-status counts under the same filters, the rows of an export, and the option lists of
 * the filter form.
 */
import { asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { contracts, deliveryAreas, findings, municipalities, providers, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { QUEUE_PAGE_SIZE } from '../settings';
import { queueConditions, queueOrder, type QueueFilters } from './queue-filters';

export interface QueueRow {
  id: number;
  status: string;
  severity: string;
  ruleId: string;
  providerId: number | null;
  providerName: string | null;
  url: string;
  match: string;
  context: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  assignedTo: number | null;
  assignedName: string | null;
  dismissedReason: string | null;
  rulesetVersion: string;
  fingerprint: string;
  timesReopened: number;
  certainty: string;
  /** Why a possible finding is only possible (null when certain). */
  possibleReason: string | null;
  confidence: number;
  language: string | null;
  /** JSON list of evidence spans. */
  evidence: string | null;
}

export interface QueueCtx {
  userId: number;
  today: string;
}

const rowColumns = {
  id: findings.id,
  status: findings.status,
  severity: findings.severity,
  ruleId: findings.ruleId,
  providerId: findings.providerId,
  providerName: providers.displayName,
  url: findings.url,
  match: findings.match,
  context: findings.context,
  firstSeenAt: findings.firstSeenAt,
  lastSeenAt: findings.lastSeenAt,
  resolvedAt: findings.resolvedAt,
  assignedTo: findings.assignedTo,
  assignedName: users.displayName,
  dismissedReason: findings.dismissedReason,
  rulesetVersion: findings.rulesetVersion,
  fingerprint: findings.fingerprint,
  timesReopened: findings.timesReopened,
  certainty: findings.certainty,
  possibleReason: findings.possibleReason,
  confidence: findings.confidence,
  language: findings.language,
  evidence: findings.evidence,
};

function baseSelect(db: Db) {
  return db.select(rowColumns).from(findings).leftJoin(providers, eq(providers.id, findings.providerId)).leftJoin(users, eq(users.id, findings.assignedTo));
}

/** Findings matching the filters in their order, `limit` from `offset`. */
export async function selectFindings(db: Db, f: QueueFilters, ctx: QueueCtx, limit: number, offset = 0): Promise<QueueRow[]> {
  return baseSelect(db)
    .where(queueConditions(f, ctx))
    .orderBy(...queueOrder(f.sort))
    .limit(limit)
    .offset(offset);
}

/** How far along the queue "next finding" looks (ids only, so this stays cheap). */
const NEIGHBOUR_WINDOW = 5000;

export interface Neighbours {
  /** The finding before this one in the queue's order under the filters, if any. */
  prev: number | null;
  /** The finding after this one; the first of the queue when this one is no longer in it. */
  next: number | null;
  /** 1-based position in the queue, null when the finding no longer matches the filters. */
  position: number | null;
  total: number;
}

/**
 * The findings on either side of `id` in the queue as the filters order it, so an officer can
 * walk the queue finding by finding (and land on the next one after a decision).
 */
export async function queueNeighbours(db: Db, f: QueueFilters, ctx: QueueCtx, id: number): Promise<Neighbours> {
  const rows = await db
    .select({ id: findings.id })
    .from(findings)
    .leftJoin(providers, eq(providers.id, findings.providerId))
    .where(queueConditions(f, ctx))
    .orderBy(...queueOrder(f.sort))
    .limit(NEIGHBOUR_WINDOW);
  const ids = rows.map((r) => r.id);
  const i = ids.indexOf(id);
  if (i < 0) return { prev: null, next: ids[0] ?? null, position: null, total: ids.length };
  return { prev: i > 0 ? ids[i - 1]! : null, next: ids[i + 1] ?? null, position: i + 1, total: ids.length };
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  pages: number;
  /** Counts per status under the other filters. */
  byStatus: Record<string, number>;
}

/** The queue page the filters ask for. */
export async function loadQueue(db: Db, f: QueueFilters, ctx: QueueCtx): Promise<QueuePage> {
  const [rows, totals, statusRows] = await Promise.all([
    selectFindings(db, f, ctx, QUEUE_PAGE_SIZE, (f.page - 1) * QUEUE_PAGE_SIZE),
    db.select({ n: count() }).from(findings).where(queueConditions(f, ctx)),
    db.select({ status: findings.status, n: count() }).from(findings).where(queueConditions(f, ctx, { ignoreStatus: true })).groupBy(findings.status),
  ]);
  const total = Number(totals[0]?.n ?? 0);
  return { rows, total, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), byStatus: Object.fromEntries(statusRows.map((r) => [r.status, Number(r.n)])) };
}

/** Findings by id (for bulk actions), in id order. */
export async function findingsByIds(db: Db, ids: number[]): Promise<QueueRow[]> {
  if (!ids.length) return [];
  return baseSelect(db).where(inArray(findings.id, ids)).orderBy(asc(findings.id));
}

export interface FilterOptions {
  ruleIds: string[];
  providers: { id: number; name: string }[];
  areas: { id: number; name: string; service: string }[];
  municipalities: { code: string; name: string }[];
  users: { id: number; name: string }[];
}

/** Option lists of the filter form: rules, providers with findings, areas with contracts, municipalities, colleagues. */
export async function loadFilterOptions(db: Db, ruleIds: string[]): Promise<FilterOptions> {
  const [seenRules, provs, areas, munis, people] = await Promise.all([
    db.selectDistinct({ ruleId: findings.ruleId }).from(findings),
    db
      .selectDistinct({ id: providers.id, name: providers.displayName })
      .from(findings)
      .innerJoin(providers, eq(providers.id, findings.providerId))
      .where(isNotNull(findings.providerId))
      .orderBy(asc(providers.displayName)),
    db
      .selectDistinct({ id: deliveryAreas.id, name: deliveryAreas.name, service: deliveryAreas.service })
      .from(deliveryAreas)
      .innerJoin(contracts, eq(contracts.deliveryAreaId, deliveryAreas.id))
      .orderBy(asc(deliveryAreas.name), asc(deliveryAreas.id)),
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).orderBy(asc(sql`${municipalities.name} collate nocase`)),
    db.select({ id: users.id, name: users.displayName }).from(users).where(sql`${users.disabledAt} is null`).orderBy(asc(users.displayName)),
  ]);
  const rules = [...new Set([...ruleIds, ...seenRules.map((r) => r.ruleId)])].sort();
  return { ruleIds: rules, providers: provs, areas, municipalities: munis.sort((a, b) => a.name.localeCompare(b.name, 'sv')), users: people };
}
