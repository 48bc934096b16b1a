/** The sync's summary as text for the CLI: one line per source, then a verdict. */
import type { SyncSummary } from './af-sync';

/** Formats a sync summary for a terminal. */
export function formatSyncSummary(s: SyncSummary): string {
  const lines = s.items.map((i) => {
    const what = i.fileName ?? i.url;
    const run = i.importRunId ? ` (import run ${i.importRunId})` : '';
    const err = i.error ? ` — ${i.error}` : '';
    return `${i.outcome.padEnd(14)} ${i.kind.padEnd(11)} ${what}${run}${err}`;
  });
  if (!lines.length) lines.push('nothing to do');
  lines.push(s.ok ? 'sync ok' : 'sync finished with failures (the last good data is kept)');
  return lines.join('\n');
}
