/**
 * Interface text of the review workspace in Swedish (default, ./sv.ts) and English
 * (/en/review…, ./en.ts). The workspace is Swedish and English only: the public pages' other
 * languages never reach it, and a text is Swedish for any other locale.
 */
import { dictionary } from '../dictionary';
import type { Locale } from '../locale-info';
import { sv, type ReviewKey } from './sv';
import { en } from './en';

export type { ReviewKey };

/** The workspace's texts in Swedish and English. */
export const reviewTexts = dictionary(sv, { en });

/** A review text in the locale, with {param} placeholders filled in. */
export const rt = reviewTexts.text;

/** Whether the dictionaries have this key (for texts chosen at run time). */
export const hasReviewKey = reviewTexts.has;

/** A text whose key is built at run time (status_…, severity_…, event_…); falls back to the raw value. */
export function rtDynamic(locale: Locale, prefix: string, value: string | null | undefined): string {
  return value ? reviewTexts.dynamic(locale, prefix, value) : '–';
}
