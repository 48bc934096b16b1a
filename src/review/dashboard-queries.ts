/**
 * Figures for the dashboard and the provider compliance page: active findings by severity,
 * rule, delivery area and provider; new vs resolved findings per ISO week (Monday-based, UTC);
 * crawl health (latest runs, errors, partial coverage, sites never crawled).
 */
import { and, count, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { contracts, crawlJobs, crawlRuns, crawlSites, deliveryAreas, findings, providers } from '../db/schema';
import type { Db } from '../db/types';

const ACTIVE = ['open', 'confirmed'];
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week containing `d`, as YYYY-MM-DD. */
export function weekStart(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 week number of a YYYY-MM-DD day. */
export function isoWeek(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  // The Thursday of the same week decides the year the week belongs to.
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS));
}

export interface WeekPoint {
  /** Monday, YYYY-MM-DD. */
  week: string;
  created: number;
  resolved: number;
}

/** New and resolved findings per week for the last `weeks` weeks (oldest first), optionally for one provider. */
export async function weeklyTrend(db: Db, now: Date, weeks: number, providerId?: number): Promise<WeekPoint[]> {
  const current = weekStart(now);
  const starts = Array.from({ length: weeks }, (_, i) => new Date(Date.parse(`${current}T00:00:00Z`) - (weeks - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
  const from = starts[0];
  // Monday on or before a timestamp: step back 6 days, then forward to the next Monday.
  const wk = (col: unknown) => sql<string>`date(${col}, '-6 days', 'weekday 1')`;
  const prov = providerId === undefined ? sql`1 = 1` : sql`f.provider_id = ${providerId}`;
  const [created, resolved] = await Promise.all([
    db.all<{ wk: string; n: number }>(sql`select ${wk(sql`f.first_seen_at`)} as wk, count(*) as n from findings f where f.first_seen_at >= ${from} and ${prov} group by wk`),
    db.all<{ wk: string; n: number }>(
      sql`select ${wk(sql`fe.at`)} as wk, count(*) as n from finding_events fe join findings f on f.id = fe.finding_id where fe.kind = 'resolved' and fe.at >= ${from} and ${prov} group by wk`,
    ),
  ]);
  const c = new Map(created.map((r) => [r.wk, Number(r.n)]));
  const r = new Map(resolved.map((x) => [x.wk, Number(x.n)]));
  return starts.map((week) => ({ week, created: c.get(week) ?? 0, resolved: r.get(week) ?? 0 }));
}

export interface Counted<K> {
  key: K;
  label: string;
  n: number;
}

export interface DashboardFigures {
  totalActive: number;
  bySeverity: Record<string, number>;
  byRule: Counted<string>[];
  byArea: Counted<number>[];
  byProvider: Counted<number>[];
}

/** How many rows each dashboard list shows (the page says so next to each list). */
export const DASHBOARD_TOP_RULES = 10;
export const DASHBOARD_TOP_AREAS = 15;
export const DASHBOARD_TOP_PROVIDERS = 10;

/** Counts of active findings by severity, rule, delivery area and provider. */
export async function dashboardFigures(db: Db): Promise<DashboardFigures> {
  const active = inArray(findings.status, ACTIVE);
  const [sev, rules, areas, provs] = await Promise.all([
    db.select({ severity: findings.severity, n: count() }).from(findings).where(active).groupBy(findings.severity),
    db.select({ ruleId: findings.ruleId, n: count() }).from(findings).where(active).groupBy(findings.ruleId).orderBy(desc(count()), findings.ruleId).limit(DASHBOARD_TOP_RULES),
    db
      .select({ id: deliveryAreas.id, name: deliveryAreas.name, n: sql<number>`count(distinct ${findings.id})` })
      .from(findings)
      .innerJoin(contracts, and(eq(contracts.providerId, findings.providerId), eq(contracts.status, 'active')))
      .innerJoin(deliveryAreas, eq(deliveryAreas.id, contracts.deliveryAreaId))
      .where(active)
      .groupBy(deliveryAreas.id, deliveryAreas.name)
      .orderBy(desc(sql`count(distinct ${findings.id})`), deliveryAreas.name)
      .limit(DASHBOARD_TOP_AREAS),
    db
      .select({ id: providers.id, name: providers.displayName, n: count() })
      .from(findings)
      .innerJoin(providers, eq(providers.id, findings.providerId))
      .where(active)
      .groupBy(providers.id, providers.displayName)
      .orderBy(desc(count()), providers.displayName)
      .limit(DASHBOARD_TOP_PROVIDERS),
  ]);
  const bySeverity = Object.fromEntries(sev.map((s) => [s.severity, Number(s.n)]));
  return {
    totalActive: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    bySeverity,
    byRule: rules.map((r) => ({ key: r.ruleId, label: r.ruleId, n: Number(r.n) })),
    byArea: areas.map((a) => ({ key: a.id, label: a.name, n: Number(a.n) })),
    byProvider: provs.map((p) => ({ key: p.id, label: p.name, n: Number(p.n) })),
  };
}

export type RunRow = typeof crawlRuns.$inferSelect;

export interface CrawlHealth {
  runs: RunRow[];
  sitesEnabled: number;
  sitesNeverCrawled: number;
  jobsWithErrors: number;
  partialRuns7d: number;
  errors7d: number;
}

/** The state of crawling: latest runs and problem counts. */
export async function crawlHealth(db: Db, now: Date): Promise<CrawlHealth> {
  const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const [runs, enabled, never, errJobs, recent] = await Promise.all([
    db.select().from(crawlRuns).orderBy(desc(crawlRuns.startedAt), desc(crawlRuns.id)).limit(8),
    db.select({ n: count() }).from(crawlSites).where(eq(crawlSites.enabled, true)),
    db.select({ n: count() }).from(crawlSites).where(and(eq(crawlSites.enabled, true), isNull(crawlSites.lastCrawlAt))),
    db.select({ n: count() }).from(crawlJobs).where(and(eq(crawlJobs.active, true), inArray(crawlJobs.lastStatus, ['error', 'http_5xx', 'timeout']))),
    db
      .select({ partial: sql<number>`coalesce(sum(case when ${crawlRuns.partial} then 1 else 0 end), 0)`, errors: sql<number>`coalesce(sum(${crawlRuns.errors}), 0)` })
      .from(crawlRuns)
      .where(gte(crawlRuns.startedAt, since)),
  ]);
  return {
    runs,
    sitesEnabled: Number(enabled[0]?.n ?? 0),
    sitesNeverCrawled: Number(never[0]?.n ?? 0),
    jobsWithErrors: Number(errJobs[0]?.n ?? 0),
    partialRuns7d: Number(recent[0]?.partial ?? 0),
    errors7d: Number(recent[0]?.errors ?? 0),
  };
}

export interface ProviderCompliance {
  provider: { id: number; name: string; website: string | null };
  openBySeverity: Record<string, number>;
  sites: { id: number; origin: string; lastCrawlAt: string | null; enabled: boolean }[];
  lastCrawlAt: string | null;
}

/** Header figures of the provider compliance page; null when the provider does not exist. */
export async function providerCompliance(db: Db, providerId: number): Promise<ProviderCompliance | null> {
  const [p] = await db.select({ id: providers.id, name: providers.displayName, website: providers.website }).from(providers).where(eq(providers.id, providerId));
  if (!p) return null;
  const [sev, sites] = await Promise.all([
    db.select({ severity: findings.severity, n: count() }).from(findings).where(and(eq(findings.providerId, providerId), inArray(findings.status, ACTIVE))).groupBy(findings.severity),
    db.select({ id: crawlSites.id, origin: crawlSites.origin, lastCrawlAt: crawlSites.lastCrawlAt, enabled: crawlSites.enabled }).from(crawlSites).where(eq(crawlSites.providerId, providerId)),
  ]);
  const last = sites.map((s) => s.lastCrawlAt).filter((x): x is string => !!x).sort().pop() ?? null;
  return { provider: p, openBySeverity: Object.fromEntries(sev.map((s) => [s.severity, Number(s.n)])), sites, lastCrawlAt: last };
}
