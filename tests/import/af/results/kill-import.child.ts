/**
 * Child process for kill-import.test.ts: imports a results workbook into the file database at
 * argv[2] and, in the middle of its write transaction (when the third period is read again,
 * after the run row, the contracts and two periods' rows were sent), says "mid" on stdout and
 * blocks for good, so the parent can kill -9 it there. Says "done" if it ever finishes.
 */
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { openNodeDatabase } from '../../../../src/db/node-client';
import { importAfResults } from '../../../../src/import/af/results/import-results';
import type { SheetSource } from '../../../../src/import/sheet';
import { openXlsx } from '../../../../src/import/xlsx-read';

const [, , url, file] = process.argv;
const database = openNodeDatabase(url);
const bytes = new Uint8Array(readFileSync(file));
const book = openXlsx(bytes);
const reads = new Map<number, number>();
let rereads = 0;
const source: SheetSource = {
  names: book.names,
  read(index) {
    const n = (reads.get(index) ?? 0) + 1;
    reads.set(index, n);
    if (n === 2 && ++rereads === 3) {
      writeSync(1, 'mid\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // never woken
    }
    return book.read(index);
  },
};
await importAfResults(database.db, { fileName: basename(file), bytes, workbook: source, today: new Date('2026-11-23T12:00:00Z') });
writeSync(1, 'done\n');
database.close();
