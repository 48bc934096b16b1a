/**
 * Completeness report of the public pages' dictionaries: for every language, the keys it lacks
 * (shown in Swedish until translated), keys out of Swedish order, and texts whose `{placeholders}`
 * differ from the Swedish ones. Read by tests/i18n/report.test.ts and `npx tsx scripts/i18n-missing.ts`.
 */
import { LOCALES, type Locale } from './locale-info';
import { awaitingNativeReview, rawMessages, MESSAGE_KEYS } from './public/texts';
import { SELFCHECK_KEYS, rawSelfCheckTexts } from './selfcheck/texts';
import { RULE_PAGE_KEYS, rawRulePageTexts } from './rule-pages/texts';
import { AF_LABEL_KEYS, rawAfLabels } from './af-presence/texts';

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
  keys: readonly string[];
  raw: (locale: Locale) => Partial<Record<string, string>>;
}

const SOURCES: Source[] = [
  { dictionary: 'public pages', file: (l) => `src/i18n/public/${l}.ts`, keys: MESSAGE_KEYS, raw: rawMessages },
  { dictionary: 'self-check form', file: () => 'src/i18n/selfcheck/texts.ts', keys: SELFCHECK_KEYS, raw: rawSelfCheckTexts },
  { dictionary: 'rule pages frame', file: () => 'src/i18n/rule-pages/texts.ts', keys: RULE_PAGE_KEYS, raw: rawRulePageTexts },
  { dictionary: 'AF figures (provider page)', file: () => 'src/i18n/af-presence/texts.ts', keys: AF_LABEL_KEYS, raw: rawAfLabels },
];

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]))].sort();

/** One report per dictionary and language. */
export function translationReport(): DictionaryReport[] {
  const out: DictionaryReport[] = [];
  for (const src of SOURCES) {
    const sv = src.raw('sv');
    for (const locale of LOCALES) {
      const texts = src.raw(locale);
      const missing = src.keys.filter((k) => typeof texts[k] !== 'string' || (texts[k] === '' && sv[k] !== ''));
      const present = Object.keys(texts).filter((k) => src.keys.includes(k));
      const expectedOrder = src.keys.filter((k) => present.includes(k));
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
