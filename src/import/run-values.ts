/**
 * The import_runs columns of a report, for every kind: the figures every report has. What
 * differs by pipeline, the source name and the JSON of the report column, is passed in.
 */
import type { ImportReport } from './report';

/** The import_runs columns of `report` (all but the id); `details` becomes the report column's JSON. */
export function runValues(report: ImportReport, startedAt: string, source: string, details: Record<string, unknown>) {
  return {
    source,
    fileName: report.fileName,
    sha256: report.sha256,
    startedAt,
    finishedAt: new Date().toISOString(),
    dataAsOf: report.dataAsOf || null,
    dataAsOfBasis: report.dataAsOfBasis,
    status: report.status,
    rowsRead: report.rowsRead,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    report: JSON.stringify(details),
  };
}
