/**
 * The calendar day of an instant in a time zone: the key the daily list order and the render
 * cache change on.
 */

// Building an Intl.DateTimeFormat is far slower than using one: keep one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

// Every request asks for today's key; days start on a whole minute in every time zone, so the
// answer can be reused for the rest of the minute.
const lastKey = new Map<string, { minute: number; key: string }>();

/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`; the daily order changes at local midnight. */
export function dayKey(date: Date, timeZone: string): string {
  const minute = Math.floor(date.getTime() / 60_000);
  const memo = lastKey.get(timeZone);
  if (memo && memo.minute === minute) return memo.key;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const key = `${get('year')}-${get('month')}-${get('day')}`;
  lastKey.set(timeZone, { minute, key });
  return key;
}
