/**
 * Reads the A/B/C level weights from the "Beräkningssnurra YYYY-MM" sheets of AF's results
 * workbook (AF's calculator for the weighted result measure: (wA·(RR1A+RR2A) + wB·… + wC·…)
 * / (2 × participants)). The sheet is a form, not a table, so the reader looks for the
 * labels wherever they are: a cell "Vikt nivå A" (also "Nivå A" or a bare "A") with the first
 * positive number to its right. A sheet without all three weights is reported with a warning
 * and stores nothing; it never fails the file.
 */
import { foldForSearch } from '../../../lib/text-fold';
import { isSheetSource, sheetSource, type Sheet, type SheetSource, type Workbook } from '../../sheet';
import { parseDecimal, text } from '../cells';

export interface PeriodWeights {
  period: string;
  sheet: string;
  weightA: number;
  weightB: number;
  weightC: number;
}

/** The period of a "Beräkningssnurra YYYY-MM" sheet name, or null. */
export function weightsSheetPeriod(name: string): string | null {
  const m = /^ber[aä]kningssnurra\s+(\d{4})-(0[1-9]|1[0-2])$/i.exec(name.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

const LEVEL = /^(?:vikt(?:ning)? )?(?:niva )?([abc])$/;

/** The weights found in one sheet (a level is missing when its label or number is). */
function weightsIn(sheet: Sheet): { A?: number; B?: number; C?: number } {
  const found: { A?: number; B?: number; C?: number } = {};
  const numberAt = (cells: Sheet['rows'][number]['cells'], from: number) => {
    for (let j = from; j < cells.length; j++) {
      const v = typeof cells[j] === 'number' ? (cells[j] as number) : typeof cells[j] === 'string' ? parseDecimal(cells[j]) : undefined;
      if (typeof v === 'number' && v > 0) return v;
    }
    return undefined;
  };
  for (const r of sheet.rows) {
    r.cells.forEach((c, j) => {
      const m = LEVEL.exec(foldForSearch(text(c)));
      if (!m) return;
      const key = m[1].toUpperCase() as 'A' | 'B' | 'C';
      const v = numberAt(r.cells, j + 1);
      if (v !== undefined && found[key] === undefined) found[key] = v;
    });
  }
  return found;
}

/**
 * Reads every "Beräkningssnurra YYYY-MM" sheet (one at a time from a SheetSource); `warnings`
 * names sheets without all three weights.
 */
export function readWeights(wb: Workbook | SheetSource): { weights: PeriodWeights[]; warnings: string[] } {
  const book = isSheetSource(wb) ? wb : sheetSource(wb);
  const weights: PeriodWeights[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < book.names.length; i++) {
    const period = weightsSheetPeriod(book.names[i]);
    if (!period) continue;
    const sheet = book.read(i);
    const w = weightsIn(sheet);
    if (w.A === undefined || w.B === undefined || w.C === undefined) {
      const missing = (['A', 'B', 'C'] as const).filter((k) => w[k] === undefined).join(', ');
      warnings.push(`sheet "${sheet.name}": no weight for level ${missing} ("Vikt nivå A/B/C" with a number beside it); weights for ${period} not stored`);
      continue;
    }
    if (weights.some((x) => x.period === period)) {
      warnings.push(`sheet "${sheet.name}": a second weights sheet for ${period}; ignored`);
      continue;
    }
    weights.push({ period, sheet: sheet.name, weightA: w.A, weightB: w.B, weightC: w.C });
  }
  weights.sort((a, b) => a.period.localeCompare(b.period));
  return { weights, warnings };
}
