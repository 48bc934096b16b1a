/**
 * HTML → SourceDocument in one streaming pass over htmlparser2's tokenizer (no DOM; html-stream.ts
 * builds the same element tree as htmlparser2's parser, implied end tags included, in linear time): visible
 * text in document order split into blocks, the page title, meta description / Open Graph / Twitter
 * texts, image alt/title/file names, aria-label and JSON-LD (an AggregateRating becomes
 * "aggregaterating X av Y"). Skips script, style, noscript, template, hidden elements, navigation and cookie banners.
 * Every extracted character keeps its offset in the HTML source (entities included).
 *
 * Caps (HTML_LIMITS), so a hostile page costs time and memory linear in its size and bounded in all:
 * at most 512 open elements (deeper tags are read as part of the deepest one), 256 attributes per
 * element, 250,000 elements (the rest of the page is not read), 1,000,000 extracted characters
 * (the rest is not extracted) and, per page, 200 JSON-LD texts from scripts of at most 100,000
 * characters. A cap that was hit is named in the document's `truncated`, which the check result and
 * the crawled page's record carry.
 */
import type { Piece, SourceDocument, TruncationCap } from './document';
import { streamHtml } from './html-stream';
import type { Part } from './types';

/** The extractor's caps (see the module header). */
export const HTML_LIMITS = {
  maxDepth: 512,
  maxAttributes: 256,
  maxElements: 250_000,
  maxTextChars: 1_000_000,
  maxJsonLdChars: 100_000,
  maxJsonLdTexts: 200,
} as const;

/** An element as the extractor needs it: its name, attributes and where its start tag begins and ends. */
interface ElementNode {
  name: string;
  attribs: Record<string, string>;
  startIndex: number;
  /** Offset just after the start tag's '>'. */
  tagEnd: number;
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

/** Characters that collapse into one space, as a browser collapses white space. */
function isCollapsible(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;
}

/**
 * Collects characters into pieces, collapsing white space as a browser does. Characters and their
 * source spans go into growable typed buffers (no per-character strings or arrays); each piece's
 * maps are views of the buffers, which are never overwritten (a grown buffer is a new one).
 */
class PieceBuilder {
  pieces: Piece[] = [];
  private codes: Uint16Array;
  private ms: Int32Array;
  private me: Int32Array;
  /** Start of the piece being built. */
  private from = 0;
  private n = 0;
  private lastSpace = true;
  /** Characters pushed in all; at `maxChars` the builder takes no more. */
  private total = 0;
  full = false;
  /** Source offset of the element whose attribute is being read (image alt/src/title), or -1. */
  element = -1;
  constructor(
    private part: Part,
    private zone: number,
    private section: number,
    /** Expected characters in all (a typical page's visible text is a quarter of its HTML). */
    private chunk = 1024,
    private maxChars = Infinity,
  ) {
    this.codes = new Uint16Array(chunk);
    this.ms = new Int32Array(chunk);
    this.me = new Int32Array(chunk);
  }
  setContext(part: Part, zone: number, section: number): void {
    if (part !== this.part || zone !== this.zone || section !== this.section) this.flush();
    this.part = part;
    this.zone = zone;
    this.section = section;
  }
  private grow(): void {
    // Only the current piece moves; finished pieces keep their views of the old buffers.
    const len = this.n - this.from;
    const cap = Math.max(this.chunk, len * 2);
    const codes = new Uint16Array(cap);
    codes.set(this.codes.subarray(this.from, this.n));
    const ms = new Int32Array(cap);
    ms.set(this.ms.subarray(this.from, this.n));
    const me = new Int32Array(cap);
    me.set(this.me.subarray(this.from, this.n));
    this.codes = codes;
    this.ms = ms;
    this.me = me;
    this.from = 0;
    this.n = len;
  }
  private push(code: number, s: number, e: number): void {
    if (this.total >= this.maxChars) {
      this.full = true;
      return;
    }
    this.total++;
    if (this.n === this.codes.length) this.grow();
    this.codes[this.n] = code;
    this.ms[this.n] = s;
    this.me[this.n++] = e;
  }
  /** One character with its source span. */
  put = (ch: string, s: number, e: number): void => {
    this.putCode(ch.charCodeAt(0), s, e);
  };
  private putCode(c: number, s: number, e: number): void {
    if (isCollapsible(c)) {
      if (this.lastSpace) return;
      c = 32;
      this.lastSpace = true;
    } else this.lastSpace = false;
    this.push(c, s, e);
  }
  /** Text copied verbatim from the source at `at` (character i sits at at + i). */
  putSource(text: string, at: number): void {
    for (let i = 0; i < text.length; i++) this.putCode(text.charCodeAt(i), at + i, at + i + 1);
  }
  /** Decoded text (an entity) whose every character stands for the source span [s, e). */
  putSpan(text: string, s: number, e: number): void {
    for (let i = 0; i < text.length; i++) this.putCode(text.charCodeAt(i), s, e);
  }
  lineBreak(s: number): void {
    if (this.n === this.from) return;
    if (this.lastSpace) this.n--;
    this.push(10, s, s);
    this.lastSpace = true;
  }
  /** True when characters [from, to) are not all white space (as /\S/ understands it). */
  private hasVisible(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.codes[i];
      if (c === 32 || c === 10) continue;
      if (c > 0x7f || c < 0x21) {
        if (/\s/.test(String.fromCharCode(c))) continue;
      }
      return true;
    }
    return false;
  }
  flush(): void {
    const from = this.from;
    let to = this.n;
    while (to > from && this.codes[to - 1] === 32) to--;
    if (to > from && this.hasVisible(from, to)) {
      this.pieces.push({
        part: this.part,
        text: utf16(this.codes.subarray(from, to)),
        base: 0,
        mapStart: this.ms.subarray(from, to),
        mapEnd: this.me.subarray(from, to),
        zone: this.zone,
        section: this.section,
        ...(this.element >= 0 ? { element: this.element } : {}),
      });
      this.from = this.n = to;
    } else this.n = from;
    this.lastSpace = true;
  }
}

/** UTF-16 code units as a string. */
function utf16(codes: Uint16Array): string {
  const CHUNK = 4096; // argument-count limit of fromCharCode.apply
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

const attrRes = new Map<string, RegExp>();

/** Finds the raw value of attribute `name` inside the element's start tag. */
function attrSpan(html: string, el: ElementNode, name: string): { raw: string; at: number } | null {
  const s = el.startIndex;
  const tag = html.slice(s, el.tagEnd);
  let re = attrRes.get(name);
  if (!re) {
    re = new RegExp(`[\\s/]${name.replace(/[-:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
    attrRes.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return null;
  const raw = m[1] ?? m[2] ?? m[3] ?? '';
  const valueOffset = m.index + m[0].length - raw.length - (m[3] !== undefined ? 0 : 1);
  return { raw, at: s + valueOffset };
}


/** Cheap pre-test: a class or id can only be a navigation token when it contains one of these. */
const NAV_HINT = /nav|menu|bread|skip|topbar/i;

function isHidden(el: ElementNode): boolean {
  const a = el.attribs;
  if (NEVER_SKIP.has(el.name)) return false;
  if ('hidden' in a) return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  if (a.role === 'navigation' || a.role === 'dialog' && COOKIE_RE.test(`${a.id ?? ''} ${a.class ?? ''} ${a['aria-label'] ?? ''}`)) return true;
  if (a.id === undefined && a.class === undefined) return false;
  const idc = `${a.id ?? ''} ${a.class ?? ''}`;
  if (idc.length > 1 && (COOKIE_RE.test(idc) || (NAV_HINT.test(idc) && idc.split(/\s+/).some((t) => NAV_TOKEN.test(t))))) return true;
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

/** How the children of an open element are read. */
const enum Mode {
  /** Visible content: text is extracted in the frame's context. */
  Walk,
  /** Ignored with everything inside (script, nav, hidden, …). */
  Skip,
  /** <head>: only <title>, <meta> and JSON-LD scripts count. */
  Head,
  /** <svg>: only its direct <title> children count. */
  Svg,
  /** A JSON-LD script: its text is collected and read at the end tag. */
  JsonLd,
}

/** What happens at an element's end tag. */
const enum Close {
  None,
  /** A block (or a title) ends: the current piece ends. */
  Flush,
  /** An inline element ends: back to the parent's context. */
  Restore,
}

interface Frame {
  mode: Mode;
  /** Context of the children. */
  part: Part;
  zone: number;
  section: number;
  close: Close;
  /** The parent's context, for Close.Restore. */
  outer?: { part: Part; zone: number; section: number };
}

const HEAD = 0;
const BODY = 1;
const SKIP_FRAME: Frame = { mode: Mode.Skip, part: 'body', zone: BODY, section: -1, close: Close.None };

/** Extracts the checkable text of an HTML page. */
export function htmlDocument(html: string): SourceDocument {
  let nextZone = 2;
  let nextSection = 0;
  const out = new PieceBuilder('body', BODY, -1, Math.min(HTML_LIMITS.maxTextChars, Math.max(1024, html.length >> 2)), HTML_LIMITS.maxTextChars);
  const truncated = new Set<TruncationCap>();
  let jsonLdTexts = 0;
  const extra: Piece[] = [];
  const stack: Frame[] = [{ mode: Mode.Walk, part: 'body', zone: BODY, section: -1, close: Close.None }];
  let jsonText = '';
  let jsonStart = -1;

  const attrPiece = (el: ElementNode, name: string, part: Part, zone: number, section: number, transform?: 'file') => {
    const value = el.attribs[name];
    if (!value || !value.trim()) return;
    const span = attrSpan(html, el, name);
    out.setContext(part, zone, section);
    out.flush();
    // Attributes of one element (an image's alt, title and src) are one element for merging findings.
    out.element = el.startIndex;
    if (transform === 'file') {
      const { name: file, rawLength, offset } = fileNameOf(value);
      const at = span ? span.at + offset : el.startIndex;
      // Percent-decoded names do not map 1:1; then every character maps to the whole file name.
      const exact = file.length === rawLength;
      for (let i = 0; i < file.length; i++)
        out.put(/[-_.+]/.test(file[i]) ? ' ' : file[i], exact ? at + i : at, exact ? at + i + 1 : at + rawLength);
    } else if (span) alignDecoded(span.raw, span.at, value, out.put);
    else for (const ch of value) out.put(ch, el.startIndex, el.tagEnd);
    out.flush();
    out.element = -1;
  };

  const meta = (el: ElementNode) => {
    const key = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
    if (META_NAMES.has(key)) attrPiece(el, 'content', 'meta', HEAD, -1);
    else if (key === 'og:image' || key === 'twitter:image') attrPiece(el, 'content', 'image_src', HEAD, -1, 'file');
  };

  const jsonLd = () => {
    if (jsonStart < 0) return;
    if (jsonText.length > HTML_LIMITS.maxJsonLdChars || jsonLdTexts >= HTML_LIMITS.maxJsonLdTexts) {
      truncated.add('jsonld');
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(jsonText);
    } catch {
      return;
    }
    const zone = nextZone++;
    for (const t of jsonLdTextsOf(data)) {
      if (jsonLdTexts++ >= HTML_LIMITS.maxJsonLdTexts) {
        truncated.add('jsonld');
        break;
      }
      // Map a summary to where its first value sits in the script, else to the whole script.
      const probe = t.anchor ? jsonText.indexOf(t.anchor) : -1;
      const s = probe >= 0 ? jsonStart + probe : jsonStart;
      const e = probe >= 0 ? s + t.anchor.length : jsonStart + jsonText.length;
      const mapStart = new Int32Array(t.text.length).fill(s);
      const mapEnd = new Int32Array(t.text.length).fill(e);
      extra.push({ part: 'jsonld', text: t.text, base: 0, mapStart, mapEnd, zone, section: nextSection++, synthetic: true });
    }
  };

  const script = (el: ElementNode): Frame => {
    if (!(el.attribs.type ?? '').toLowerCase().includes('ld+json')) return SKIP_FRAME;
    jsonText = '';
    jsonStart = -1;
    return { mode: Mode.JsonLd, part: 'body', zone: HEAD, section: -1, close: Close.None };
  };

  /** <title> (in the head, or written elsewhere: htmlparser2 keeps it where it stands). */
  const title = (): Frame => {
    out.setContext('title', HEAD, -1);
    out.flush();
    return { mode: Mode.Walk, part: 'title', zone: HEAD, section: -1, close: Close.Flush };
  };

  /** The frame of an element opened in visible content whose context is `p`. */
  const openVisible = (el: ElementNode, p: Frame): Frame => {
    const { name } = el;
    const { part, zone, section } = p;
    if (name === 'script') return script(el);
    if (name === 'head') return { mode: Mode.Head, part, zone, section, close: Close.None };
    if (name === 'title' && part !== 'image_title') return title();
    if (name === 'meta') {
      meta(el);
      return SKIP_FRAME;
    }
    if (SKIP.has(name) || isHidden(el)) return SKIP_FRAME;
    if (el.attribs['aria-label']) attrPiece(el, 'aria-label', 'aria', zone, section);
    if (name === 'img' || (name === 'input' && el.attribs.type === 'image')) {
      attrPiece(el, 'alt', 'alt', zone, section);
      attrPiece(el, 'title', 'image_title', zone, section);
      attrPiece(el, 'src', 'image_src', zone, section, 'file');
      out.setContext(part, zone, section);
      return SKIP_FRAME;
    }
    if (name === 'svg') return { mode: Mode.Svg, part, zone, section, close: Close.None };
    if (name === 'br') {
      out.setContext(part, zone, section);
      out.lineBreak(el.startIndex);
      return SKIP_FRAME;
    }
    let childPart = part;
    if (name === 'h1') childPart = 'h1';
    else if (name.length === 2 && name[0] === 'h' && name[1] >= '2' && name[1] <= '6') childPart = 'heading';
    const childSection = SECTIONING.has(name) ? nextSection++ : section;
    const block = BLOCK.has(name) || childPart !== part;
    if (block) out.flush();
    return { mode: Mode.Walk, part: childPart, zone, section: childSection, close: block ? Close.Flush : Close.Restore, outer: block ? undefined : { part, zone, section } };
  };

  const caps = streamHtml(
    html,
    {
      onopentag(name, attribs, start, end) {
        const p = stack[stack.length - 1];
        const el: ElementNode = { name, attribs, startIndex: start, tagEnd: end + 1 };
        let frame = SKIP_FRAME;
        if (p.mode === Mode.Walk) frame = openVisible(el, p);
        else if (p.mode === Mode.Head) {
          if (name === 'title') frame = title();
          else if (name === 'meta') meta(el);
          else if (name === 'script') frame = script(el);
        } else if (p.mode === Mode.Svg && name === 'title') {
          out.setContext('image_title', p.zone, p.section);
          out.flush();
          frame = { mode: Mode.Walk, part: 'image_title', zone: p.zone, section: p.section, close: Close.Flush };
        }
        stack.push(frame);
      },
      ontext(data, start, end, entity) {
        const p = stack[stack.length - 1];
        if (p.mode === Mode.Walk) {
          out.setContext(p.part, p.zone, p.section);
          // A decoded entity stands for its whole source span ("&amp;" → "&"); other text is source text.
          if (entity) out.putSpan(data, start, end);
          else out.putSource(data, start);
        } else if (p.mode === Mode.JsonLd) {
          if (jsonStart < 0) jsonStart = start;
          // Past the cap the text is not kept (the script is then skipped whole).
          if (jsonText.length <= HTML_LIMITS.maxJsonLdChars) jsonText += data;
        }
      },
      onclosetag() {
        const f = stack.pop()!;
        if (f.mode === Mode.JsonLd) jsonLd();
        if (f.close === Close.Flush) out.flush();
        else if (f.close === Close.Restore) out.setContext(f.outer!.part, f.outer!.zone, f.outer!.section);
      },
    },
    HTML_LIMITS,
  );
  out.flush();
  for (const cap of caps) truncated.add(cap);
  if (out.full) truncated.add('text');
  const doc: SourceDocument = { source: html, kind: 'html', pieces: [...out.pieces, ...extra] };
  if (truncated.size) doc.truncated = [...truncated].sort();
  return doc;
}

/** Readable texts from JSON-LD: AggregateRating/Rating summaries and descriptive strings. */
function jsonLdTextsOf(data: unknown): { text: string; anchor: string }[] {
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

