/**
 * The engine's view of an input: pieces of extracted text, each from one page part and block, with
 * a map from every character back to the original input (text or HTML source).
 */
import type { Part } from './types';

/** A run of text from one block of one page part. */
export interface Piece {
  part: Part;
  text: string;
  /** Source offset of each character (length text.length); absent = `base + i`. */
  mapStart?: Int32Array;
  /** Source end offset (exclusive) of each character; absent = `base + i + 1`. */
  mapEnd?: Int32Array;
  base: number;
  /** Co-occurrence windows never cross zones (page head, page body, each JSON-LD block, URL). */
  zone: number;
  /** Enclosing section id (HTML sectioning element); -1 = the paragraph (plain text). */
  section: number;
  /** True for synthetic text (JSON-LD summaries, URL host) whose characters all map to one span. */
  synthetic?: boolean;
  /** Source offset of the element an attribute piece came from (image alt, title, src share it). */
  element?: number;
  /** What to show as context for synthetic pieces (e.g. the page host). */
  label?: string;
}

/**
 * A cap on hostile input that was hit while reading a document (see extract-html.ts): too deep,
 * too many attributes on an element, too many elements, too much text, too much JSON-LD.
 */
export type TruncationCap = 'depth' | 'attributes' | 'elements' | 'text' | 'jsonld';

export interface SourceDocument {
  /** The original input. */
  source: string;
  kind: 'text' | 'html';
  pieces: Piece[];
  /** Caps hit while reading the input (absent = read whole); findings cover only what was read. */
  truncated?: TruncationCap[];
}

/** Source offset of character i of a piece. */
export function srcStart(p: Piece, i: number): number {
  if (!p.mapStart) return p.base + i;
  if (i >= p.mapStart.length) return p.mapEnd && p.mapEnd.length ? p.mapEnd[p.mapEnd.length - 1] : p.base;
  return p.mapStart[i];
}

/** Source end offset (exclusive) of the character before i of a piece. */
export function srcEnd(p: Piece, i: number): number {
  if (!p.mapEnd) return p.base + i;
  if (i <= 0) return p.mapStart && p.mapStart.length ? p.mapStart[0] : p.base;
  return p.mapEnd[Math.min(i, p.mapEnd.length) - 1];
}

/** Plain text input: one body piece mapped 1:1 (paragraphs are found by the tokeniser). */
export function textDocument(text: string): SourceDocument {
  return { source: text, kind: 'text', pieces: [{ part: 'body', text, base: 0, zone: 0, section: -1 }] };
}
