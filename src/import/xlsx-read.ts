/**
 * Reads an .xlsx workbook's cell values into plain sheet data (see sheet.ts), in bounded
 * memory and with Web APIs only, so it runs on Node and in the Worker alike.
 *
 * Why not exceljs: its Workbook model held 2.5 GB for a 10 MB file (issue 17), its streaming
 * reader needs Node streams and temp files, and it names sheets "Sheet1…" when the zip lists
 * worksheets before the workbook part. Here the zip's central directory is read directly, each
 * part is inflated in slices (fflate) and fed to a streaming XML tokenizer (htmlparser2 in XML
 * mode), so no part is ever held whole as text: memory is the file's bytes, the shared strings
 * and the cell values of the sheets asked for. `openXlsx` reads one sheet at a time on demand,
 * so an importer that lets each sheet go before the next holds one sheet's cells, not the
 * file's (issue 17); `readXlsx` reads the sheets asked for at once.
 *
 * Covers what spreadsheet programs write for plain tables: shared, inline and formula strings,
 * numbers, booleans, errors (as null), ISO dates (t="d") and date-formatted serial numbers
 * (built-in and custom number formats, 1900 and 1904 date systems). No zip64, no encryption.
 */
import { Inflate } from 'fflate';
import { Parser } from 'htmlparser2';
import type { Cell, Sheet, SheetRow, SheetSource, Workbook } from './sheet';

/** A workbook that cannot be read; the message says why in words an operator understands. */
export class XlsxError extends Error {}

export interface OpenXlsxOptions {
  /** Upper bound on cells kept by one `read` of a sheet (default 5,000,000). */
  maxCells?: number;
  /** Upper bound on one part's inflated size in bytes (default 512 MiB). */
  maxPartBytes?: number;
}

/** Cells a read may still keep (`left`) out of `max`; one budget can span several sheets. */
export interface CellBudget {
  left: number;
  max: number;
}

/** A workbook opened by openXlsx: a SheetSource whose reads may share one cell budget. */
export interface XlsxBook extends SheetSource {
  /** Parses sheet `index` afresh (default budget: `maxCells` for this sheet alone). */
  read(index: number, budget?: CellBudget): Sheet;
}

export interface ReadXlsxOptions extends OpenXlsxOptions {
  /** Which sheets to read (by name); others are listed with no rows. Default: all. */
  sheets?: (name: string) => boolean;
  /** Upper bound on cells kept over all sheets (default 5,000,000). */
  maxCells?: number;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

/** The zip's central directory: every entry by name. */
function centralDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const zipStart = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new XlsxError(zipStart ? 'the file is truncated (the zip directory at its end is missing)' : 'not an .xlsx file (not a zip archive)');
  }
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) throw new XlsxError('zip64 archives are not supported');
  if (dirOffset + dirSize > eocd) throw new XlsxError('the file is truncated or damaged (zip directory out of range)');
  const out = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, p) !== 0x02014b50) throw new XlsxError('the file is damaged (bad zip directory entry)');
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    out.set(name.replace(/^\//, ''), {
      name,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Streams one part's inflated bytes, in slices, to `sink` as UTF-8 text. */
function streamPart(bytes: Uint8Array, entry: ZipEntry, sink: (text: string) => void, maxBytes: number): void {
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw new XlsxError(`the file is damaged (part ${entry.name} not found)`);
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new XlsxError(`the file is truncated (part ${entry.name} is cut off)`);
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  const emit = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > maxBytes) throw new XlsxError(`part ${entry.name} is larger than ${Math.round(maxBytes / 2 ** 20)} MiB unpacked`);
    sink(decoder.decode(chunk, { stream: true }));
  };
  const SLICE = 64 * 1024;
  if (entry.method === 0) {
    for (let i = start; i < end; i += SLICE) emit(bytes.subarray(i, Math.min(end, i + SLICE)));
  } else if (entry.method === 8) {
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      emit(chunk);
      if (final) done = true;
    });
    try {
      for (let i = start; i < end; i += SLICE) inflate.push(bytes.subarray(i, Math.min(end, i + SLICE)), i + SLICE >= end);
      if (start === end) inflate.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError(`the file is damaged (part ${entry.name}: ${(e as Error).message})`);
    }
    if (!done) throw new XlsxError(`the file is truncated (part ${entry.name} ends early)`);
  } else {
    throw new XlsxError(`part ${entry.name} uses zip compression method ${entry.method}, which is not supported`);
  }
  sink(decoder.decode());
}

type Handlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

/** Parses one XML part as a stream of tags (namespace prefixes dropped: "x:row" → "row"). */
function parsePart(bytes: Uint8Array, entry: ZipEntry | undefined, handlers: Handlers, maxBytes: number): void {
  if (!entry) return;
  const local = (n: string) => {
    const i = n.indexOf(':');
    return i < 0 ? n : n.slice(i + 1);
  };
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(local(name), attrs),
      ontext: (t) => handlers.text?.(t),
      onclosetag: (name) => handlers.close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  streamPart(bytes, entry, (t) => parser.write(t), maxBytes);
  parser.end();
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, plus the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a custom format code shows a date: y or d outside quotes, escapes and [..] parts. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare) || /m{3,}/i.test(bare);
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col - 1;
}

/** An Excel serial day number as a UTC date (1900 system unless `date1904`). */
function serialToDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86400000));
}

/**
 * Opens the workbook in `bytes` for reading one sheet at a time: the zip directory, sheet
 * names, shared strings and date styles are read now, a sheet's cells only when `read(i)` is
 * called (afresh on every call; nothing is cached). Throws XlsxError when the file is not a
 * readable .xlsx file; `read` throws XlsxError when a sheet's part is damaged or holds more
 * than `maxCells` cells. Rows come with their 1-based row number and cells by 0-based column;
 * rows without any value are left out.
 */
export function openXlsx(bytes: Uint8Array, options: OpenXlsxOptions = {}): XlsxBook {
  const maxPart = options.maxPartBytes ?? 512 * 2 ** 20;
  const maxCells = options.maxCells ?? 5_000_000;
  const zip = centralDirectory(bytes);
  const workbookEntry = zip.get('xl/workbook.xml');
  if (!workbookEntry) throw new XlsxError('not an .xlsx workbook (no xl/workbook.xml in the archive)');

  // Sheet names in order, and where each one's part is.
  const sheetRefs: { name: string; rid: string }[] = [];
  let date1904 = false;
  parsePart(bytes, workbookEntry, {
    open(name, a) {
      if (name === 'sheet') sheetRefs.push({ name: a.name ?? '', rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
      if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
    },
  }, maxPart);
  const targets = new Map<string, string>();
  parsePart(bytes, zip.get('xl/_rels/workbook.xml.rels'), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) {
        const t = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
        targets.set(a.Id, t.replace(/\/\.\//g, '/'));
      }
    },
  }, maxPart);

  // Shared strings: the text of each <si>, phonetic runs (<rPh>) left out.
  const shared: string[] = [];
  {
    let inT = false;
    let inPh = 0;
    let cur = '';
    parsePart(bytes, zip.get('xl/sharedStrings.xml'), {
      open(name) {
        if (name === 'si') cur = '';
        else if (name === 'rPh') inPh++;
        else if (name === 't') inT = true;
      },
      text(t) {
        if (inT && inPh === 0) cur += t;
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPh--;
        else if (name === 'si') shared.push(cur);
      },
    }, maxPart);
  }

  // Styles: which cell formats show dates.
  const dateStyles: boolean[] = [];
  {
    const customDate = new Map<number, boolean>();
    let inCellXfs = false;
    parsePart(bytes, zip.get('xl/styles.xml'), {
      open(name, a) {
        if (name === 'numFmt') customDate.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          dateStyles.push(customDate.get(id) ?? DATE_FORMAT_IDS.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    }, maxPart);
  }

  /** Parses sheet `index`, counting its cells against `budget` (shared by readXlsx's sheets). */
  const readSheet = (index: number, budget: CellBudget): Sheet => {
    const ref = sheetRefs[index];
    if (!ref) throw new RangeError(`no sheet ${index}`);
    const sheet: Sheet = { name: ref.name, rows: [] };
    const path = targets.get(ref.rid);
    const entry = path ? zip.get(path) : undefined;
    if (!entry) throw new XlsxError(`the file is damaged (sheet "${ref.name}" has no part)`);

    let row: SheetRow | null = null;
    let rowNumber = 0;
    let col = -1;
    let type = 'n';
    let style = 0;
    let text = '';
    let inValue = false;
    let hasValue = false;
    const finishCell = () => {
      if (!row || !hasValue) return;
      let v: Cell = null;
      switch (type) {
        case 's':
          v = shared[Number(text)] ?? null;
          break;
        case 'str':
        case 'inlineStr':
          v = text;
          break;
        case 'b':
          v = text.trim() === '1' || text.trim() === 'true';
          break;
        case 'e':
          v = null;
          break;
        case 'd': {
          const d = new Date(text.trim());
          v = Number.isNaN(d.getTime()) ? text : d;
          break;
        }
        default: {
          const n = Number(text);
          v = text.trim() === '' || !Number.isFinite(n) ? null : dateStyles[style] ? serialToDate(n, date1904) : n;
        }
      }
      if (v === null || v === '') return;
      while (row.cells.length < col) row.cells.push(null);
      row.cells[col] = v;
      if (--budget.left < 0) throw new XlsxError(`the workbook has more than ${budget.max.toLocaleString('en')} cells`);
    };
    parsePart(bytes, entry, {
      open(name, a) {
        if (name === 'row') {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          row = { row: rowNumber, cells: [] };
          col = -1;
        } else if (name === 'c' && row) {
          col = a.r ? columnOf(a.r) : col + 1;
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          text = '';
          hasValue = false;
        } else if ((name === 'v' || (name === 't' && type === 'inlineStr')) && row) {
          inValue = true;
          hasValue = true;
        }
      },
      text(t) {
        if (inValue) text += t;
      },
      close(name) {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c') finishCell();
        else if (name === 'row' && row) {
          if (row.cells.length > 0) sheet.rows.push(row);
          row = null;
        }
      },
    }, maxPart);
    return sheet;
  };

  return {
    names: sheetRefs.map((r) => r.name),
    read: (index, budget) => readSheet(index, budget ?? { left: maxCells, max: maxCells }),
  };
}

/**
 * Reads the workbook in `bytes` at once: every sheet in the workbook's order, the ones
 * `options.sheets` leaves out listed with no rows, at most `maxCells` cells over all sheets.
 * Throws XlsxError when it is not a readable .xlsx file (see openXlsx).
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Workbook {
  const book = openXlsx(bytes, options);
  const max = options.maxCells ?? 5_000_000;
  const budget: CellBudget = { left: max, max };
  return {
    sheets: book.names.map((name, i) => (options.sheets && !options.sheets(name) ? { name, rows: [] } : book.read(i, budget))),
  };
}
