/**
 * The text of a page as stored in a snapshot: what the rule engine read, part by part, bounded
 * in size. It is evidence and the basis of "what changed since the previous crawl".
 */
import type { SourceDocument } from './document';

/** Longest snapshot text kept (characters). */
export const MAX_SNAPSHOT_CHARS = 200_000;

/** One line per extracted block, prefixed with its part when it is not body text. */
export function snapshotText(doc: SourceDocument): string {
  const lines: string[] = [];
  let size = 0;
  for (const p of doc.pieces) {
    if (p.synthetic) continue;
    const t = p.text.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    const line = p.part === 'body' ? t : `[${p.part}] ${t}`;
    size += line.length + 1;
    if (size > MAX_SNAPSHOT_CHARS) break;
    lines.push(line);
  }
  return lines.join('\n');
}
