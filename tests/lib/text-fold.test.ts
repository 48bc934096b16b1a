import { describe, expect, it } from 'vitest';
import { foldForSearch, parsePostcode, slugify } from '../../src/lib/text-fold';

describe('search normalisation', () => {
  it('folds case and Swedish diacritics', () => {
    expect(foldForSearch('Västerås')).toBe('vasteras');
    expect(foldForSearch('VÄSTERÅS')).toBe('vasteras');
    expect(foldForSearch('Vasteras')).toBe('vasteras');
    expect(foldForSearch('Örnsköldsvik')).toBe('ornskoldsvik');
  });
  it('collapses punctuation and spaces', () => {
    expect(foldForSearch('  Malung-Sälen ')).toBe('malung salen');
    expect(foldForSearch('Upplands  Väsby')).toBe('upplands vasby');
  });
  it('makes URL slugs', () => {
    expect(slugify('Malung-Sälen')).toBe('malung-salen');
    expect(slugify('Upplands Väsby')).toBe('upplands-vasby');
  });
  it('parses postcodes typed in common ways', () => {
    expect(parsePostcode('722 11')).toBe('72211');
    expect(parsePostcode('72211')).toBe('72211');
    expect(parsePostcode('SE-722 11')).toBe('72211');
    expect(parsePostcode('7221')).toBeNull();
    expect(parsePostcode('722 111')).toBeNull();
    expect(parsePostcode('Västerås')).toBeNull();
  });
});
