/**
 * Limits of the self-check API and form, read from the config with defaults. The settings
 * API_RATE_LIMIT_PER_MINUTE and FORM_RATE_LIMIT_PER_MINUTE are optional config entries; until
 * the config schema declares them the defaults below apply.
 */
import type { Config } from '../config';

/** Largest accepted request body of POST /api/v1/check, in bytes (enforced by the app-wide body limit, see app.ts). */
export const MAX_BODY_BYTES = 256 * 1024;
/** Largest text/HTML accepted by the form and API, in characters. */
export const MAX_INPUT_CHARS = MAX_BODY_BYTES;
export const DEFAULT_API_RATE_LIMIT_PER_MINUTE = 60;
export const DEFAULT_FORM_RATE_LIMIT_PER_MINUTE = 20;

type ApiSettings = Partial<{ API_RATE_LIMIT_PER_MINUTE: number; FORM_RATE_LIMIT_PER_MINUTE: number }>;

function positiveInt(v: unknown, fallback: number): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Requests per minute per API key unless the key has its own limit. */
export function apiRateLimit(config: Config): number {
  return positiveInt((config as Config & ApiSettings).API_RATE_LIMIT_PER_MINUTE, DEFAULT_API_RATE_LIMIT_PER_MINUTE);
}

/** Form submissions per minute per client IP. */
export function formRateLimit(config: Config): number {
  return positiveInt((config as Config & ApiSettings).FORM_RATE_LIMIT_PER_MINUTE, DEFAULT_FORM_RATE_LIMIT_PER_MINUTE);
}

