import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../src/compliance/extract-html';

const PAGES = join(__dirname, '../fixtures/copy/pages');
const pages = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => [f, readFileSync(join(PAGES, f), 'utf8')] as const);

/** Every extracted character that is not white space maps to itself in the source, or to a whole entity. */
function mappingErrors(html: string): string[] {
  const errors: string[] = [];
  for (const p of htmlDocument(html).pieces) {
    if (p.synthetic || !p.mapStart || !p.mapEnd || p.part === 'image_src') continue;
    for (let i = 0; i < p.text.length; i++) {
      const ch = p.text[i];
      if (/\s/.test(ch)) continue;
      const s = p.mapStart[i];
      const e = p.mapEnd[i];
      const src = html.slice(s, e);
      const ok = e - s === 1 ? src === ch : src.startsWith('&') && (src.endsWith(';') || e - s > 2);
      if (!ok) errors.push(`${JSON.stringify(ch)} at ${i} of ${JSON.stringify(p.text.slice(0, 40))} maps to ${JSON.stringify(src)}`);
    }
  }
  return errors;
}

describe('htmlDocument source offsets', () => {
  it.each(pages)('every character of %s maps back to its source', (_name, html) => {
    expect(mappingErrors(html)).toEqual([]);
  });

  it('stays exact in broken HTML (cut-off pages, stray end tags)', () => {
    // Cuts through tags, attributes, scripts and comments of every page.
    for (const [, html] of pages) {
      for (let k = 1; k < 8; k++) {
        const a = Math.floor((html.length * k) / 9);
        const cut = html.slice(0, a) + html.slice(a + Math.floor(html.length / 7));
        expect(mappingErrors(cut)).toEqual([]);
      }
    }
    const html = '<p><a href="#">Instagram</a> · <a href="#">Facebook</dis = {"x":1} ]]> */ text</p>';
    expect(mappingErrors(html)).toEqual([]);
    expect(htmlDocument(html).pieces.map((p) => p.text)).toEqual(['Instagram · Facebook */ text']);
  });

  it('maps an entity to its whole source and keeps text split around it', () => {
    const html = '<p>Tom &amp; Jerry&nbsp;&#x1F600; &#59;</p>';
    const [piece] = htmlDocument(html).pieces;
    expect(piece.text).toBe('Tom & Jerry 😀 ;');
    const at = piece.text.indexOf('&');
    expect(html.slice(piece.mapStart![at], piece.mapEnd![at])).toBe('&amp;');
    const emoji = piece.text.indexOf('😀');
    expect(html.slice(piece.mapStart![emoji], piece.mapEnd![emoji + 1])).toBe('&#x1F600;');
    expect(html.slice(piece.mapStart![piece.text.length - 1], piece.mapEnd![piece.text.length - 1])).toBe('&#59;');
  });
});
