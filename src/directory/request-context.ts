/**
 * Per-request helpers for directory handlers: today's date and the day seed of the
 * neutral order, both in Swedish time, and public caching headers.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { dayKey } from '../lib/day-key';

/** Today (YYYY-MM-DD, Swedish time) and the ordering salt for this request. */
export function orderContext(c: Context<AppEnv>) {
  const { clock, config } = c.get('deps');
  const day = dayKey(clock(), config.ORDER_TIME_ZONE);
  return { today: day, day, salt: config.ORDER_SALT };
}

/**
 * Marks a response as publicly cacheable for the configured time (ETag is added by middleware)
 * and as the same for everyone at this URL, so the render cache may keep it.
 */
export function publicCache(c: Context<AppEnv>) {
  c.get('renderCache').markStorable(c.req.raw);
  c.header('Cache-Control', `public, max-age=${c.get('deps').config.PAGE_CACHE_SECONDS}`);
  c.header('Vary', 'Accept-Encoding');
}
