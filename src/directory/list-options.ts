/**
 * The list controls shared by the municipality page and its JSON API: validated query
 * parameters (400 naming the field), filtering, the explicit sort choices and paging.
 */
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { dailyShuffle } from './ordering';
import type { ProviderListItem } from './provider-queries';

export const SORTS = ['daily', 'rating', 'name', 'nearest'] as const;
export type SortKind = (typeof SORTS)[number];
export const PAGE_SIZE = 20;

const yesNo = z
  .enum(['true', 'false', 'yes', 'no', 'ja', 'nej', '1', '0', ''])
  .transform((v) => (v === '' ? undefined : ['true', 'yes', 'ja', '1'].includes(v)));

export const listQuerySchema = z.object({
  lang: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3})?$/, 'must be an ISO 639 language code such as ar, so or ti')
    .optional()
    .transform((v) => v || undefined),
  accepting: yesNo.optional(),
  minRating: z
    .union([z.literal(''), z.coerce.number().int('must be a whole number 1–4').min(1, 'must be 1–4').max(4, 'must be 1–4')])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  sort: z
    .union([z.literal(''), z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` })])
    .optional()
    .transform((v) => (v ? v : 'daily') as SortKind),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(1000, 'must be at most 1000').default(1),
  /** The job seeker's postcode, for distances ("72620" or "726 20"; checked against the postcode table later). */
  postnummer: z
    .string()
    .trim()
    .max(12, 'must be a Swedish postcode of five digits')
    .regex(/^((se[-\s]?)?\d{3}\s?\d{2})?$/i, 'must be a Swedish postcode of five digits, such as 72620')
    .optional()
    .transform((v) => v || undefined),
  /** The job seeker's postal locality, for distances ("Skultuna"). */
  ort: z
    .string()
    .trim()
    .max(60, 'must be at most 60 characters')
    .optional()
    .transform((v) => v || undefined),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

/** Parses list query parameters; throws a 400 AppError naming the first bad field. */
export function parseListQuery(query: Record<string, string | undefined>): ListQuery {
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? 'query');
    throw badRequest(field, `Invalid value for "${field}": ${issue.message}`);
  }
  // One "postcode or locality" field on the page sends ?ort=; a postcode typed there counts as one.
  const q = parsed.data;
  if (q.ort && !q.postnummer && /^(se[-\s]?)?\d{3}\s?\d{2}$/i.test(q.ort)) return { ...q, postnummer: q.ort, ort: undefined };
  return q;
}

/** Highest current star rating among the provider's contracts covering the municipality. */
export function bestStars(item: ProviderListItem): number | null {
  let best: number | null = null;
  for (const c of item.contracts) {
    const s = c.rating?.stars ?? null;
    if (s !== null && (best === null || s > best)) best = s;
  }
  return best;
}

/** True when any contract covering the municipality accepts new participants. */
export const isAccepting = (item: ProviderListItem) => item.contracts.some((c) => c.acceptingNew === true);

export interface ListPage {
  items: ProviderListItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

/**
 * Filters, orders and pages providers. 'daily' is the neutral default (seeded per day);
 * 'rating', 'name' and 'nearest' are explicit, labelled choices. Ties in rating or distance fall
 * back to the daily order so that no provider is favoured by insertion order. `distanceOf` gives
 * a provider's distance to its nearest office (null: unknown, listed last) for 'nearest'.
 */
export function applyListOptions(
  items: ProviderListItem[],
  q: ListQuery,
  day: string,
  salt: string,
  distanceOf: (item: ProviderListItem) => number | null = () => null,
): ListPage {
  let list = items.filter(
    (it) =>
      (!q.lang || it.languages.some((l) => l.code === q.lang)) &&
      (q.accepting === undefined || isAccepting(it) === q.accepting) &&
      (q.minRating === undefined || (bestStars(it) ?? 0) >= q.minRating),
  );
  list = dailyShuffle(list, (it) => it.id, day, salt);
  if (q.sort === 'rating') {
    // Stable sort keeps the daily order among equal ratings; unrated providers last.
    list = [...list].sort((a, b) => (bestStars(b) ?? 0) - (bestStars(a) ?? 0));
  } else if (q.sort === 'name') {
    list = [...list].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  } else if (q.sort === 'nearest') {
    const km = new Map(list.map((it) => [it.id, distanceOf(it) ?? Infinity]));
    list = [...list].sort((a, b) => km.get(a.id)! - km.get(b.id)!);
  }
  const total = list.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const start = (q.page - 1) * PAGE_SIZE;
  return { items: list.slice(start, start + PAGE_SIZE), total, page: q.page, pages, pageSize: PAGE_SIZE };
}
