/**
 * Node-only: reads an .xlsx file's bytes with exceljs into plain sheet data (see af-sheet.ts).
 * Kept out of the Worker bundle; the importers only see the plain data.
 */
import ExcelJS from 'exceljs';
import type { Cell, Workbook } from './af-sheet';

/** Flattens exceljs cell values (rich text, formulas, hyperlinks, errors) to plain values. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return plain((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Reads every worksheet: rows with at least one value, cells by 0-based column. */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Workbook = { sheets: [] };
  wb.eachSheet((ws) => {
    const rows: Workbook['sheets'][number]['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plain(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push({ row: rowNumber, cells });
    });
    out.sheets.push({ name: ws.name, rows });
  });
  return out;
}
