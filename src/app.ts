/**
 * Composes the service: middleware (logging, security headers, request-body limits), the routers
 * for each face (directory, API …) and the one error handler. Both runtime entries call createApp.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/env';
import { makeErrorHandler } from './http/errors';
import { consoleLogger } from './http/logging';
import { requestLogger } from './http/request-logger';
import { securityHeaders } from './http/security-headers';
import { bodyLimits, type BodyLimitRoute } from './http/body-limit';
import { createRenderCache } from './http/render-cache';
import { healthRoutes } from './sync/health-routes';
import { directoryRoutes } from './directory/routes';
import { directoryApiRoutes } from './directory/api-routes';
import { infoRoutes } from './directory/info-routes';
import { staticRoutes } from './views/static-routes';
import { apiRoutes } from './api/routes';
import { SELFCHECK_FORM_MAX_BYTES, selfCheckRoutes } from './selfcheck/routes';
import { REPORT_PATH, SELFCHECK_PATH } from './selfcheck/page';
import { MAX_BODY_BYTES } from './api/settings';
import { REPORT_MAX_BODY_BYTES } from './directory/error-reports';
import { LOCALES, localePath } from './i18n/locale-info';
import { rulePageRoutes } from './selfcheck/rule-pages';
import { reviewRoutes } from './review/routes';
import { renderErrorPage, renderNotFound } from './views/error-page';

/**
 * Routes whose bodies may be larger than the default limit (64 KB, every other POST/PUT/PATCH/…
 * in the app, including forms added later). Kept here, in one list, so the limits are visible together.
 */
export const BODY_LIMIT_ROUTES: readonly BodyLimitRoute[] = [
  { path: '/api/v1/check', maxBytes: MAX_BODY_BYTES },
  // The self-check form and its report, in every language.
  ...[...Object.values(SELFCHECK_PATH), ...Object.values(REPORT_PATH)].map((path) => ({ path, maxBytes: SELFCHECK_FORM_MAX_BYTES })),
  // The report-an-error form, in every language: a few short fields.
  ...LOCALES.map((l) => ({ path: localePath(l, '/kontakt'), maxBytes: REPORT_MAX_BODY_BYTES })),
];

/** Builds the Hono app from its dependencies. Pure: no I/O until a request arrives. */
export function createApp(deps: AppDeps) {
  const log = deps.log ?? consoleLogger(deps.config.LOG_LEVEL);
  const renderCache = createRenderCache({
    ttlSeconds: deps.config.PAGE_RENDER_CACHE_SECONDS,
    clock: deps.clock,
    timeZone: deps.config.ORDER_TIME_ZONE,
    log,
    compressor: deps.compressor,
  });
  const app = new Hono<AppEnv>();
  app.use('*', requestLogger(log));
  app.use('*', securityHeaders({ hsts: deps.config.PUBLIC_BASE_URL.startsWith('https:') }));
  // Before every router: no handler ever reads more of a body than its route allows.
  app.use('*', bodyLimits({ routes: BODY_LIMIT_ROUTES }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('renderCache', renderCache);
    await next();
  });
  app.route('/', healthRoutes());
  app.route('/', staticRoutes());
  // Before the directory's /api/v1 router, whose ETag middleware must not wrap the self-check API.
  app.route('/', apiRoutes());
  app.route('/api/v1', directoryApiRoutes());
  app.route('/', selfCheckRoutes());
  app.route('/', rulePageRoutes());
  app.route('/', reviewRoutes());
  app.route('/', infoRoutes());
  app.route('/', directoryRoutes());
  app.notFound(renderNotFound);
  app.onError(makeErrorHandler(renderErrorPage));
  // Fresh rendered pages are answered in front of the router (app.request goes through fetch too).
  app.fetch = renderCache.wrap(app.fetch);
  return app;
}

export type App = ReturnType<typeof createApp>;
