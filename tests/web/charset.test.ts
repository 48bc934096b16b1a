import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodeBytes, detectCharset, encodingForLabel } from '../../src/web/charset';

const bytes = (s: string) => new TextEncoder().encode(s);
/** "Välj – få" in windows-1252. */
const cp1252 = Uint8Array.from([0x56, 0xe4, 0x6c, 0x6a, 0x20, 0x96, 0x20, 0x66, 0xe5]);

describe('charset detection', () => {
  it('reads the charset parameter of Content-Type', () => {
    expect(charsetFromContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetFromContentType('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it('maps labels the WHATWG way (latin1 and ascii are windows-1252)', () => {
    expect(encodingForLabel('ISO-8859-1')).toBe('windows-1252');
    expect(encodingForLabel('latin1')).toBe('windows-1252');
    expect(encodingForLabel('us-ascii')).toBe('windows-1252');
    expect(encodingForLabel('UTF8')).toBe('utf-8');
    expect(encodingForLabel('iso-8859-15')).toBe('iso-8859-15');
    expect(encodingForLabel('klingon')).toBeNull();
  });

  it('finds <meta charset> and <meta http-equiv> in the first 4 KB only', () => {
    expect(charsetFromMeta(bytes('<html><head><meta charset="windows-1252">'))).toBe('windows-1252');
    expect(charsetFromMeta(bytes("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"))).toBe('iso-8859-1');
    expect(charsetFromMeta(bytes('<!-- <meta charset="koi8-r"> --><meta charset=utf-8>'))).toBe('utf-8');
    expect(charsetFromMeta(bytes(' '.repeat(5000) + '<meta charset="windows-1252">'))).toBeNull();
  });

  it('orders BOM, header, meta, then sniffing', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('<meta charset="windows-1252">å')]);
    expect(detectCharset(bom, 'text/html; charset=iso-8859-1')).toEqual({ encoding: 'utf-8', source: 'bom' });
    expect(detectCharset(bytes('<meta charset="windows-1252">'), 'text/html; charset=utf-8')).toEqual({ encoding: 'utf-8', source: 'header' });
    expect(detectCharset(bytes('<meta charset="latin1">'), 'text/html')).toEqual({ encoding: 'windows-1252', source: 'meta' });
    expect(detectCharset(bytes('<meta charset="utf-16">'), null)).toEqual({ encoding: 'utf-8', source: 'meta' });
    expect(detectCharset(bytes('<p>Välj</p>'), 'text/html; charset=bogus')).toEqual({ encoding: 'utf-8', source: 'sniffed' });
    expect(detectCharset(cp1252, null)).toEqual({ encoding: 'windows-1252', source: 'sniffed' });
  });

  it('decodes windows-1252 including the 0x80–0x9F punctuation', () => {
    expect(decodeBytes(cp1252, 'windows-1252')).toBe('Välj – få');
    expect(decodeBytes(Uint8Array.from([0x80, 0x93, 0x94, 0x85]), 'windows-1252')).toBe('€“”…');
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa5]), 'utf-8')).toBe('å');
    expect(decodeBytes(Uint8Array.from([0xa4]), 'iso-8859-15')).toBe('€');
  });
});
