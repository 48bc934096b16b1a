/**
 * Search normalisation for place and provider names: case- and diacritics-insensitive
 * ("Västerås", "VASTERAS", "vasterås" all fold to "vasteras"), plus URL slugs.
 */

const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };

/** Lower-cases, strips diacritics and collapses white space and punctuation to single spaces. */
export function foldForSearch(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæøœđłþ]/g, (ch) => SPECIAL[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** URL slug: folded, words joined with hyphens ("Malung-Sälen" → "malung-salen"). */
export function slugify(input: string): string {
  return foldForSearch(input).replace(/ /g, '-');
}

/** Five-digit postcode from user input ("722 11", "SE-72211", "72211"), or null. */
export function parsePostcode(input: string): string | null {
  const m = /^\s*(?:se[-\s]?)?(\d{3})\s?(\d{2})\s*$/i.exec(input);
  return m ? m[1] + m[2] : null;
}
