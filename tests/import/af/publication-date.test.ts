/** Publication dates from AF's file names (Swedish month names), the periods inside, or --published. */
import { describe, expect, it } from 'vitest';
import { dateFromFileName, publicationDate } from '../../../src/import/af/publication-date';

describe('publication dates', () => {
  it('reads AF\'s names: month names (last one named), numeric dates, nothing else', () => {
    expect(dateFromFileName('betyg-rusta-och-matcha-maj-2026.xlsx')).toBe('2026-05-01');
    expect(dateFromFileName('resultatuppfoljning-mars-november-2025.xlsx')).toBe('2025-11-01');
    expect(dateFromFileName('resultatuppfoljning-och-resultatoversyn-rusta-och-matcha-juli-2026.xlsx')).toBe('2026-07-01');
    expect(dateFromFileName('Betyg_Rusta_och_Matcha_December_2025 (1).xlsx')).toBe('2025-12-01');
    expect(dateFromFileName('sokleverantor-2026-11-15.json')).toBe('2026-11-15');
    expect(dateFromFileName('betyg-rusta-och-matcha-2026-09.xlsx')).toBe('2026-09-01');
    expect(dateFromFileName('betyg-rusta-och-matcha.xlsx')).toBeNull();
    expect(dateFromFileName('maj.xlsx')).toBeNull();
  });

  it('prefers --published, then the name, then the periods, and says which; refuses the future and no date at all', () => {
    expect(publicationDate('betyg-maj-2026.xlsx', '2026-06-02', '2026-12-01')).toEqual({ date: '2026-06-02', basis: 'argument' });
    expect(publicationDate('betyg-maj-2026.xlsx', undefined, '2026-12-01', ['2026-03'])).toEqual({ date: '2026-05-01', basis: 'file_name' });
    expect(publicationDate('betyg.xlsx', undefined, '2026-12-01', ['2025-01', '2026-03'])).toEqual({ date: '2026-03-01', basis: 'periods' });
    expect(publicationDate('betyg.xlsx', undefined, '2026-12-01')).toEqual({ error: expect.stringMatching(/pass --published/) });
    expect(publicationDate('betyg-januari-2027.xlsx', undefined, '2026-12-01')).toEqual({ error: expect.stringMatching(/in the future/) });
    expect(publicationDate('x.xlsx', '2026-02-30', '2026-12-01')).toEqual({ error: expect.stringMatching(/not a calendar date/) });
  });
});
