/**
 * The language of a path and the path in a language: prefixes for every language but Swedish.
 */
import { describe, expect, it } from 'vitest';
import { localeFromPath, localePath, stripLocalePrefix } from '../../src/i18n/locale-info';

describe('language prefixes', () => {
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
});
