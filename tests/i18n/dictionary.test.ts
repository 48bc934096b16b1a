/**
 * The one lookup every area's texts are built from: Swedish fallback, placeholders, keys chosen
 * at run time, and the raw texts the completeness report reads.
 */
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/dictionary';

const sv = { hello: 'Hej {name}', status_new: 'Ny', only_sv: 'Bara svenska' };
const d = dictionary(sv, { en: { hello: 'Hello {name}', status_new: 'New' }, ar: { hello: 'مرحبا {name}' } });

describe('dictionary()', () => {
  it('fills placeholders, isolating values in right-to-left languages', () => {
    expect(d.text('en', 'hello', { name: 'Åsa' })).toBe('Hello Åsa');
    expect(d.text('ar', 'hello', { name: 'Åsa' })).toBe('مرحبا \u2068Åsa\u2069');
  });
  it('falls back to Swedish for a key or a language without a text', () => {
    expect(d.text('en', 'only_sv')).toBe('Bara svenska');
    expect(d.text('so', 'status_new')).toBe('Ny');
  });
  it('looks up keys built at run time and shows an unknown value as it is', () => {
    expect(d.dynamic('en', 'status', 'new')).toBe('New');
    expect(d.dynamic('en', 'status', 'odd')).toBe('odd');
  });
  it('knows its own keys only, in Swedish order', () => {
    expect(d.keys).toEqual(['hello', 'status_new', 'only_sv']);
    expect(d.has('hello')).toBe(true);
    expect(d.has('toString')).toBe(false);
  });
  it('gives a language its texts as written, without fallback', () => {
    expect(d.raw('ar')).toEqual({ hello: 'مرحبا {name}' });
    expect(d.raw('ti')).toEqual({});
    expect(d.raw('sv')).toBe(sv);
  });
});
