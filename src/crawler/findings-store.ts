/**
 * Turns a page's rule hits into findings with a lifecycle, keyed by fingerprint:
 * new → open; still present → last seen updated, not re-announced; gone → resolved;
 * back after resolution → reopened. Dismissed findings stay dismissed (suppressed) while
 * they recur. Every transition writes an append-only event. All writes go in one batch,
 * so a page's findings never end up half-updated.
 */
import { and, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/types';
import { POSSIBLE_REASONS, type Finding } from '../compliance/types';
import { runBatch } from '../db/types';
import { findingEvents, findings } from '../db/schema';

/** The engine's finding shape; the store needs only some of its fields. */
export type EngineFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'suggestion' | 'match' | 'start' | 'end' | 'line' | 'column' | 'context' | 'rulesetVersion' | 'fingerprint'> &
  Partial<Pick<Finding, 'confidence' | 'certainty' | 'possibleReason' | 'language' | 'evidence'>>;

/** Crawled text is hostile: what a finding stores of it is bounded. */
const MAX_MATCH_CHARS = 1000;
const MAX_CONTEXT_CHARS = 2000;
/** The reasons a possible finding may give (anything else is not stored). */
const KNOWN_REASONS: ReadonlySet<string> = new Set(POSSIBLE_REASONS);
/** At most this many evidence spans are stored per finding. */
const MAX_EVIDENCE = 20;

/** The fields of a hit that change with each sighting, bounded, for both insert and update. */
function hitFields(f: EngineFinding) {
  return {
    context: f.context.slice(0, MAX_CONTEXT_CHARS),
    start: f.start,
    end: f.end,
    line: f.line,
    column: f.column,
    message: f.message,
    suggestion: f.suggestion ?? null,
    severity: f.severity,
    rulesetVersion: f.rulesetVersion,
    certainty: f.certainty ?? 'certain',
    possibleReason: f.certainty === 'possible' && f.possibleReason && KNOWN_REASONS.has(f.possibleReason) ? f.possibleReason : null,
    confidence: typeof f.confidence === 'number' && f.confidence >= 0 && f.confidence <= 1 ? f.confidence : 1,
    language: f.language ? f.language.slice(0, 8) : null,
    evidence: f.evidence
      ? JSON.stringify(f.evidence.slice(0, MAX_EVIDENCE).map((e) => ({ start: e.start, end: e.end, match: e.match.slice(0, MAX_MATCH_CHARS) })))
      : null,
  };
}

export interface PageFindingsInput {
  jobId: number;
  siteId: number;
  providerId: number | null;
  url: string;
  /** The page's snapshot: its id, or an SQL expression giving it (when it is written in the same batch). */
  snapshotId: number | SQL | null;
  crawlRunId: number | null;
  now: string;
  findings: EngineFinding[];
}

export interface FindingChanges {
  created: number;
  reopened: number;
  resolved: number;
  stillPresent: number;
  suppressed: number;
}

const ACTIVE = new Set(['open', 'confirmed']);

/** Applies one page's current hits to the stored findings of that page. */
export async function recordPageFindings(db: Db, input: PageFindingsInput): Promise<FindingChanges> {
  const { statements, changes } = await planPageFindings(db, input);
  await runBatch(db, statements);
  return changes;
}

/**
 * Reads the page's stored findings and returns the writes that apply its current hits (to run
 * atomically, e.g. in one batch with the page's snapshot) and the changes they make.
 */
export async function planPageFindings(db: Db, input: PageFindingsInput): Promise<{ statements: unknown[]; changes: FindingChanges }> {
  const changes: FindingChanges = { created: 0, reopened: 0, resolved: 0, stillPresent: 0, suppressed: 0 };
  // One hit per fingerprint (the same words twice on a page are one finding).
  const current = new Map<string, EngineFinding>();
  for (const f of input.findings) if (!current.has(f.fingerprint)) current.set(f.fingerprint, f);

  const stored = await db.select().from(findings).where(eq(findings.jobId, input.jobId));
  const byFp = new Map(stored.map((f) => [f.fingerprint, f]));
  // A fingerprint may also exist under another job of the same URL (e.g. a site re-added).
  const missing = [...current.keys()].filter((fp) => !byFp.has(fp));
  if (missing.length) {
    for (const f of await db.select().from(findings).where(inArray(findings.fingerprint, missing))) byFp.set(f.fingerprint, f);
  }

  const stmts: unknown[] = [];
  const event = (findingId: number, kind: string, from: string | null, to: string | null) =>
    db.insert(findingEvents).values({ findingId, at: input.now, actor: 'crawler', kind, fromStatus: from, toStatus: to, crawlRunId: input.crawlRunId });
  const newOnes: EngineFinding[] = [];

  for (const [fp, f] of current) {
    const old = byFp.get(fp);
    const seen = {
      lastSeenAt: input.now,
      lastSnapshotId: input.snapshotId,
      lastCrawlRunId: input.crawlRunId,
      jobId: input.jobId,
      ...hitFields(f),
    };
    if (!old) {
      newOnes.push(f);
    } else if (old.status === 'resolved') {
      stmts.push(db.update(findings).set({ ...seen, status: 'open', resolvedAt: null, timesReopened: old.timesReopened + 1 }).where(eq(findings.id, old.id)));
      stmts.push(event(old.id, 'reopened', 'resolved', 'open'));
      changes.reopened++;
    } else {
      stmts.push(db.update(findings).set(seen).where(eq(findings.id, old.id)));
      if (old.status === 'dismissed') changes.suppressed++;
      else changes.stillPresent++;
    }
  }
  for (const old of stored) {
    if (!current.has(old.fingerprint) && ACTIVE.has(old.status)) {
      stmts.push(db.update(findings).set({ status: 'resolved', resolvedAt: input.now, lastCrawlRunId: input.crawlRunId }).where(eq(findings.id, old.id)));
      stmts.push(event(old.id, 'resolved', old.status, 'resolved'));
      changes.resolved++;
    }
  }
  for (const f of newOnes) {
    stmts.push(
      db
        .insert(findings)
        .values({
          fingerprint: f.fingerprint,
          ruleId: f.ruleId,
          providerId: input.providerId,
          siteId: input.siteId,
          jobId: input.jobId,
          url: input.url,
          status: 'open',
          match: f.match.slice(0, MAX_MATCH_CHARS),
          ...hitFields(f),
          firstSeenAt: input.now,
          lastSeenAt: input.now,
          firstSnapshotId: input.snapshotId,
          lastSnapshotId: input.snapshotId,
          lastCrawlRunId: input.crawlRunId,
        })
        .onConflictDoNothing(),
    );
    // The 'created' event finds the new row by fingerprint, in the same batch; the NOT EXISTS
    // keeps a fingerprint inserted concurrently by another tick from getting two.
    const earlier = alias(findingEvents, 'earlier');
    stmts.push(
      db.insert(findingEvents).select(
        db
          .select({
            id: sql<number>`null`.as('id'),
            findingId: findings.id,
            at: sql<string>`${input.now}`.as('at'),
            actor: sql<string>`'crawler'`.as('actor'),
            kind: sql<string>`'created'`.as('kind'),
            fromStatus: sql<string | null>`null`.as('from_status'),
            toStatus: sql<string>`'open'`.as('to_status'),
            reason: sql<string | null>`null`.as('reason'),
            crawlRunId: sql<number | null>`${input.crawlRunId}`.as('crawl_run_id'),
          })
          .from(findings)
          .where(
            and(
              eq(findings.fingerprint, f.fingerprint),
              notExists(db.select({ one: sql`1` }).from(earlier).where(and(eq(earlier.findingId, findings.id), eq(earlier.kind, 'created')))),
            ),
          ),
      ),
    );
    changes.created++;
  }
  return { statements: stmts, changes };
}
