/**
 * The placeholder filler every dictionary shares.
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';

describe('fill', () => {
  it('isolates values in right-to-left languages only, so Latin names and numbers keep their direction', () => {
    expect(fill('ar', 'في {name}', { name: 'Västerås' })).toBe('في \u2068Västerås\u2069');
    expect(fill('prs', '{n} ستاره', { n: 3 })).toBe('\u20683\u2069 ستاره');
    expect(fill('sv', 'i {name}', { name: 'Västerås' })).toBe('i Västerås');
  });
});
