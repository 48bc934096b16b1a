/**
 * A linear-time HTML event stream on htmlparser2's Tokenizer: the same events and implied end tags
 * as htmlparser2's Parser (open tag with attributes, text, close tag), built for hostile input.
 *
 * Why not the Parser itself: it keeps its open-element stack with the newest element first
 * (`unshift`/`shift`/`indexOf`), so every open tag costs O(depth) and 180,000 nested `<div>`s or
 * 100,000 unclosed `<b><i>` take quadratic time (49 s and ~129 s for 2 MB). Here the stack grows at
 * its end, an end tag that matches no open element is rejected in O(1) by a count per tag name, and
 * the stack stops growing at `maxDepth` (deeper elements are read as part of the deepest one, as
 * browsers do); attributes beyond `maxAttributes` per element are dropped. Every event is therefore
 * O(1) amortised, whatever the nesting. Runtime-neutral.
 */
import { Tokenizer } from 'htmlparser2';

/** What the stream reports to its reader. Indexes are UTF-16 offsets into the source. */
export interface HtmlStreamHandler {
  /** A start tag; `start` is its '<', `end` its '>'. Not called for elements beyond the depth cap. */
  onopentag(name: string, attribs: Record<string, string>, start: number, end: number): void;
  /**
   * Text [start, end) of the source, or one decoded character reference (`entity`: then `data` is
   * shorter than its source span).
   */
  ontext(data: string, start: number, end: number, entity: boolean): void;
  /** The element opened last is closed (explicitly, implied, or at the end of input). */
  onclosetag(name: string): void;
}

export interface HtmlStreamLimits {
  /** Open elements at most; deeper start tags are ignored (their text belongs to the deepest one). */
  maxDepth: number;
  /** Attributes read per element at most. */
  maxAttributes: number;
  /** Start tags read at most; the rest of the input is not read. */
  maxElements: number;
}

/** Which cap a document hit (each reported once). */
export type HtmlStreamCap = 'depth' | 'attributes' | 'elements';

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
const TSECTION = new Set(['thead', 'tbody']);
/** An open tag that closes these open elements first (htmlparser2's table, from the HTML spec). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', TSECTION],
  ['tfoot', TSECTION],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((n) => [n, FORM] as [string, Set<string>]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (n) => [n, P] as [string, Set<string>],
  ),
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose content the tokenizer reads as raw text: beyond the depth cap it is dropped, not shown. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

function codePointString(cp: number): string {
  return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
}

/**
 * Streams `html` to `handler` in one pass and returns the caps it hit. Time and memory are linear
 * in the input's length.
 */
export function streamHtml(html: string, handler: HtmlStreamHandler, limits: HtmlStreamLimits): Set<HtmlStreamCap> {
  const hit = new Set<HtmlStreamCap>();
  const stack: string[] = [];
  /** Open elements per tag name, so an end tag without an open element costs O(1). */
  const open = new Map<string, number>();
  const foreign: boolean[] = [false];
  let startIndex = 0;
  let tagStart = 0;
  let tagName = '';
  /** The current start tag is beyond the depth cap (read, but not opened). */
  let tagDropped = false;
  let attribs: Record<string, string> | null = null;
  let attribCount = 0;
  let attribName = '';
  let attribValue = '';
  /** Inside a raw-text element beyond the depth cap: its text is dropped. */
  let rawDropped = '';
  let elements = 0;

  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign.push(true);
    else if (INTEGRATION.has(name)) foreign.push(false);
  };
  const pop = (): string => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    handler.onclosetag(name);
    return name;
  };
  const emitOpen = (name: string) => {
    tagStart = startIndex;
    tagName = name;
    const implies = IMPLIES_CLOSE.get(name);
    if (implies) while (stack.length > 0 && implies.has(stack[stack.length - 1])) pop();
    tagDropped = false;
    if (!VOID.has(name)) {
      if (stack.length >= limits.maxDepth) {
        tagDropped = true;
        hit.add('depth');
        if (RAW_TEXT.has(name)) rawDropped = name;
      } else push(name);
    }
    attribs = {};
    attribCount = 0;
  };
  const endOpen = (end: number) => {
    startIndex = tagStart;
    if (attribs && !tagDropped) handler.onopentag(tagName, attribs, tagStart, end);
    attribs = null;
    if (VOID.has(tagName)) handler.onclosetag(tagName);
    tagName = '';
  };
  const slice = (s: number, e: number) => html.slice(s, e);

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        const data = slice(start, end);
        startIndex = start;
        if (!rawDropped) handler.ontext(data, start, end, false);
        startIndex = end;
      },
      ontextentity(cp, end) {
        if (!rawDropped) handler.ontext(codePointString(cp), startIndex, end, true);
        startIndex = end;
      },
      onopentagname(start, end) {
        if (++elements > limits.maxElements) {
          hit.add('elements');
          tokenizer.pause();
          return;
        }
        emitOpen(slice(start, end).toLowerCase());
      },
      onopentagend(end) {
        endOpen(end);
        startIndex = end + 1;
      },
      onselfclosingtag(end) {
        if (foreign[foreign.length - 1]) {
          const name = tagName;
          endOpen(end);
          if (!tagDropped && stack[stack.length - 1] === name) pop();
          if (rawDropped === name) rawDropped = '';
        } else endOpen(end);
        startIndex = end + 1;
      },
      onclosetag(start, end) {
        const name = slice(start, end).toLowerCase();
        if (rawDropped) {
          if (name === rawDropped) rawDropped = '';
          startIndex = end + 1;
          return;
        }
        if ((FOREIGN.has(name) || INTEGRATION.has(name)) && foreign.length > 1) foreign.pop();
        if (!VOID.has(name)) {
          if ((open.get(name) ?? 0) > 0) {
            // Closes every element opened after it too; each element is popped once, so this is amortised O(1).
            while (pop() !== name);
          } else if (name === 'p') {
            // "</p>" without an open <p> is an empty paragraph.
            emitOpen('p');
            const dropped = tagDropped;
            endOpen(end);
            if (!dropped && stack[stack.length - 1] === 'p') pop();
          }
        } else if (name === 'br') {
          handler.onopentag('br', {}, startIndex, end);
          handler.onclosetag('br');
        }
        startIndex = end + 1;
      },
      onattribname(start, end) {
        attribName = slice(start, end).toLowerCase();
      },
      onattribdata(start, end) {
        attribValue += slice(start, end);
      },
      onattribentity(cp) {
        attribValue += codePointString(cp);
      },
      onattribend() {
        if (attribs && !Object.prototype.hasOwnProperty.call(attribs, attribName)) {
          if (attribCount < limits.maxAttributes) {
            attribs[attribName] = attribValue;
            attribCount++;
          } else hit.add('attributes');
        }
        attribValue = '';
      },
      oncomment(_s, end) {
        startIndex = end + 1;
      },
      oncdata(_s, end) {
        startIndex = end + 1;
      },
      ondeclaration(_s, end) {
        startIndex = end + 1;
      },
      onprocessinginstruction(_s, end) {
        startIndex = end + 1;
      },
      onend() {
        while (stack.length > 0) pop();
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // Paused at the element cap: the open elements still end, so the reader sees a whole tree.
  if (hit.has('elements')) while (stack.length > 0) pop();
  return hit;
}
