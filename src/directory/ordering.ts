/**
 * Equal treatment (LOV): the default list order is a shuffle seeded by the calendar day,
 * identical for every visitor on that day, different the next, and never insertion order.
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

/** 32-bit hash of a string: FNV-1a followed by the murmur3 finaliser for good bit mixing. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Returns a new array in the day's shuffled order. Each item's position depends only on
 * (salt, day, id), so adding or removing a provider does not reorder the others.
 */
export function dailyShuffle<T>(items: readonly T[], idOf: (item: T) => string | number, day: string, salt: string): T[] {
  return items
    .map((item) => ({ item, key: hash32(`${salt}|${day}|${idOf(item)}`), id: String(idOf(item)) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.item);
}
