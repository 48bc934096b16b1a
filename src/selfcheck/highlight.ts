/**
 * Splits the submitted text into segments for inline highlighting: plain runs and runs covered by
 * one or more findings (overlaps allowed). The view escapes every segment; nothing here produces
 * markup.
 */
import type { Finding, Severity } from '../compliance';
import { severityRank } from '../compliance';

export interface Segment {
  text: string;
  /** Indexes (into the findings array) of the findings covering this run; empty = plain text. */
  findings: number[];
  /** Highest severity among them. */
  severity?: Severity;
  /** Indexes of findings that end right after this segment (their reference marks go here). */
  endsHere: number[];
}

/** Segments of `text` by the findings' [start, end) ranges; findings without a range are skipped. */
export function highlightSegments(text: string, findings: readonly Finding[]): Segment[] {
  const ranged = findings
    .map((f, i) => ({ i, start: Math.max(0, Math.min(f.start, text.length)), end: Math.max(0, Math.min(f.end, text.length)), severity: f.severity }))
    .filter((f) => f.end > f.start);
  const cuts = new Set<number>([0, text.length]);
  for (const f of ranged) cuts.add(f.start).add(f.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const covering = ranged.filter((f) => f.start <= a && f.end >= b);
    let severity: Severity | undefined;
    for (const f of covering) if (!severity || severityRank(f.severity) > severityRank(severity)) severity = f.severity;
    segments.push({
      text: text.slice(a, b),
      findings: covering.map((f) => f.i),
      severity,
      endsHere: ranged.filter((f) => f.end === b).map((f) => f.i),
    });
  }
  return segments;
}
