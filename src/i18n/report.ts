/**
 * Completeness report of the public pages' dictionaries: for every language, the keys it lacks
 * (shown in Swedish until translated), keys out of Swedish order, and texts whose `{placeholders}`
 * differ from the Swedish ones. Read by tests/i18n/report.test.ts and `npx tsx scripts/i18n-missing.ts`.
 */
import { LOCALES, type Locale } from './locale-info';
import type { Dictionary } from './dictionary';
import { awaitingNativeReview, publicTexts } from './public/texts';
import { selfCheckTexts } from './selfcheck/texts';
import { rulePageTexts } from './rule-pages/texts';
import { afLabels } from './af-presence/texts';

export interface DictionaryReport {
  /** Where the dictionary lives, e.g. "src/i18n/public/ar.ts". */
  file: string;
  dictionary: string;
  locale: Locale;
  /** Keys without a text: the pages show the Swedish text for them. */
  missing: string[];
  /** Keys that are not in Swedish order (first out-of-place key and its neighbours). */
  outOfOrder: string[];
  /** Keys whose placeholders differ from Swedish, with both sets. */
  placeholderMismatch: { key: string; expected: string[]; found: string[] }[];
}

interface Source {
  dictionary: string;
  file: (locale: Locale) => string;
  texts: Pick<Dictionary<string>, 'keys' | 'raw'>;
}

const SOURCES: Source[] = [
  { dictionary: 'public pages', file: (l) => `src/i18n/public/${l}.ts`, texts: publicTexts },
  { dictionary: 'self-check form', file: () => 'src/i18n/selfcheck/texts.ts', texts: selfCheckTexts },
  { dictionary: 'rule pages frame', file: () => 'src/i18n/rule-pages/texts.ts', texts: rulePageTexts },
  { dictionary: 'AF figures (provider page)', file: () => 'src/i18n/af-presence/texts.ts', texts: afLabels },
];

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]))].sort();

/** One report per dictionary and language. */
export function translationReport(): DictionaryReport[] {
  const out: DictionaryReport[] = [];
  for (const src of SOURCES) {
    const { keys, raw } = src.texts;
    const sv = raw('sv');
    for (const locale of LOCALES) {
      const texts = raw(locale);
      const missing = keys.filter((k) => typeof texts[k] !== 'string' || (texts[k] === '' && sv[k] !== ''));
      const present = Object.keys(texts).filter((k) => keys.includes(k));
      const expectedOrder = keys.filter((k) => present.includes(k));
      const outOfOrder = present.filter((k, i) => k !== expectedOrder[i]);
      const placeholderMismatch = present
        .filter((k) => texts[k] !== '')
        .map((k) => ({ key: k, expected: placeholders(sv[k] ?? ''), found: placeholders(texts[k] ?? '') }))
        .filter((p) => p.expected.join() !== p.found.join());
      out.push({ file: src.file(locale), dictionary: src.dictionary, locale, missing, outOfOrder, placeholderMismatch });
    }
  }
  return out;
}

/** Languages still marked "awaiting native review". */
export function languagesAwaitingReview(): Locale[] {
  return LOCALES.filter((l) => awaitingNativeReview(l));
}
