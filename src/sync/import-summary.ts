/** Turns an AF import report into the sync's short outcome (status, run id, first errors). */
import type { AfImportReport } from '../import/af-common';
import type { ImportOutcome } from './af-sync';

/** The outcome of one import, with the first three errors as the message when it failed. */
export function outcomeOf(report: AfImportReport): ImportOutcome {
  const message = report.errors
    .slice(0, 3)
    .map((e) => `${e.where ? `${e.where}, ` : ''}${e.line ? `row ${e.line}` : ''}${e.field ? ` ${e.field}` : ''}: ${e.message}`.replace(/^: /, ''))
    .join('; ');
  return { status: report.status, importRunId: report.importRunId, ...(message ? { message: message.slice(0, 1000) } : {}) };
}
