/**
 * The dictionaries are complete in every language: this test names every key a language lacks
 * (the page would show Swedish there), keys out of Swedish order and placeholder mismatches.
 * After adding sv/en keys, `npx tsx scripts/i18n-missing.ts` prints the same list.
 */
import { describe, expect, it } from 'vitest';
import { translationReport } from '../../src/i18n/report';
import { LOCALES } from '../../src/i18n/locale-info';
import { awaitingNativeReview } from '../../src/i18n/public/texts';

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

