/**
 * Composes the service: middleware (logging, security headers), the routers for each
 * face (directory, API …) and the one error handler. Both runtime entries call createApp.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/env';
import { makeErrorHandler } from './http/errors';
import { consoleLogger, requestLogger } from './http/logging';
import { securityHeaders } from './http/security-headers';
import { createRenderCache } from './http/render-cache';
import { createListingCache } from './directory/listing-cache';
import { healthRoutes } from './http/health';
import { directoryRoutes } from './directory/routes';
import { directoryApiRoutes } from './directory/api-routes';
import { infoRoutes } from './directory/info-routes';
import { staticRoutes } from './views/static-routes';
import { apiRoutes } from './api/routes';
import { selfCheckRoutes } from './selfcheck/routes';
import { rulePageRoutes } from './selfcheck/rule-pages';
import { reviewRoutes } from './review/routes';
import { renderErrorPage, renderNotFound } from './views/error-page';

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
  const listingCache = createListingCache({ ttlSeconds: deps.config.PAGE_RENDER_CACHE_SECONDS, clock: deps.clock });
  const app = new Hono<AppEnv>();
  app.use('*', requestLogger(log));
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('renderCache', renderCache);
    c.set('listingCache', listingCache);
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
