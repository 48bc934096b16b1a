/**
 * Each language of the public pages, the self-check form and the rule pages is written in its own
 * script and vocabulary, and easy Swedish keeps to short, plain sentences. Completeness (every
 * key, in order, same placeholders) is tests/i18n/report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locale-info';
import { publicTexts, t } from '../../src/i18n/public/texts';
import { selfCheckTexts } from '../../src/i18n/selfcheck/texts';
import { rulePageTexts } from '../../src/i18n/rule-pages/texts';

/** Every text of a language across the dictionaries, with its key. */
function allTexts(locale: Locale): [string, string][] {
  return [...Object.entries(publicTexts.raw(locale)), ...Object.entries(selfCheckTexts.raw(locale)), ...Object.entries(rulePageTexts.raw(locale))].filter(
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
    const texts = Object.values(publicTexts.raw('lattlast')).join(' ');
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
