/** The runtime-neutral workbook reader against hand-built parts: what spreadsheet programs write besides exceljs. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openXlsx, readXlsx, XlsxError } from '../../src/import/xlsx-read';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook whose parts are listed worksheets first (as Excel and LibreOffice often do), with `x:` prefixes in one sheet. */
function workbook(opts: { date1904?: boolean } = {}): Uint8Array {
  return zipSync({
    'xl/worksheets/sheet2.xml': strToU8(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Vikt nivå A</x:t></x:is></x:c><x:c r="B1"><x:v>0.701797</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
      <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" s="1"><v>45778</v></c><c r="C3" t="str"><f>A1&amp;"!"</f><v>Ja &amp; nej</v></c>
        <c r="D3" t="e"><v>#N/A</v></c><c r="E3"><v>0.5</v></c><c r="AA3" t="d"><v>2026-05-01T00:00:00Z</v></c></row>
      <row r="4"><c r="A4" t="s"/></row>
    </sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}><si><r><t>Göteborg </t></r><r><rPr><b/></rPr><t>Syd-Öst</t></r><rPh><t>ヨミ</t></rPh></si><si><t xml:space="preserve"> - </t></si></sst>`),
    'xl/styles.xml': strToU8(`<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="x"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>
      <sheet name="Resultat 2026-05" sheetId="7" r:id="rId1"/><sheet name="Beräkningssnurra 2026-05" sheetId="3" r:id="rId2"/></sheets></workbook>`),
  });
}

describe('xlsx-read', () => {
  it('reads shared (rich, phonetic left out), inline and formula strings, booleans, errors, dates by style and t="d", named sheets in order', () => {
    const wb = readXlsx(workbook());
    expect(wb.sheets.map((s) => s.name)).toEqual(['Resultat 2026-05', 'Beräkningssnurra 2026-05']);
    expect(wb.sheets[0].rows).toEqual([
      { row: 1, cells: ['Göteborg Syd-Öst', null, ' - '] },
      { row: 3, cells: [true, new Date('2025-05-01T00:00:00Z'), 'Ja & nej', null, 0.5, ...Array(21).fill(null), new Date('2026-05-01T00:00:00Z')] },
    ]);
    expect(wb.sheets[1].rows).toEqual([{ row: 1, cells: ['Vikt nivå A', 0.701797] }]);
  });

  it('honours the 1904 date system and reads only the sheets asked for', () => {
    const wb = readXlsx(workbook({ date1904: true }), { sheets: (n) => n.startsWith('Resultat') });
    expect(wb.sheets[0].rows[1].cells[1]).toEqual(new Date('2029-05-02T00:00:00Z'));
    expect(wb.sheets[1]).toEqual({ name: 'Beräkningssnurra 2026-05', rows: [] });
  });

  it('opens a workbook for reading one sheet at a time: names first, each sheet afresh on demand, the cell bound per sheet', () => {
    const book = openXlsx(workbook(), { maxCells: 7 });
    expect(book.names).toEqual(['Resultat 2026-05', 'Beräkningssnurra 2026-05']);
    const whole = readXlsx(workbook());
    expect(book.read(1)).toEqual(whole.sheets[1]);
    expect(book.read(0)).toEqual(whole.sheets[0]); // 7 cells: within the bound of one read
    expect(book.read(0)).not.toBe(book.read(0)); // nothing cached
    expect(() => openXlsx(workbook(), { maxCells: 6 }).read(0)).toThrow(/more than 6 cells/);
    expect(() => readXlsx(workbook(), { maxCells: 8 })).toThrow(/more than 8 cells/); // 9 over both sheets
  });

  it('refuses what is not a readable workbook, saying why, and bounds the cells it keeps', () => {
    const bytes = workbook();
    const why = (b: Uint8Array, o = {}) => {
      try {
        readXlsx(b, o);
        return 'read';
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxError);
        return (e as Error).message;
      }
    };
    expect(why(bytes.subarray(0, bytes.length - 30))).toMatch(/truncated/);
    expect(why(strToU8('Leverantörsnamn;Ka-Nummer\n'))).toMatch(/not an .xlsx file/);
    expect(why(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toMatch(/no xl\/workbook.xml/);
    expect(why(bytes, { maxCells: 3 })).toMatch(/more than 3 cells/);
    // A part whose compressed data is damaged.
    const broken = bytes.slice();
    broken.fill(0x41, 60, 90);
    expect(why(broken)).toMatch(/damaged|truncated/);
  });
});
