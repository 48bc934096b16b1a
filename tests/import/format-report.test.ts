/**
 * The report's two printed shapes, which other tools parse: Valkollen's provider file and AF's
 * files each keep their own JSON fields (in their order) and their own text layout.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/import/format-report';
import { emptyReport } from '../../src/import/report';

describe('formatReport', () => {
  it("prints Valkollen's file with its own JSON fields and text", () => {
    const r = emptyReport('valkollen', 'p.csv', 'abc', '2026-11-01');
    Object.assign(r, { format: 'csv', status: 'ok', importRunId: 4, rowsRead: 3, created: 2, unchanged: 1 });
    r.unmatched.push({ line: 5, kind: 'office', postcode: '99999', town: 'Ingenstans', message: 'no municipality' });
    expect(Object.keys(JSON.parse(formatReport(r, 'json')))).toEqual([
      'status', 'fileName', 'format', 'sha256', 'dataAsOf', 'importRunId', 'rowsRead', 'created', 'updated', 'unchanged', 'removed', 'rejected', 'errors', 'unmatched',
    ]);
    expect(formatReport(r, 'text')).toBe([
      'p.csv: OK (csv, data as of 2026-11-01, import run 4)',
      '  records read 3 · created 2 · updated 0 · unchanged 1 · offices removed 0 · rejected 0',
      '  1 office(s) without a municipality:',
      '    line 5: 99999 Ingenstans — no municipality',
    ].join('\n'));
  });

  it("prints AF's files with every field in JSON and long lists summarised in text", () => {
    const r = emptyReport('af-ratings', 'betyg-maj-2026.xlsx', 'abc', '2026-05-01');
    Object.assign(r, { status: 'partial', dataAsOfBasis: 'file_name', importRunId: 7, rowsRead: 30, rejected: 1 });
    r.errors.push({ line: 12, where: 'Betyg över tid', field: 'KA-NUMMER', message: 'not a KA number' });
    r.unmatched.push({ line: 3, where: 'Betyg över tid', kind: 'contract', key: 'KA-1', message: 'unknown' });
    r.warnings.push(...Array.from({ length: 22 }, (_, i) => `w${i}`));
    expect(Object.keys(JSON.parse(formatReport(r, 'json')))).toEqual([
      'status', 'kind', 'fileName', 'sha256', 'dataAsOf', 'dataAsOfBasis', 'importRunId', 'rowsRead', 'created', 'updated', 'revised', 'unchanged', 'removed',
      'rejected', 'errors', 'unmatched', 'breakdown', 'newAreas', 'joined', 'left', 'merges', 'warnings',
    ]);
    const text = formatReport(r, 'text').split('\n');
    expect(text[0]).toBe('betyg-maj-2026.xlsx: IMPORTED WITH ROWS LEFT OUT (af-ratings, data as of 2026-05-01 (from the file name), import run 7)');
    expect(text).toContain('    Betyg över tid, row 12, KA-NUMMER: not a KA number');
    expect(text).toContain('    Betyg över tid, row 3: contract KA-1 — unknown');
    expect(text).toContain('  warnings (details dropped or noted; rows still imported) (22):');
    expect(text.at(-1)).toBe('    … and 2 more (--format json lists all)');
  });
});
