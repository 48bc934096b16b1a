/**
 * Character encoding of fetched pages: detect it and decode the bytes to text.
 *
 * Order (the HTML encoding-sniffing algorithm, which is what browsers and so job seekers see):
 * a byte-order mark first, then the charset of the Content-Type header, then `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB, and when nothing is
 * declared: UTF-8 if the bytes are valid UTF-8, otherwise windows-1252 (the usual legacy encoding
 * of Swedish sites). A BOM wins over the header because servers often declare a default charset
 * for every file, while a BOM is written by the editor that wrote this file.
 *
 * Labels follow the WHATWG Encoding Standard, so "iso-8859-1", "latin1" and "us-ascii" decode as
 * windows-1252: that is how browsers read such pages, and it turns the 0x80–0x9F bytes that
 * "ISO-8859-1" pages really contain (– “ ” € …) into the right characters. windows-1252 is
 * decoded with the built-in table below on every runtime (see `decodeBytes`).
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed';

export interface DetectedCharset {
  /** WHATWG encoding name used to decode, e.g. "utf-8", "windows-1252". */
  encoding: string;
  source: CharsetSource;
}

/** Bytes 0x80–0x9F of windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D map to the C1 control with the same value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** WHATWG labels of windows-1252 (used when the runtime's TextDecoder does not know them). */
const CP1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/** Canonical WHATWG encoding name for a charset label, or null if unknown. */
export function encodingForLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === '') return null;
  if (CP1252_LABELS.has(l)) return 'windows-1252';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;,\s]*)/i.exec(contentType);
  if (!m) return null;
  const v = (m[2] ?? m[1]).trim();
  return v === '' ? null : v;
}

/** Encoding named by a byte-order mark, with the BOM's length. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** ASCII view of the first `limit` bytes (each byte one char), for scanning markup. */
function asciiPrefix(bytes: Uint8Array, limit: number): string {
  let s = '';
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * The charset declared by a `<meta>` element in the first `limit` bytes (default 4096), or null.
 * Handles `<meta charset=…>` and `<meta http-equiv="Content-Type" content="…charset=…">`.
 */
export function charsetFromMeta(bytes: Uint8Array, limit = 4096): string | null {
  const head = asciiPrefix(bytes, limit).replace(/<!--[\s\S]*?-->/g, '');
  const metaTag = /<meta\b[^>]*>/gi;
  for (let m = metaTag.exec(head); m; m = metaTag.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the encoding of an HTML body: BOM, then the header's charset, then `<meta>` in the first
 * 4 KB, then UTF-8 if valid, else windows-1252. Unknown labels are skipped; a UTF-16 label in
 * `<meta>` means UTF-8 (the HTML standard's rule: the meta could not have been read otherwise).
 */
export function detectCharset(bytes: Uint8Array, contentType?: string | null): DetectedCharset {
  const bom = sniffBom(bytes);
  if (bom) return { encoding: bom.encoding, source: 'bom' };
  const fromHeader = charsetFromContentType(contentType);
  const headerEnc = fromHeader ? encodingForLabel(fromHeader) : null;
  if (headerEnc) return { encoding: headerEnc, source: 'header' };
  const fromMeta = charsetFromMeta(bytes);
  let metaEnc = fromMeta ? encodingForLabel(fromMeta) : null;
  if (metaEnc === 'utf-16le' || metaEnc === 'utf-16be') metaEnc = 'utf-8';
  if (metaEnc === 'x-user-defined') metaEnc = 'windows-1252';
  if (metaEnc) return { encoding: metaEnc, source: 'meta' };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', source: 'sniffed' };
}

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Decodes bytes with a WHATWG encoding name; malformed sequences become U+FFFD and a matching BOM
 * is dropped. windows-1252 always uses the table above: Node 20's TextDecoder decodes it as plain
 * ISO-8859-1 (0x96 becomes U+0096 instead of "–"). Encodings the runtime does not know decode as UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
