/**
 * The review workspace under /review (Swedish) and /en/review (English): middleware (no-store,
 * session, CSRF), its stylesheet, and the route groups. Mount with `app.route('/', reviewRoutes())`.
 */
import { Hono } from 'hono';
import type { Locale } from '../i18n/locale-info';
import { registerAdminRoutes } from './admin-routes';
import { registerAuthRoutes } from './auth-routes';
import type { ReviewEnv } from './context';
import { registerFindingRoutes } from './finding-routes';
import { noStore, requireReviewer } from './middleware';
import { registerReportRoutes } from './report-routes';
import { REVIEW_KEYS_JS, REVIEW_KEYS_JS_PATH } from './keys-script';
import { registerErrorReportRoutes } from './error-report-routes';
import { REVIEW_CSS, REVIEW_CSS_PATH } from './styles';

/** Router for the whole workspace. */
export function reviewRoutes() {
  const r = new Hono<ReviewEnv>();
  r.get(REVIEW_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(REVIEW_CSS);
  });
  r.get(REVIEW_KEYS_JS_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(REVIEW_KEYS_JS);
  });
  // '/review/*' also matches '/review' itself (Hono), so one registration per language covers all.
  for (const base of ['/review', '/en/review']) r.use(`${base}/*`, noStore(), requireReviewer());
  for (const locale of ['sv', 'en'] as Locale[]) {
    registerAuthRoutes(r, locale);
    registerReportRoutes(r, locale);
    registerErrorReportRoutes(r, locale);
    registerFindingRoutes(r, locale);
    registerAdminRoutes(r, locale);
  }
  return r;
}
