import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMunicipality, searchMunicipalities } from '../../src/directory/municipality-queries';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(() => t.close());

describe('municipality search', () => {
  it.each(['Västerås', 'vasteras', 'VASTERAS', 'västerås '])('finds Västerås from "%s"', async (q) => {
    const r = await searchMunicipalities(t.db, q);
    expect(r[0]).toMatchObject({ code: '1980', name: 'Västerås', slug: 'vasteras', matchedBy: 'exact' });
  });
  it('finds by postcode with or without the space', async () => {
    for (const q of ['722 11', '72211']) {
      const r = await searchMunicipalities(t.db, q);
      expect(r).toHaveLength(1);
      expect(r[0]).toMatchObject({ code: '1980', matchedBy: 'postcode' });
    }
  });
  it('finds by code', async () => {
    expect((await searchMunicipalities(t.db, '0180'))[0]).toMatchObject({ name: 'Stockholm', matchedBy: 'code' });
  });
  it('finds by prefix, prefixes before substrings', async () => {
    const r = await searchMunicipalities(t.db, 'sto');
    expect(r.map((m) => m.name)).toContain('Stockholm');
    expect(r[0].matchedBy).toBe('prefix');
  });
  it('returns nothing for unknown names and postcodes', async () => {
    expect(await searchMunicipalities(t.db, 'Atlantis')).toEqual([]);
    expect(await searchMunicipalities(t.db, '000 00')).toEqual([]);
    expect(await searchMunicipalities(t.db, '%')).toEqual([]);
  });
  it('keeps Håbo and Habo apart', async () => {
    const r = await searchMunicipalities(t.db, 'habo');
    expect(r.map((m) => m.code).sort()).toEqual(['0305', '0643']);
    expect(await resolveMunicipality(t.db, 'habo')).toHaveLength(2);
    expect(await resolveMunicipality(t.db, 'habo-uppsala')).toMatchObject([{ name: 'Håbo' }]);
  });
  it('resolves codes and slugs', async () => {
    expect(await resolveMunicipality(t.db, '1980')).toMatchObject([{ slug: 'vasteras' }]);
    expect(await resolveMunicipality(t.db, 'malung-salen')).toMatchObject([{ code: '2023' }]);
    expect(await resolveMunicipality(t.db, 'nowhere')).toEqual([]);
  });
});
