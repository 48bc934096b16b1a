/** The later or earlier of two ISO dates (YYYY-MM-DD), for first-seen / last-seen spans. */

/** The later of two ISO dates. */
export const later = (a: string, b: string) => (a > b ? a : b);

/** The earlier of two ISO dates. */
export const earlier = (a: string, b: string) => (a < b ? a : b);
