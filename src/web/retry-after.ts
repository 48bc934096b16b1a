/**
 * Parses the HTTP Retry-After header (RFC 9110 §10.2.3): either a number of seconds or an HTTP
 * date. Used by the fetcher (429/503 results) and the politeness scheduler.
 */

/**
 * Seconds to wait according to a Retry-After value, never negative; undefined when the header is
 * missing or unreadable. `now` (ms) is used for the HTTP-date form.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  // Only accept things that look like an HTTP date; Date.parse is lenient otherwise.
  if (!/[a-z]{3}/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
