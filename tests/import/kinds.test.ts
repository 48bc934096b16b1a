/** The kind table: every kind has an importer and a description; importFile dispatches by it; src/import stays runtime-neutral. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_KINDS, IMPORT_KIND_NAMES, importFile, isImportKind } from '../../src/import/kinds';
import { testDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.close());

describe('IMPORT_KINDS', () => {
  it('lists Valkollen\'s file first (the CLI default), then AF\'s kinds, each with an importer and a description', () => {
    expect(IMPORT_KIND_NAMES).toEqual(['valkollen', 'af-providers', 'af-ratings', 'af-results', 'af-areas']);
    for (const k of IMPORT_KIND_NAMES) {
      expect(typeof IMPORT_KINDS[k].importer, k).toBe('function');
      expect(IMPORT_KINDS[k].description.length, k).toBeGreaterThan(10);
    }
    expect(isImportKind('af-ratings')).toBe(true);
    expect(isImportKind('af-bogus')).toBe(false);
    expect(isImportKind('toString')).toBe(false);
  });

  it('importFile sends each kind to its own importer, which refuses a file that is not of its kind', async () => {
    const bytes = new TextEncoder().encode('not a file of any kind');
    const why: Record<string, RegExp> = {
      valkollen: /unknown column|header|record/,
      'af-providers': /JSON/,
      'af-ratings': /not a readable \.xlsx workbook/,
      'af-results': /not a readable \.xlsx workbook/,
      'af-areas': /column|header/,
    };
    for (const kind of IMPORT_KIND_NAMES) {
      const r = await importFile({ db: t.db, kind, bytes, fileName: 'x-2026-01-01.txt', clock: () => new Date('2026-02-01T00:00:00Z') });
      expect([r.kind, r.status], kind).toEqual([kind, 'failed']);
      expect(r.errors.map((e) => e.message).join(' '), kind).toMatch(why[kind]);
    }
  });

  it('nothing under src/import uses Node APIs except *.node.ts (the Worker imports what its cron fetches)', () => {
    const root = join(import.meta.dirname, '../../src/import');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.node.ts'));
    const offenders = files.filter((f) => /from '(node:|fs|path|os|child_process)/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders.map((f) => relative(root, join(root, f)))).toEqual([]);
    expect(files.length).toBeGreaterThan(30);
  });
});
