/**
 * The public pages' dictionaries are complete in every language: this test names every key a
 * language lacks (the page would show Swedish there), keys out of Swedish order and placeholder
 * mismatches. After adding sv/en keys, `npx tsx scripts/i18n-missing.ts` prints the same list.
 * It also checks each language is written in its own script and vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { translationReport } from '../../src/views/i18n-report';
import { LOCALES, localeFromPath, localePath, stripLocalePrefix, type Locale } from '../../src/i18n/locale-info';
import { awaitingNativeReview, rawMessages, t } from '../../src/i18n/public/texts';
import { fill } from '../../src/i18n/fill';
import { formatDate, formatPeriod } from '../../src/i18n/format';
import { rawSelfCheckTexts } from '../../src/i18n/selfcheck/texts';
import { rawRulePageTexts } from '../../src/i18n/rule-pages/texts';

const report = translationReport();

describe('dictionary completeness', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every key has a text (else the page falls back to Swedish)`, () => {
      const gaps = report
        .filter((r) => r.locale === locale && r.missing.length)
        .map((r) => `${r.dictionary} (${r.file}) falls back to Swedish for ${r.missing.length} key(s): ${r.missing.join(', ')}`);
      expect(gaps, `Translate these keys (list: npx tsx scripts/i18n-missing.ts):\n${gaps.join('\n')}`).toEqual([]);
    });
    it(`${locale}: keys in Swedish order and the same {placeholders}`, () => {
      for (const r of report.filter((x) => x.locale === locale)) {
        expect(r.outOfOrder, `${r.file}: keys not in Swedish order`).toEqual([]);
        expect(r.placeholderMismatch, `${r.file}: placeholders differ from Swedish`).toEqual([]);
      }
    });
  }

  it('marks every new language as awaiting native review until a reviewer flips the flag', () => {
    expect(LOCALES.filter(awaitingNativeReview)).toEqual(['ar', 'so', 'ti', 'prs', 'lattlast']);
  });
});

/** Every text of a language across the dictionaries, with its key. */
function allTexts(locale: Locale): [string, string][] {
  return [...Object.entries(rawMessages(locale)), ...Object.entries(rawSelfCheckTexts(locale)), ...Object.entries(rawRulePageTexts(locale))].filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
  );
}
/** The text without proper names, Latin technical terms and placeholders. */
const ownWords = (s: string) =>
  s
    .replace(/\{[a-zA-Z]+\}/g, '')
    .replace(/Rusta och matcha|Arbetsförmedlingen|Valkollen|Västerås|vasteras|robots\.txt|sitemap\.xml|User-Agent|Crawl-delay|Retry-After|Last-Modified|ETag|HTML|PDF|API|KA|crawler|A–Ö|\/intern(al)?\//g, '');

describe('each language in its own script and words', () => {
  it('Tigrinya is written in Ethiopic script', () => {
    for (const [k, v] of allTexts('ti')) if (/\p{L}/u.test(ownWords(v))) expect(ownWords(v), k).toMatch(/\p{Script=Ethiopic}/u);
  });
  it('Somali is written in Latin script', () => {
    for (const [k, v] of allTexts('so')) expect(v, k).not.toMatch(/[\p{Script=Arabic}\p{Script=Ethiopic}]/u);
  });
  it('Arabic uses Arabic letters only (no Persian ی, ک, گ, پ, چ, ژ)', () => {
    for (const [k, v] of allTexts('ar')) {
      if (/\p{L}/u.test(ownWords(v))) expect(ownWords(v), k).toMatch(/\p{Script=Arabic}/u);
      expect(v, k).not.toMatch(/[یکگپچژ]/);
    }
  });
  it('Dari uses Persian letters and Dari words, not Iranian Persian ones', () => {
    // Iranian Persian word → the Dari word used instead.
    const iranian: Record<string, string> = { 'استان': 'ولایت', 'شهرداری': 'شاروالی/کمون', 'وب‌سایت': 'ویب‌سایت', 'صندلی': 'چوکی', 'پله': 'زینه', 'شرکت‌کننده': 'اشتراک‌کننده', 'سوئد': 'سویدن', 'کد ': 'کود ' };
    for (const [k, v] of allTexts('prs')) {
      expect(v, k).not.toMatch(/[يك]/); // Arabic yeh/kaf instead of Persian ی/ک
      for (const [word, dari] of Object.entries(iranian)) expect(v.includes(word), `${k} uses Iranian "${word}"; Dari says "${dari}"`).toBe(false);
    }
  });
  it('easy Swedish explains leverantör, leveransområde and betyg in plain sentences', () => {
    const texts = Object.values(rawMessages('lattlast')).join(' ');
    expect(texts).toContain('Företaget kallas leverantör.');
    expect(texts).toMatch(/Ett leveransområde är [^.]+\./);
    expect(texts).toMatch(/Ett betyg visar [^.]+\./);
    // One idea per sentence: no sentence longer than 20 words.
    for (const [k, v] of allTexts('lattlast')) for (const sentence of v.split(/[.:!?]\s/)) expect(sentence.split(/\s+/).length, `${k}: "${sentence}"`).toBeLessThanOrEqual(20);
  });
  it('glosses Rusta och matcha and Arbetsförmedlingen on the home page in every language', () => {
    for (const locale of LOCALES.filter((l) => l !== 'sv')) {
      const whatIs = t(locale, 'whatIs');
      expect(whatIs, locale).toMatch(/Rusta och matcha \(|Rusta och matcha är/);
      expect(whatIs, locale).toMatch(/Arbetsförmedlingen( \(|\. Arbetsförmedlingen är)/);
    }
  });
});

describe('language prefixes and placeholders', () => {
  it.each([
    ['/', 'sv', '/'],
    ['/kommun/vasteras', 'sv', '/kommun/vasteras'],
    ['/en', 'en', '/'],
    ['/ar/kommun/vasteras', 'ar', '/kommun/vasteras'],
    ['/prs/', 'prs', '/'],
    ['/lattlast/om-betyg', 'lattlast', '/om-betyg'],
    ['/arkiv', 'sv', '/arkiv'], // a path that only starts like a prefix
    ['/sok', 'sv', '/sok'],
  ])('%s is %s and %s without its prefix', (path, locale, plain) => {
    expect(localeFromPath(path)).toBe(locale);
    expect(stripLocalePrefix(path)).toBe(plain);
  });
  it('prefixes paths per language, Swedish without a prefix', () => {
    expect(localePath('sv', '/kommun/x?a=1')).toBe('/kommun/x?a=1');
    expect(localePath('ti', '/kommun/x?a=1')).toBe('/ti/kommun/x?a=1');
    expect(localePath('so', '/')).toBe('/so/');
  });
  it('formats dates the same on every runtime, with Gregorian months in the language and Latin digits', () => {
    expect(formatDate('ti', '2026-11-23')).toBe('23 ሕዳር 2026');
    expect(formatPeriod('so', '2026-09')).toBe('Sebtembar 2026');
    expect(formatDate('prs', '2026-09-28')).toBe('28 سپتمبر 2026');
    expect(formatDate('ar', '2026-09-28')).toBe('28 سبتمبر 2026');
    expect(formatDate('sv', '2026-09-28')).toBe('28 september 2026');
    expect(formatDate('lattlast', '2026-09-28T23:30:00Z')).toBe('29 september 2026'); // Swedish time
    expect(formatDate('so', '2026-09-28T23:30:00Z')).toBe('29 Sebtembar 2026');
  });
  it('isolates values in right-to-left languages only, so Latin names and numbers keep their direction', () => {
    expect(fill('ar', 'في {name}', { name: 'Västerås' })).toBe('في \u2068Västerås\u2069');
    expect(fill('prs', '{n} ستاره', { n: 3 })).toBe('\u20683\u2069 ستاره');
    expect(fill('sv', 'i {name}', { name: 'Västerås' })).toBe('i Västerås');
  });
});
