/** /review/error-reports: the officers' read-only list of reports from the public /kontakt form. */
import type { Hono } from 'hono';
import { listReports } from '../directory/error-reports';
import { badRequest } from '../http/errors';
import type { Locale } from '../i18n/locale-info';
import { rp, type ReviewEnv } from './context';
import { ErrorReportsPage } from './views/error-reports-page';

const PAGE_SIZE = 50;

/** Registers the list for one locale (behind the workspace's sign-in middleware). */
export function registerErrorReportRoutes(r: Hono<ReviewEnv>, locale: Locale) {
  r.get(rp(locale, '/review/error-reports'), async (c) => {
    const raw = c.req.query('page') ?? '1';
    if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) throw badRequest('page', '"page" must be a whole number from 1.');
    const page = Number(raw);
    const { rows, total } = await listReports(c.get('deps').db, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return c.html(<ErrorReportsPage locale={locale} reviewer={c.get('reviewer')} rows={rows} total={total} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} />);
  });
}
