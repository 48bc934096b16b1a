/**
 * Equal treatment (LOV): the default list order is a shuffle seeded by the calendar day,
 * identical for every visitor on that day, different the next, and never insertion order.
 */

import { hash32 } from '../lib/hash';

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
