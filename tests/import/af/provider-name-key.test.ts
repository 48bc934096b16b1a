/** Provider name keys: one key per provider name whatever the spelling of its legal form. */
import { describe, expect, it } from 'vitest';
import { providerNameKey } from '../../../src/import/af/provider-name-key';

describe('provider name keys', () => {
  it('one key for spellings of the same legal form, different keys for different forms', () => {
    expect(providerNameKey('Åkerö Vägledning AB')).toBe(providerNameKey('ÅKERÖ VÄGLEDNING AKTIEBOLAG'));
    expect(providerNameKey('Exempel AB (publ)')).toBe(providerNameKey('exempel ab'));
    expect(providerNameKey('Sjöbron Ek. för.')).toBe(providerNameKey('Sjöbron Ekonomisk förening'));
    expect(providerNameKey('Exempel AB')).not.toBe(providerNameKey('Exempel HB'));
    expect(providerNameKey('Exempel Väst AB')).not.toBe(providerNameKey('Exempel AB'));
  });
});
