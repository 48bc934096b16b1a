/**
 * Interface text of the public pages, one flat dictionary of the same keys per language.
 * Swedish (at /, ./sv.ts) and English (/en, ./en.ts) are complete by type; Arabic (/ar), Somali
 * (/so), Tigrinya (/ti), Dari (/prs) and easy Swedish (/lattlast) live one file each beside them
 * with the keys in Swedish order, and a test (tests/i18n/report.test.ts) plus
 * `npx tsx scripts/i18n-missing.ts` list any key they lack (t() then shows Swedish).
 */
import { dictionary } from '../dictionary';
import type { Locale } from '../locale-info';
import { sv, type MessageKey } from './sv';
import { en } from './en';
import type { Translation } from './translation';
import { ar } from './ar';
import { so } from './so';
import { ti } from './ti';
import { prs } from './prs';
import { lattlast } from './lattlast';

export type { MessageKey };

const translations: Record<Exclude<Locale, 'sv' | 'en'>, Translation> = { ar, so, ti, prs, lattlast };

/** The public pages' texts in every language; `keys` and `raw` serve the completeness report. */
export const publicTexts = dictionary(sv, {
  en,
  ar: ar.messages,
  so: so.messages,
  ti: ti.messages,
  prs: prs.messages,
  lattlast: lattlast.messages,
});

/** True until a native speaker has signed off the language (never for sv and en). */
export function awaitingNativeReview(locale: Locale): boolean {
  return locale === 'sv' || locale === 'en' ? false : translations[locale].awaitingNativeReview;
}

/** Translates `key` with `{name}` placeholders filled from `params`; a missing text falls back to Swedish. */
export const t = publicTexts.text;
