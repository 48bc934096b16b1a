/**
 * Reads a provider import file (CSV or JSON, see docs/import-format.md) into raw records
 * with line numbers. Only syntax and shape are checked here; field validation follows.
 */
import { parse } from 'csv-parse/sync';
import type { ImportError } from '../report';
import { CSV_COLUMNS, FIELDS_BY_KIND, RECORD_KINDS, type ParsedFile, type RawRecord, type RecordKind } from './provider-file-format';
import { JsonSyntaxError, parseJsonWithLines } from '../json-with-lines';

/** 'json' for *.json files or text starting with '{', else 'csv'. */
export function detectFormat(fileName: string, text: string): 'csv' | 'json' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Parses the file text in the given format. */
export function readProviderFile(text: string, format: 'csv' | 'json'): ParsedFile {
  return format === 'json' ? readJson(text) : readCsv(text);
}

const DATA_AS_OF_COMMENT = /^#\s*data_as_of\s*[:=]\s*(\S*)\s*$/i;

function readCsv(text: string): ParsedFile {
  const errors: ImportError[] = [];
  const src = text.replace(/^\uFEFF/, '');
  const physical = src.split(/\r?\n/);
  let dataAsOf: ParsedFile['dataAsOf'];
  physical.forEach((l, idx) => {
    const m = DATA_AS_OF_COMMENT.exec(l.trim());
    if (m && dataAsOf === undefined) dataAsOf = { value: m[1], line: idx + 1 };
  });
  // Swedish spreadsheet exports use ';' as the delimiter; decide from the header line.
  const headerLine = physical.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(src, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      trim: true,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { format: 'csv', records: [], dataAsOf, errors: [{ line: err.lines ?? 1, field: '', message: `CSV syntax: ${err.message}` }] };
  }
  if (rows.length === 0) return { format: 'csv', records: [], dataAsOf, errors: [{ line: 1, field: '', message: 'the file has no header line' }] };
  const [head, ...body] = rows;
  const header = head.record.map((h) => h.toLowerCase());
  const headerLineNo = head.info.lines;
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) errors.push({ line: headerLineNo, field: h || `column ${i + 1}`, message: `unknown column "${h}"; expected some of: ${CSV_COLUMNS.join(', ')}` });
    else if (header.indexOf(h) !== i) errors.push({ line: headerLineNo, field: h, message: 'column appears twice' });
  });
  for (const required of ['record', 'orgnr']) {
    if (!header.includes(required)) errors.push({ line: headerLineNo, field: required, message: 'required column is missing from the header' });
  }
  if (errors.length > 0) return { format: 'csv', records: [], dataAsOf, errors };

  const records: RawRecord[] = [];
  for (const row of body) {
    const line = row.info.lines;
    if (row.record.length !== header.length) {
      errors.push({ line, field: '', message: `row has ${row.record.length} fields but the header has ${header.length}` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (row.record[i] !== '') fields[h] = row.record[i];
    });
    const kind = String(fields.record ?? '').toLowerCase() as RecordKind;
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
      errors.push({ line, field: 'record', message: `record must be one of ${RECORD_KINDS.join(', ')}` });
      continue;
    }
    delete fields.record;
    for (const f of Object.keys(fields)) {
      if (!FIELDS_BY_KIND[kind].includes(f)) errors.push({ line, field: f, message: `a ${kind} row leaves ${f} empty` });
    }
    records.push({ kind, line, fields, fieldLines: {} });
  }
  return { format: 'csv', records, dataAsOf, errors };
}

const TOP_KEYS = ['format', 'version', 'data_as_of', 'providers'];

function readJson(text: string): ParsedFile {
  let doc: ReturnType<typeof parseJsonWithLines>;
  try {
    doc = parseJsonWithLines(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { format: 'json', records: [], errors: [{ line: e.line, field: '', message: `JSON syntax: ${e.message}` }] };
    throw e;
  }
  const errors: ImportError[] = [];
  const root = doc.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return { format: 'json', records: [], errors: [{ line: 1, field: '', message: 'the document must be an object with a "providers" array' }] };
  }
  const top = root as Record<string, unknown>;
  const at = (...path: (string | number)[]) => doc.lineOf(path) ?? 1;
  for (const k of Object.keys(top)) if (!TOP_KEYS.includes(k)) errors.push({ line: at(k), field: k, message: `unknown top-level field; expected ${TOP_KEYS.join(', ')}` });
  if (top.format !== 'valkollen-providers') errors.push({ line: at('format'), field: 'format', message: 'format must be "valkollen-providers"' });
  if (top.version !== 1) errors.push({ line: at('version'), field: 'version', message: 'version must be 1' });
  const dataAsOf = top.data_as_of === undefined || top.data_as_of === null ? undefined : { value: top.data_as_of, line: at('data_as_of') };
  if (!Array.isArray(top.providers)) {
    errors.push({ line: at('providers'), field: 'providers', message: 'providers must be an array' });
    return { format: 'json', records: [], dataAsOf, errors };
  }

  const records: RawRecord[] = [];
  const take = (kind: RecordKind, obj: unknown, path: (string | number)[], extra: Record<string, unknown>) => {
    const line = at(...path);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      errors.push({ line, field: '', message: `each ${kind} must be an object` });
      return;
    }
    const fields: Record<string, unknown> = { ...extra };
    const fieldLines: Record<string, number> = {};
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (kind === 'provider' && (k === 'contracts' || k === 'offices')) continue;
      if (!FIELDS_BY_KIND[kind].includes(k) || (kind !== 'provider' && k === 'orgnr')) {
        errors.push({ line: at(...path, k), field: k, message: `unknown field for a ${kind}` });
        continue;
      }
      if (v === null || v === '') continue;
      fields[k] = v;
      fieldLines[k] = at(...path, k);
    }
    records.push({ kind, line, fields, fieldLines });
  };
  top.providers.forEach((p, i) => {
    take('provider', p, ['providers', i], {});
    if (typeof p !== 'object' || p === null) return;
    const provider = p as Record<string, unknown>;
    for (const kind of ['contracts', 'offices'] as const) {
      const list = provider[kind];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        errors.push({ line: at('providers', i, kind), field: kind, message: `${kind} must be an array` });
        continue;
      }
      list.forEach((item, j) => take(kind === 'contracts' ? 'contract' : 'office', item, ['providers', i, kind, j], { orgnr: provider.orgnr }));
    }
  });
  return { format: 'json', records, dataAsOf, errors };
}
