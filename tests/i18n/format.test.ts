/**
 * Dates and periods read the same on every runtime (Node and workerd), in Swedish time.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod } from '../../src/i18n/format';

describe('formatDate and formatPeriod', () => {
  it('formats dates the same on every runtime, with Gregorian months in the language and Latin digits', () => {
    expect(formatDate('ti', '2026-11-23')).toBe('23 ሕዳር 2026');
    expect(formatPeriod('so', '2026-09')).toBe('Sebtembar 2026');
    expect(formatDate('prs', '2026-09-28')).toBe('28 سپتمبر 2026');
    expect(formatDate('ar', '2026-09-28')).toBe('28 سبتمبر 2026');
    expect(formatDate('sv', '2026-09-28')).toBe('28 september 2026');
    expect(formatDate('lattlast', '2026-09-28T23:30:00Z')).toBe('29 september 2026'); // Swedish time
    expect(formatDate('so', '2026-09-28T23:30:00Z')).toBe('29 Sebtembar 2026');
  });
});
