import { describe, expect, it } from 'vitest';
import { findWorkbookLinks, monthFromFileName, selectWorkbooks, workbookKind } from '../../src/sync/workbook-links';

describe('monthFromFileName', () => {
  it.each([
    ['betyg-rusta-och-matcha-maj-2026.xlsx', '2026-05'],
    ['resultatuppfoljning-mars-november-2025.xlsx', '2025-11'],
    ['betyg-rusta-och-matcha-2026-09.xlsx', '2026-09'],
    ['Resultatuppföljning Augusti 2025.xlsx', '2025-08'],
    ['lathund.xlsx', null],
    ['betyg-2026.xlsx', null],
  ])('%s → %s', (name, month) => expect(monthFromFileName(name)).toBe(month));
});

describe('workbookKind', () => {
  it('tells AF files apart by name', () => {
    expect(workbookKind('betyg-rusta-och-matcha-maj-2026.xlsx')).toBe('af-ratings');
    expect(workbookKind('resultatuppfoljning-2026-09.xlsx')).toBe('af-results');
    expect(workbookKind('leverantorslista.xlsx')).toBe('other');
  });
});

describe('findWorkbookLinks', () => {
  it('reads .xlsx links from HTML, resolved and de-duplicated, and nothing else', () => {
    const html = `<a href="/f/betyg-rusta-och-matcha-maj-2026.xlsx">x</a><a href="/f/betyg-rusta-och-matcha-maj-2026.xlsx#top">dup</a>
      <a href="https://cdn.example/resultatuppfoljning-2026-09.xlsx?v=2">r</a><a href="/f/metod.pdf">p</a><a href="javascript:alert(1)//.xlsx">j</a><a href="../x/betyg%20maj%202026.xlsx">e</a>`;
    const links = findWorkbookLinks(html, 'https://af.example/sida/betyg', 'text/html');
    expect(links.map((l) => [l.url, l.fileName, l.kind])).toEqual([
      ['https://af.example/f/betyg-rusta-och-matcha-maj-2026.xlsx', 'betyg-rusta-och-matcha-maj-2026.xlsx', 'af-ratings'],
      ['https://cdn.example/resultatuppfoljning-2026-09.xlsx?v=2', 'resultatuppfoljning-2026-09.xlsx', 'af-results'],
      ['https://af.example/x/betyg%20maj%202026.xlsx', 'betyg maj 2026.xlsx', 'af-ratings'],
    ]);
  });
  it("reads AF's JSON listing (items whose properties link the files)", () => {
    const json = JSON.stringify({ items: [{ properties: { link: '/download/18.1/resultatuppfoljning-mars-november-2025.xlsx', title: 'R' } }, { properties: { link: '/a.pdf' } }] });
    expect(findWorkbookLinks(json, 'https://af.example/rest/analysportalen/lev/sitevision', 'application/json').map((l) => l.month)).toEqual(['2025-11']);
  });
});

describe('selectWorkbooks', () => {
  it('keeps the newest N of AF kinds and orders them oldest first, ratings before results', () => {
    const mk = (fileName: string) => findWorkbookLinks(`<a href="/${fileName}">x</a>`, 'https://af.example/', 'text/html')[0];
    const links = ['resultatuppfoljning-2026-09.xlsx', 'betyg-rusta-och-matcha-2026-09.xlsx', 'betyg-rusta-och-matcha-2026-05.xlsx', 'betyg-rusta-och-matcha-2025-01.xlsx', 'annat.xlsx'].map(mk);
    const { selected, ignored } = selectWorkbooks(links, 3);
    expect(selected.map((l) => l.fileName)).toEqual(['betyg-rusta-och-matcha-2026-05.xlsx', 'betyg-rusta-och-matcha-2026-09.xlsx', 'resultatuppfoljning-2026-09.xlsx']);
    expect(ignored.map((l) => l.fileName).sort()).toEqual(['annat.xlsx', 'betyg-rusta-och-matcha-2025-01.xlsx']);
  });
});
