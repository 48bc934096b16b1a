/** GET /api/v1/rules and GET /api/v1/rules/{id}: the public rule catalogue (no key needed). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { apiRuleset } from './check-service';
import { notFound } from '../http/errors';
import type { ApiEnv } from './env';
import { notFoundResponse } from './error-responses';
import { ruleCatalogue, ruleJson } from './rule-catalogue';
import { RuleIdParamSchema, RuleListSchema, RuleSchema } from './schemas';

const CACHE = 'public, max-age=300';

export const listRulesRoute = createRoute({
  method: 'get',
  path: '/api/v1/rules',
  operationId: 'listRules',
  tags: ['Rules'],
  summary: 'The rule catalogue',
  description: 'Every rule with titles, severity, basis (level and sources), messages, suggestions, link, languages and examples. Public.',
  responses: {
    200: { description: 'All rules of the current ruleset.', content: { 'application/json': { schema: RuleListSchema } } },
  },
});

export const getRuleRoute = createRoute({
  method: 'get',
  path: '/api/v1/rules/{id}',
  operationId: 'getRule',
  tags: ['Rules'],
  summary: 'One rule',
  request: { params: RuleIdParamSchema },
  responses: {
    200: { description: 'The rule.', content: { 'application/json': { schema: RuleSchema } } },
    ...notFoundResponse,
  },
});

/** Registers the two catalogue routes on `app`. */
export function registerRulesRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(listRulesRoute, (c) => {
    c.header('Cache-Control', CACHE);
    return c.json(ruleCatalogue(apiRuleset()), 200);
  });
  app.openapi(getRuleRoute, (c) => {
    const { id } = c.req.valid('param');
    const rule = apiRuleset().rules.find((r) => r.id === id);
    if (!rule) throw notFound(`No rule with id "${id}". GET /api/v1/rules lists the rules.`);
    c.header('Cache-Control', CACHE);
    return c.json(ruleJson(rule), 200);
  });
}
