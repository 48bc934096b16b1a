/** OpenAPI response entries for the error statuses, all in the one error shape. */
import { z } from '@hono/zod-openapi';
import { ErrorSchema } from './schemas';

const json = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

export const RATE_LIMIT_HEADERS = z.object({
  'RateLimit-Limit': z.string().openapi({ description: 'Requests allowed per window (one minute).', example: '60' }),
  'RateLimit-Remaining': z.string().openapi({ description: 'Requests left in the current window.', example: '59' }),
  'RateLimit-Reset': z.string().openapi({ description: 'Seconds until the window resets.', example: '42' }),
});

export const errorResponses = {
  400: json('invalid_utf8: the body is not valid UTF-8 (refused, never repaired); invalid_json: the body is not well-formed JSON.'),
  401: {
    ...json('missing_api_key, invalid_api_key or revoked_api_key. Sent with WWW-Authenticate: Bearer.'),
    headers: z.object({ 'WWW-Authenticate': z.string().openapi({ example: 'Bearer realm="valkollen", error="invalid_token"' }) }),
  },
  413: json('payload_too_large: the body is larger than 256 KB.'),
  415: json('unsupported_media_type: Content-Type is not application/json.'),
  422: json('invalid_request (schema; `field` names the field), unknown_rule (field "rules"), unsupported_language (field "lang"), url_refused / url_not_html / url_too_large / url_redirects (field "url").'),
  429: {
    ...json('rate_limited: too many requests for this key in this minute; too_many_checks: this key or client address already has CHECKS_PER_CALLER checks (default 2) running and none ended within 2 s (Retry-After: 2).'),
    headers: RATE_LIMIT_HEADERS.extend({ 'Retry-After': z.string().openapi({ description: 'Seconds to wait.', example: '42' }) }),
  },
  501: json('url_unavailable: this server cannot fetch URLs (no outbound fetcher); send text or html.'),
  502: json('url_fetch_failed: the page at `url` answered with an error or could not be reached.'),
  503: {
    ...json('checks_busy (too many checks waiting; with Retry-After), check_timeout (the check ran past its time limit and was stopped: 15 s, or CHECK_URL_TIMEOUT_MS for a url check) or checks_unavailable (shutting down; with Retry-After).'),
    headers: z.object({ 'Retry-After': z.string().optional().openapi({ description: 'Seconds to wait (checks_busy, checks_unavailable).', example: '5' }) }),
  },
  504: json('url_timeout: the page at `url` did not answer in time.'),
} as const;

export const notFoundResponse = { 404: json('not_found: no rule with this id.') } as const;
