/**
 * POST /api/v1/check: the self-check endpoint. Middleware order: declared size (413, the app-wide
 * body limit with this route's MAX_BODY_BYTES) → API key (401) and rate limit (429) → content type
 * (415) → JSON syntax (400; a chunked body over the limit fails here with 413) → schema (422) →
 * rule ids / language (422) → checks in flight per key and IP (429 too_many_checks) → the engine.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { clientIp } from '../http/client-ip';
import { runCheck } from './check-service';
import type { ApiEnv } from './env';
import { errorResponses, RATE_LIMIT_HEADERS } from './error-responses';
import { requireApiKey } from './auth';
import { jsonBody } from './json-body';
import { CheckRequestSchema, CheckResponseSchema } from './schemas';

export const checkRoute = createRoute({
  method: 'post',
  path: '/api/v1/check',
  operationId: 'check',
  tags: ['Self-check'],
  summary: 'Check text, HTML or a web page against the chapter 22 marketing rules',
  description:
    'Send exactly one of `text`, `html` or `url`. Findings have the same shape as everywhere in Valkollen (crawler, CLI). Offsets are UTF-16 offsets into the submitted text or HTML source. Needs an API key; limited per key (default 60 requests per minute). Bodies up to 256 KB.',
  security: [{ bearerAuth: [] }],
  middleware: [requireApiKey(), ...jsonBody()] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: CheckRequestSchema } } },
  },
  responses: {
    200: {
      description: 'The findings (an empty list when the copy is fine).',
      headers: RATE_LIMIT_HEADERS,
      content: { 'application/json': { schema: CheckResponseSchema } },
    },
    ...errorResponses,
  },
});

/** Registers POST /api/v1/check on `app`. */
export function registerCheckRoute(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(checkRoute, async (c) => {
    // At most CHECKS_PER_CALLER checks in flight per key and per client address.
    const ip = clientIp(c);
    const keys = [`key:${c.get('apiKey').id}`, ...(ip ? [`ip:${ip}`] : [])];
    const result = await runCheck(c.get('deps'), c.req.valid('json'), { keys });
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
}
