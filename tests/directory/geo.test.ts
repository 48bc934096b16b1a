import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlace, mainPlace } from '../../src/directory/gazetteer';
import { gazetteerModuleSource } from '../../src/directory/gazetteer-build';
import { centreOf, distanceKm, roundDistanceKm } from '../../src/directory/geo';
import { allowedTypos, editDistance } from '../../src/directory/locality-search';

describe('geo', () => {
  it('computes great-circle distances', () => {
    // Västerås – Stockholm centres: about 91 km in a straight line.
    expect(distanceKm({ lat: 59.6162, lon: 16.5528 }, { lat: 59.3293, lon: 18.0686 })).toBeGreaterThan(89);
    expect(distanceKm({ lat: 59.6162, lon: 16.5528 }, { lat: 59.3293, lon: 18.0686 })).toBeLessThan(93);
    expect(distanceKm({ lat: 60, lon: 15 }, { lat: 60, lon: 15 })).toBe(0);
  });
  it('rounds like people say distances', () => {
    expect(roundDistanceKm(0.234)).toBe(0.2);
    expect(roundDistanceKm(12.6)).toBe(13);
    expect(roundDistanceKm(147)).toBe(145);
  });
  it('centres points and has no centre for none', () => {
    expect(centreOf([{ lat: 59, lon: 16 }, { lat: 61, lon: 18 }])).toEqual({ lat: 60, lon: 17 });
    expect(centreOf([])).toBeNull();
  });
});

describe('gazetteer (GeoNames, CC BY 4.0)', () => {
  it('finds a locality within its municipality, case- and diacritics-insensitive', () => {
    expect(findPlace('SKULTUNA', '1980')).toMatchObject({ name: 'Skultuna', municipalityCode: '1980' });
    expect(findPlace('Skultuna', '0180')).toBeNull();
    expect(findPlace('vasteras', '1980')?.name).toBe('Västerås');
  });
  it('knows a main town for every municipality', () => {
    const codes = readFileSync(new URL('../../data/reference/kommuner.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(codes).toHaveLength(290);
    expect(codes.filter((c) => !mainPlace(c))).toEqual([]);
    expect(mainPlace('1980')?.name).toBe('Västerås');
  });
  it('the bundled module is in sync with data/reference/orter-geonames.csv (run scripts/build-gazetteer.ts)', () => {
    const csv = readFileSync(new URL('../../data/reference/orter-geonames.csv', import.meta.url), 'utf8');
    const module = readFileSync(new URL('../../src/directory/gazetteer-data.ts', import.meta.url), 'utf8');
    expect(gazetteerModuleSource(csv)).toBe(module);
  });
});

describe('typo distance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('vsteras', 'vasteras', 3)).toBe(1);
    expect(editDistance('skultnua', 'skultuna', 3)).toBe(1);
    expect(editDistance('malmo', 'malmo', 3)).toBe(0);
    expect(editDistance('abc', 'xyz', 1)).toBe(2); // "too far" = max + 1
  });
  it('allows fewer typos in short words', () => {
    expect(allowedTypos(3)).toBe(0);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(8)).toBe(2);
    expect(allowedTypos(14)).toBe(3);
  });
});
