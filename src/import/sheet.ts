/**
 * A parsed spreadsheet as plain data (what xlsx-read.ts hands the importers), and a workbook
 * read one sheet at a time (SheetSource).
 */

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** Cell values by 0-based column. */
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface Workbook {
  sheets: Sheet[];
}

/**
 * A workbook read one sheet at a time, so an importer that lets each sheet go before reading
 * the next holds one sheet's cells, not the file's (issue 17). `read` parses the sheet afresh
 * on every call and may throw (xlsx-read.ts: XlsxError for a damaged part).
 */
export interface SheetSource {
  /** Sheet names in the workbook's order. */
  names: string[];
  /** The sheet at `index` in `names`, with its rows. */
  read(index: number): Sheet;
}

/** A workbook already in memory as a SheetSource (tests, small files). */
export function sheetSource(wb: Workbook): SheetSource {
  return { names: wb.sheets.map((s) => s.name), read: (i) => wb.sheets[i] };
}

/** True for a SheetSource, false for a Workbook held whole. */
export function isSheetSource(wb: Workbook | SheetSource): wb is SheetSource {
  return typeof (wb as SheetSource).read === 'function';
}
