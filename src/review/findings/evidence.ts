/**
 * Evidence helpers for the finding page. Crawled text is hostile input: everything here returns
 * plain strings that the views render through JSX (which escapes them); nothing produces markup.
 *  - the matched words located in their context, for highlighting;
 *  - a page URL vetted for use as a link (http/https only);
 *  - the diff of a page's text against its previous snapshot (line diff, with word-level detail
 *    inside changed lines), with long unchanged stretches folded.
 */
import { diffLines, diffWordsWithSpace } from 'diff';

export interface ContextParts {
  before: string;
  match: string;
  after: string;
}

/** The context split around the first occurrence of the match (whitespace- and case-insensitive), or null. */
export function splitContext(context: string, match: string): ContextParts | null {
  const m = match.replace(/\s+/g, ' ').trim();
  if (!m) return null;
  let i = context.indexOf(m);
  if (i < 0) i = context.toLowerCase().indexOf(m.toLowerCase());
  if (i < 0) return null;
  return { before: context.slice(0, i), match: context.slice(i, i + m.length), after: context.slice(i + m.length) };
}

/** Characters of snapshot text shown on each side of the match. */
const LINE_WINDOW = 300;

/**
 * The snapshot line (one extracted block per line) containing the match, cut to LINE_WINDOW
 * characters around it, split for highlighting; null when the snapshot does not contain it.
 */
export function snapshotLine(text: string, match: string): ContextParts | null {
  const m = match.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!m) return null;
  for (const line of text.split('\n')) {
    const i = line.toLowerCase().indexOf(m);
    if (i < 0) continue;
    const from = Math.max(0, i - LINE_WINDOW);
    const to = Math.min(line.length, i + m.length + LINE_WINDOW);
    return {
      before: (from > 0 ? '…' : '') + line.slice(from, i),
      match: line.slice(i, i + m.length),
      after: line.slice(i + m.length, to) + (to < line.length ? '…' : ''),
    };
  }
  return null;
}

/** The URL if it is an absolute http(s) URL (safe as an href), else null. */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export type DiffPart = { type: 'same' | 'add' | 'del'; text: string };
/** One block of the rendered diff: unchanged lines, a change (word parts), or folded lines. */
export type DiffBlock = { type: 'same'; text: string } | { type: 'change'; parts: DiffPart[] } | { type: 'skip'; lines: number };

export type PageDiff = { kind: 'same' } | { kind: 'too_big' } | { kind: 'diff'; blocks: DiffBlock[]; added: number; removed: number };

/** Lines of unchanged context kept around each change. */
const CONTEXT_LINES = 2;
/** Beyond this many line edits, or this many milliseconds, the diff gives up (keeps a page view cheap on huge rewrites). */
const MAX_EDIT_LENGTH = 1000;
const DIFF_TIMEOUT_MS = 250;
/** Changed stretches longer than this are shown line by line, without the word-level pass. */
const MAX_WORD_DIFF_CHARS = 8000;

const lineCount = (s: string) => (s === '' ? 0 : s.replace(/\n$/, '').split('\n').length);

/** Diff of two page texts (one block of text per line, as snapshots store them). */
export function pageDiff(oldText: string, newText: string): PageDiff {
  if (oldText === newText) return { kind: 'same' };
  const a = oldText.endsWith('\n') ? oldText : `${oldText}\n`;
  const b = newText.endsWith('\n') ? newText : `${newText}\n`;
  const changes = diffLines(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (!changes) return { kind: 'too_big' };
  const blocks: DiffBlock[] = [];
  let added = 0;
  let removed = 0;
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i];
    if (!ch.added && !ch.removed) {
      const lines = ch.value.replace(/\n$/, '').split('\n');
      const first = i === 0;
      const last = i === changes.length - 1;
      const keepHead = first ? 0 : CONTEXT_LINES;
      const keepTail = last ? 0 : CONTEXT_LINES;
      if (lines.length > keepHead + keepTail + 1) {
        if (keepHead) blocks.push({ type: 'same', text: lines.slice(0, keepHead).join('\n') });
        blocks.push({ type: 'skip', lines: lines.length - keepHead - keepTail });
        if (keepTail) blocks.push({ type: 'same', text: lines.slice(lines.length - keepTail).join('\n') });
      } else blocks.push({ type: 'same', text: lines.join('\n') });
      continue;
    }
    // A removal directly followed by an addition is one change: show it word by word.
    const del = ch.removed ? ch.value : '';
    const next = changes[i + 1];
    const add = ch.added ? ch.value : next?.added ? next.value : '';
    if (ch.removed && next?.added) i++;
    removed += lineCount(del);
    added += lineCount(add);
    const oldPart = del.replace(/\n$/, '');
    const newPart = add.replace(/\n$/, '');
    if (oldPart && newPart && oldPart.length + newPart.length <= MAX_WORD_DIFF_CHARS) {
      const parts = diffWordsWithSpace(oldPart, newPart).map((p): DiffPart => ({ type: p.added ? 'add' : p.removed ? 'del' : 'same', text: p.value }));
      // Word detail helps only when much is shared; a rewritten line reads better whole.
      const shared = parts.filter((p) => p.type === 'same').reduce((n, p) => n + p.text.trim().length, 0);
      if (shared >= 0.4 * Math.max(oldPart.length, newPart.length)) {
        blocks.push({ type: 'change', parts });
        continue;
      }
    }
    {
      const parts: DiffPart[] = [];
      if (oldPart) parts.push({ type: 'del', text: oldPart });
      if (oldPart && newPart) parts.push({ type: 'same', text: '\n' });
      if (newPart) parts.push({ type: 'add', text: newPart });
      blocks.push({ type: 'change', parts });
    }
  }
  return { kind: 'diff', blocks, added, removed };
}
