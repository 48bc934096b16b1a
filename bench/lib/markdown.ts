/**
 * Markdown output for benchmarks: a table builder and updating one "## " section of
 * docs/benchmarks.md while leaving the other sections (written by others) untouched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function readOrCreate(file: string, title: string): string | null {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${title}\n`);
  return null;
}

/** Line range [start, end) of the section under `heading` (up to the next "## "), or null. */
function sectionRange(lines: string[], heading: string): [number, number] | null {
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return null;
  const next = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return [start, next < 0 ? lines.length : next];
}

/**
 * Writes `body` as the whole section starting with `heading` (e.g. "## Crawler") in `file`:
 * replaces it up to the next "## " heading, or appends it; creates the file when missing.
 */
export function writeSection(file: string, heading: string, body: string, title = '# Benchmarks'): void {
  const text = readOrCreate(file, title) ?? `${title}\n`;
  const section = [heading, '', body.trim(), ''];
  const lines = text.replace(/\s*$/, '').split('\n');
  const range = sectionRange(lines, heading);
  if (!range) {
    writeFileSync(file, [...lines, '', ...section].join('\n'));
    return;
  }
  const after = lines.slice(range[1]);
  writeFileSync(file, [...lines.slice(0, range[0]), ...section, ...(after.length ? after : [])].join('\n').replace(/\s*$/, '\n'));
}

/**
 * Writes `body` between `<!-- bench:ID:start -->` and `<!-- bench:ID:end -->` inside the
 * section `heading`, keeping any hand-written text around the block (analysis, notes).
 * Adds the block at the top of the section, or a new section, when there is none yet.
 */
export function writeMarkedBlock(file: string, heading: string, id: string, body: string, title = '# Benchmarks'): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const text = readOrCreate(file, title) ?? `${title}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    writeFileSync(file, text.slice(0, from) + block + text.slice(to + end.length));
    return;
  }
  const lines = text.replace(/\s*$/, '').split('\n');
  const range = sectionRange(lines, heading);
  if (!range) {
    writeFileSync(file, [...lines, '', heading, '', block, ''].join('\n'));
    return;
  }
  lines.splice(range[0] + 1, 0, '', block);
  writeFileSync(file, lines.join('\n') + '\n');
}
