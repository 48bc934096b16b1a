/**
 * The self-check API router: POST /api/v1/check, the rule catalogue, the OpenAPI document at
 * /api/openapi.json and the reference page at /api/docs. Mount with `app.route('/', apiRoutes())`
 * before the directory's /api/v1 router.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { registerCheckRoute } from './check-route';
import { DOCS_CSS, DOCS_CSS_PATH } from './docs-styles';
import type { ApiEnv } from './env';
import { buildOpenApiDocument, DOCS_PATH, OPENAPI_PATH, registerSecurityScheme, type OpenApiDocument } from './openapi';
import { ReferencePage } from './reference-page';
import { registerRulesRoutes } from './rules-routes';
import { apiRateLimit } from './settings';
import { throwOnInvalid } from './validation';

type ApiConfig = Parameters<typeof apiRateLimit>[0];

/** The API routes (without the documentation routes), as an OpenAPIHono app. */
export function apiOperations(): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: (result) => throwOnInvalid(result) });
  registerSecurityScheme(api);
  registerCheckRoute(api);
  registerRulesRoutes(api);
  return api;
}

/** Router with the API, its OpenAPI document and the reference page. */
export function apiRoutes(): OpenAPIHono<ApiEnv> {
  const api = apiOperations();
  const docs = new Map<string, OpenApiDocument>();
  const documentFor = (config: ApiConfig) => {
    const baseUrl = config.PUBLIC_BASE_URL;
    const rateLimitPerMinute = apiRateLimit(config);
    const cacheKey = `${rateLimitPerMinute} ${baseUrl}`;
    let doc = docs.get(cacheKey);
    if (!doc) docs.set(cacheKey, (doc = buildOpenApiDocument(api, baseUrl, { rateLimitPerMinute })));
    return doc;
  };

  api.get(OPENAPI_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(documentFor(c.get('deps').config));
  });
  api.get(DOCS_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<ReferencePage doc={documentFor(c.get('deps').config)} />);
  });
  api.get(DOCS_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(DOCS_CSS);
  });
  return api;
}
