/**
 * Opening AF's workbooks from their bytes, with a failure turned into a reportable reason:
 * read whole (the sheets wanted), or opened to be read one sheet at a time (the results
 * workbook, the largest of AF's files).
 */
import type { SheetSource, Workbook } from '../sheet';
import { openXlsx, readXlsx, XlsxError } from '../xlsx-read';

/** Runs a reader, turning its failure into a reportable reason. */
function readable<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (e) {
    if (e instanceof XlsxError) return { error: e.message };
    return { error: `unreadable (${(e as Error).message})` };
  }
}

/** Parses a workbook's wanted sheets at once (the others are listed but not parsed). */
export const readWorkbook = (bytes: Uint8Array, wanted: (name: string) => boolean): Workbook | { error: string } =>
  readable(() => readXlsx(bytes, { sheets: wanted }));

/** Opens a workbook for reading sheet by sheet (its directory, names and shared strings now). */
export const openWorkbook = (bytes: Uint8Array): SheetSource | { error: string } => readable(() => openXlsx(bytes));

/** True when the bytes start like a zip archive (an .xlsx file). */
export const looksLikeXlsx = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
