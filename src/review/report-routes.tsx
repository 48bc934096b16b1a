/**
 * Read-only overviews: the dashboard, a provider's compliance page, and the audit log with its
 * CSV/JSON export (same filters as the page).
 */
import type { Hono } from 'hono';
import { notFound } from '../http/errors';
import type { Locale } from '../i18n/locale-info';
import { recordAudit } from './audit';
import { auditQuery, countAudit, parseAuditFilters, selectAudit, type AuditEntry } from './audit-log';
import { listUsers } from './auth/users';
import { plainReviewPath, rp, type ReviewEnv } from './context';
import { toCsv } from './csv';
import { crawlHealth, dashboardFigures, providerCompliance, weeklyTrend } from './dashboard-queries';
import { selectFindings } from './findings/queue-queries';
import { ruleTitler } from './rules';
import { AUDIT_PAGE_SIZE, EXPORT_MAX_ROWS } from './settings';
import { rt } from '../i18n/review/texts';
import { AuditPage } from './views/audit-page';
import { DashboardPage } from './views/dashboard-page';
import { loadDataAge } from '../sync/data-age';
import { ProviderCompliancePage } from './views/provider-page';

/** Weeks shown in trend charts. */
const TREND_WEEKS = 8;
/** Findings listed on a provider page at most. */
const PROVIDER_FINDINGS = 200;

/** Registers the overview routes for one locale. */
export function registerReportRoutes(r: Hono<ReviewEnv>, locale: Locale) {
  r.get(rp(locale, '/review'), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock();
    const { config } = c.get('deps');
    const [figures, trend, health, dataAge] = await Promise.all([
      dashboardFigures(db),
      weeklyTrend(db, now, TREND_WEEKS),
      crawlHealth(db, now),
      loadDataAge(db, now, config.AF_DATA_MAX_AGE_DAYS, !!(config.AF_CHOOSER_URL || config.AF_FILES_URL)),
    ]);
    return c.html(
      <DashboardPage locale={locale} reviewer={c.get('reviewer')} figures={figures} trend={trend} health={health} dataAge={dataAge} ruleTitle={ruleTitler(locale)} />,
    );
  });

  r.get(rp(locale, '/review/providers/:id{[0-9]+}'), async (c) => {
    const { db, clock } = c.get('deps');
    const raw = c.req.param('id') ?? '';
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
    const data = await providerCompliance(db, id);
    if (!data) throw notFound(rt(locale, 'notFoundProvider', { id: raw.slice(0, 20) }));
    const [trend, rows] = await Promise.all([
      weeklyTrend(db, clock(), 12, id),
      selectFindings(db, { status: 'all', provider: id, sort: 'first_seen_desc', page: 1 }, { userId: c.get('reviewer').user.id, today: clock().toISOString().slice(0, 10) }, PROVIDER_FINDINGS + 1),
    ]);
    const truncated = rows.length > PROVIDER_FINDINGS;
    return c.html(
      <ProviderCompliancePage locale={locale} reviewer={c.get('reviewer')} data={data} trend={trend} findings={rows.slice(0, PROVIDER_FINDINGS)} truncated={truncated} limit={PROVIDER_FINDINGS} ruleTitle={ruleTitler(locale)} />,
    );
  });

  r.get(rp(locale, '/review/audit'), async (c) => {
    const { db } = c.get('deps');
    const filters = parseAuditFilters(c.req.query(), locale);
    const [entries, total, users] = await Promise.all([selectAudit(db, filters, AUDIT_PAGE_SIZE, (filters.page - 1) * AUDIT_PAGE_SIZE), countAudit(db, filters), listUsers(db)]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return c.html(
      <AuditPage locale={locale} reviewer={c.get('reviewer')} filters={filters} entries={entries} total={total} pages={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))} names={names} path={plainReviewPath(c)} />,
    );
  });

  for (const format of ['csv', 'json'] as const) {
    r.get(rp(locale, `/review/audit/export.${format}`), async (c) => {
      const { db, clock } = c.get('deps');
      const filters = { ...parseAuditFilters(c.req.query(), locale), page: 1 };
      const entries: AuditEntry[] = await selectAudit(db, filters, EXPORT_MAX_ROWS + 1);
      const truncated = entries.length > EXPORT_MAX_ROWS;
      if (truncated) entries.pop();
      const user = c.get('reviewer').user;
      const now = clock();
      // Recorded after the read, so the export does not contain its own event.
      await recordAudit(db, { at: now.toISOString(), actor: `user:${user.id}`, action: 'export', subjectType: 'audit_log', detail: { format, filters: auditQuery(filters, null), rows: entries.length, truncated } });
      c.header('Content-Disposition', `attachment; filename="valkollen-audit-${now.toISOString().slice(0, 10)}.${format}"`);
      if (truncated) c.header('X-Export-Truncated', 'true');
      if (format === 'json') return c.json({ exportedAt: now.toISOString(), filters: auditQuery(filters, null), count: entries.length, truncated, events: entries });
      const header: (keyof AuditEntry)[] = ['source', 'id', 'at', 'actor', 'kind', 'findingId', 'subjectType', 'subjectId', 'fromStatus', 'toStatus', 'detail', 'ruleId', 'url'];
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(toCsv(header, entries.map((e) => header.map((k) => e[k]))));
    });
  }
}
