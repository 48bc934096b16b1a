/** Splitting a list into slices, e.g. for IN (…) queries under D1's bound-parameter limit. */

/** Splits `items` into slices of at most `size` (default 90: an IN (…) list stays under D1's bound-parameter limit). */
export function chunked<T>(items: T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
