/**
 * The OpenAPI 3.1 document of the self-check API, generated from the zod route definitions, and
 * its bearer security scheme. Built once per isolate/process and cached.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { VERSION } from '../version';
import { apiGuide } from './api-guide';
import type { ApiEnv } from './env';
import { DEFAULT_API_RATE_LIMIT_PER_MINUTE } from './settings';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Adds the bearer scheme to the app's registry (call once per router). */
export function registerSecurityScheme(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`vk_…`) issued by the operator of this service; see "Getting an API key". Sent as `Authorization: Bearer <key>`.',
  });
}

/**
 * The document for `app`, with `baseUrl` as the server; its description is the getting-started
 * guide, quoting the per-key rate limit the server applies by default.
 */
export function buildOpenApiDocument(app: OpenAPIHono<ApiEnv>, baseUrl: string, opts: { rateLimitPerMinute?: number } = {}): OpenApiDocument {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Valkollen self-check API',
      version: VERSION,
      description: apiGuide({ rateLimitPerMinute: opts.rateLimitPerMinute ?? DEFAULT_API_RATE_LIMIT_PER_MINUTE }),
    },
    servers: [{ url: baseUrl.replace(/\/+$/, '') }],
    tags: [
      { name: 'Self-check', description: 'Check text, HTML or a page.' },
      { name: 'Rules', description: 'The rule catalogue.' },
    ],
  });
}
