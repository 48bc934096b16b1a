/**
 * HTML → SourceDocument with cheerio (htmlparser2 via cheerio/slim, with source indices): visible
 * text in document order split into blocks, the page title, meta description / Open Graph / Twitter
 * texts, image alt/title/file names, aria-label and JSON-LD (an AggregateRating becomes
 * "aggregaterating X av Y"). Skips script, style, noscript, template, hidden elements, navigation and cookie banners.
 * Every extracted character keeps its offset in the HTML source (entities included).
 */
import * as cheerio from 'cheerio/slim';
import type { Piece, SourceDocument } from './document';
import type { Part } from './types';

// Minimal structural types of the htmlparser2 DOM (domhandler), to avoid a direct dependency.
interface DomNode {
  type: string;
  parent: DomNode | null;
  startIndex: number | null;
  endIndex: number | null;
}
interface TextNode extends DomNode {
  data: string;
}
interface ElementNode extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'select', 'textarea', 'head']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'td', 'th', 'tr', 'ul', 'summary',
  'caption', 'button', 'body', 'html', 'center', 'menu',
]);
const SECTIONING = new Set(['section', 'article', 'aside', 'header', 'footer', 'main', 'form', 'dialog']);
const COOKIE_RE = /cookie|consent|gdpr|cmplz|onetrust|cookiebot|cky-|truste|didomi|samtycke/i;
/** A class or id token that names a navigation block ("nav", "main-menu", "et_mobile_nav_menu", "breadcrumbs"). */
const NAV_TOKEN = /^(nav|navbar|navigation|menu|breadcrumbs?|skip-?link|topbar)$|[-_](nav|navbar|navigation|menu|breadcrumbs?)$|^(nav|menu|navbar|breadcrumbs?)[-_]/i;
const NEVER_SKIP = new Set(['html', 'body', 'main', 'article']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const ENTITY_RE = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/y;
const META_NAMES = new Set(['description', 'og:title', 'og:description', 'og:site_name', 'twitter:title', 'twitter:description']);

/**
 * Aligns a decoded string with its raw source (which may contain entities) and calls `put` for
 * every decoded character with its source span.
 */
function alignDecoded(raw: string, rawBase: number, decoded: string, put: (ch: string, s: number, e: number) => void): void {
  let i = 0;
  let j = 0;
  while (j < decoded.length) {
    if (raw[i] === '&') {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(raw);
      // A real entity (not an unknown one kept literally, like "&xyz;").
      if (m && decoded.slice(j, j + m[0].length) !== m[0]) {
        const len = m[0].length;
        const after = raw[i + len];
        let k = 1;
        if (decoded[j + 1] !== after && decoded[j + 2] === after) k = 2;
        for (let t = 0; t < k && j < decoded.length; t++) put(decoded[j++], rawBase + i, rawBase + i + len);
        i += len;
        continue;
      }
    }
    // CRLF may be normalised away; keep going char by char.
    const s = rawBase + Math.min(i, raw.length - 1 < 0 ? 0 : raw.length - 1);
    put(decoded[j++], s, s + 1);
    if (i < raw.length) i++;
  }
}

/** Collects characters into pieces, collapsing white space as a browser does. */
class PieceBuilder {
  pieces: Piece[] = [];
  private text = '';
  private ms: number[] = [];
  private me: number[] = [];
  private lastSpace = true;
  constructor(
    private part: Part,
    private zone: number,
    private section: number,
  ) {}
  setContext(part: Part, zone: number, section: number): void {
    if (part !== this.part || zone !== this.zone || section !== this.section) this.flush();
    this.part = part;
    this.zone = zone;
    this.section = section;
  }
  put = (ch: string, s: number, e: number): void => {
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00A0') {
      if (this.lastSpace) return;
      ch = ' ';
      this.lastSpace = true;
    } else this.lastSpace = false;
    this.text += ch;
    this.ms.push(s);
    this.me.push(e);
  };
  lineBreak(s: number): void {
    if (this.text.length === 0) return;
    if (this.lastSpace) {
      this.text = this.text.slice(0, -1);
      this.ms.pop();
      this.me.pop();
    }
    this.text += '\n';
    this.ms.push(s);
    this.me.push(s);
    this.lastSpace = true;
  }
  flush(): void {
    let text = this.text;
    let n = text.length;
    while (n > 0 && text[n - 1] === ' ') n--;
    if (n > 0 && /[^\s]/.test(text)) {
      text = text.slice(0, n);
      this.pieces.push({
        part: this.part,
        text,
        base: 0,
        mapStart: toInt32(this.ms, n),
        mapEnd: toInt32(this.me, n),
        zone: this.zone,
        section: this.section,
      });
    }
    this.text = '';
    this.ms = [];
    this.me = [];
    this.lastSpace = true;
  }
}

/** Finds the raw value of attribute `name` inside the element's start tag. */
function attrSpan(html: string, el: ElementNode, name: string): { raw: string; at: number } | null {
  const s = el.startIndex;
  if (s === null) return null;
  const tagEnd = findTagEnd(html, s);
  const tag = html.slice(s, tagEnd);
  const re = new RegExp(`[\\s/]${name.replace(/[-:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  const m = re.exec(tag);
  if (!m) return null;
  const raw = m[1] ?? m[2] ?? m[3] ?? '';
  const valueOffset = m.index + m[0].length - raw.length - (m[3] !== undefined ? 0 : 1);
  return { raw, at: s + valueOffset };
}

function findTagEnd(html: string, s: number): number {
  let q = '';
  for (let i = s; i < html.length; i++) {
    const c = html[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

function isHidden(el: ElementNode): boolean {
  const a = el.attribs;
  if (NEVER_SKIP.has(el.name)) return false;
  if ('hidden' in a) return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  if (a.role === 'navigation' || a.role === 'dialog' && COOKIE_RE.test(`${a.id ?? ''} ${a.class ?? ''} ${a['aria-label'] ?? ''}`)) return true;
  const idc = `${a.id ?? ''} ${a.class ?? ''}`;
  if (idc.length > 1 && (COOKIE_RE.test(idc) || idc.split(/\s+/).some((t) => NAV_TOKEN.test(t)))) return true;
  return false;
}

/** File name of an image URL without query and extension, with separators as spaces. */
function fileNameOf(src: string): { name: string; rawLength: number; offset: number } {
  const clean = src.split(/[?#]/)[0];
  const slash = clean.lastIndexOf('/');
  const file = clean.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const name = dot > 0 ? file.slice(0, dot) : file;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    /* keep raw */
  }
  return { name: decoded, rawLength: name.length, offset: slash + 1 };
}

/** Extracts the checkable text of an HTML page. */
export function htmlDocument(html: string): SourceDocument {
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const root = $.root()[0] as unknown as ElementNode;
  const HEAD = 0;
  const BODY = 1;
  let nextZone = 2;
  let nextSection = 0;
  const out = new PieceBuilder('body', BODY, -1);
  const extra: Piece[] = [];

  const attrPiece = (el: ElementNode, name: string, part: Part, zone: number, section: number, transform?: 'file') => {
    const value = el.attribs[name];
    if (!value || !value.trim()) return;
    const span = attrSpan(html, el, name);
    out.setContext(part, zone, section);
    out.flush();
    if (transform === 'file') {
      const { name: file, rawLength, offset } = fileNameOf(value);
      const at = span ? span.at + offset : el.startIndex ?? 0;
      // Percent-decoded names do not map 1:1; then every character maps to the whole file name.
      const exact = file.length === rawLength;
      for (let i = 0; i < file.length; i++)
        out.put(/[-_.+]/.test(file[i]) ? ' ' : file[i], exact ? at + i : at, exact ? at + i + 1 : at + rawLength);
    } else if (span) alignDecoded(span.raw, span.at, value, out.put);
    else for (const ch of value) out.put(ch, el.startIndex ?? 0, findTagEnd(html, el.startIndex ?? 0));
    out.flush();
  };

  const jsonLd = (el: ElementNode) => {
    const textNode = el.children.find((c) => c.type === 'text') as TextNode | undefined;
    if (!textNode) return;
    let data: unknown;
    try {
      data = JSON.parse(textNode.data);
    } catch {
      return;
    }
    const zone = nextZone++;
    const base = textNode.startIndex ?? 0;
    const raw = textNode.data;
    const pieces = jsonLdTexts(data);
    for (const t of pieces) {
      // Map a summary to where its first value sits in the script, else to the whole script.
      const probe = t.anchor ? raw.indexOf(t.anchor) : -1;
      const s = probe >= 0 ? base + probe : base;
      const e = probe >= 0 ? s + t.anchor.length : base + raw.length;
      const mapStart = new Int32Array(t.text.length).fill(s);
      const mapEnd = new Int32Array(t.text.length).fill(e);
      extra.push({ part: 'jsonld', text: t.text, base: 0, mapStart, mapEnd, zone, section: nextSection++, synthetic: true });
    }
  };

  const walk = (node: DomNode, part: Part, zone: number, section: number): void => {
    if (node.type === 'text') {
      const t = node as TextNode;
      if (t.startIndex === null || t.endIndex === null) return;
      out.setContext(part, zone, section);
      alignDecoded(html.slice(t.startIndex, t.endIndex + 1), t.startIndex, t.data, out.put);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style' && node.type !== 'root') return;
    const el = node as ElementNode;
    const name = (el.name ?? '').toLowerCase();
    if (node.type === 'root') {
      for (const c of el.children) walk(c, part, zone, section);
      return;
    }
    if (name === 'script') {
      if ((el.attribs.type ?? '').toLowerCase().includes('ld+json')) jsonLd(el);
      return;
    }
    if (name === 'head') {
      for (const c of el.children) walkHead(c);
      return;
    }
    if (name === 'title' && part !== 'image_title') {
      // <title> outside <head> (htmlparser2 keeps it where written).
      out.setContext('title', HEAD, -1);
      out.flush();
      for (const c of el.children) walk(c, 'title', HEAD, -1);
      out.flush();
      return;
    }
    if (name === 'meta') return walkHead(el);
    if (SKIP.has(name) || isHidden(el)) return;
    if (el.attribs['aria-label']) attrPiece(el, 'aria-label', 'aria', zone, section);
    if (name === 'img' || (name === 'input' && el.attribs.type === 'image')) {
      attrPiece(el, 'alt', 'alt', zone, section);
      attrPiece(el, 'title', 'image_title', zone, section);
      attrPiece(el, 'src', 'image_src', zone, section, 'file');
      out.setContext(part, zone, section);
      return;
    }
    if (name === 'svg') {
      for (const c of el.children) {
        const ce = c as ElementNode;
        if (c.type === 'tag' && ce.name === 'title') {
          out.setContext('image_title', zone, section);
          out.flush();
          for (const t of ce.children) walk(t, 'image_title', zone, section);
          out.flush();
        }
      }
      return;
    }
    if (name === 'br') {
      out.setContext(part, zone, section);
      out.lineBreak(el.startIndex ?? 0);
      return;
    }
    let childPart = part;
    if (name === 'h1') childPart = 'h1';
    else if (/^h[2-6]$/.test(name)) childPart = 'heading';
    const childSection = SECTIONING.has(name) ? nextSection++ : section;
    const block = BLOCK.has(name) || childPart !== part;
    if (block) out.flush();
    for (const c of el.children) walk(c, childPart, zone, childSection);
    if (block) out.flush();
    else out.setContext(part, zone, section);
  };

  const walkHead = (node: DomNode): void => {
    if (node.type === 'script') return walk(node, 'body', HEAD, -1);
    if (node.type !== 'tag') return;
    const el = node as ElementNode;
    if (el.name === 'title') {
      out.setContext('title', HEAD, -1);
      out.flush();
      for (const c of el.children) walk(c, 'title', HEAD, -1);
      out.flush();
    } else if (el.name === 'meta') {
      const key = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
      if (META_NAMES.has(key)) attrPiece(el, 'content', 'meta', HEAD, -1);
      else if (key === 'og:image' || key === 'twitter:image') attrPiece(el, 'content', 'image_src', HEAD, -1, 'file');
    }
  };

  walk(root, 'body', BODY, -1);
  out.flush();
  return { source: html, kind: 'html', pieces: [...out.pieces, ...extra] };
}

/** Readable texts from JSON-LD: AggregateRating/Rating summaries and descriptive strings. */
function jsonLdTexts(data: unknown): { text: string; anchor: string }[] {
  const out: { text: string; anchor: string }[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    const type = String(o['@type'] ?? '');
    if (/Rating$/.test(type) && o.ratingValue !== undefined) {
      const best = o.bestRating ?? 5;
      out.push({ text: `aggregaterating ${o.ratingValue} av ${best}`, anchor: `"ratingValue"` });
    }
    for (const [k, val] of Object.entries(o)) {
      if (typeof val === 'string' && /^(name|description|reviewBody|slogan|headline|alternateName|award)$/.test(k) && val.trim()) {
        out.push({ text: val, anchor: JSON.stringify(val).slice(1, -1) });
      } else visit(val, depth + 1);
    }
  };
  visit(data, 0);
  return out;
}

/** The first n numbers of a list as an Int32Array (a plain loop; Int32Array.from is slow here). */
function toInt32(list: number[], n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = list[i];
  return out;
}
