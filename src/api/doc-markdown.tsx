/**
 * Renders the small markdown subset of the OpenAPI descriptions on /api/docs: `## headings`,
 * paragraphs, `- ` and `1. ` lists, fenced code blocks, and inline `code`, **bold** and
 * [links](/path). The text is parsed into plain values and rendered through JSX, which escapes
 * every character: raw HTML in a description shows as text, never as markup. Links go only to our
 * own paths or anchors; anything else (other sites, javascript:, data:) is shown as plain text.
 */
import type { FC } from 'hono/jsx';

export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'strong'; children: Inline[] } | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'code'; text: string };

/** An id for a heading: "Getting an API key" → "getting-an-api-key". */
export function headingId(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** True for links we render: own paths ("/kontakt", not "//host") and in-page anchors. */
export function isLocalHref(href: string): boolean {
  return (/^\/(?!\/)[^\s\\]*$/.test(href) || /^#[A-Za-z0-9_-]+$/.test(href)) && !/[<>"']/.test(href);
}

const INLINE = /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Splits a line of text into text, code, bold and link pieces. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    pushText(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2]) });
    else if (isLocalHref(m[4])) out.push({ kind: 'link', href: m[4], children: parseInline(m[3]) });
    else pushText(m[3]); // a link we will not follow: its words stay, the target goes
  }
  pushText(text.slice(at));
  return out;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Splits a description into blocks. Lines are joined inside paragraphs and list items. */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    if (list) blocks.push({ kind: 'list', ...list });
    para = [];
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1], id: headingId(heading[1]) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = !bullet;
      if (para.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1].trim());
      continue;
    }
    // A continuation line belongs to the open list item, else to the paragraph.
    if (list) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else para.push(line.trim());
  }
  flush();
  return blocks;
}

/** Inline pieces as JSX (escaped text, <code>, <strong>, local <a>). */
export const InlineText: FC<{ text: string }> = ({ text }) => <>{parseInline(text).map(renderInline)}</>;

function renderInline(piece: Inline) {
  switch (piece.kind) {
    case 'text':
      return <>{piece.text}</>;
    case 'code':
      return <code>{piece.text}</code>;
    case 'strong':
      return <strong>{piece.children.map(renderInline)}</strong>;
    case 'link':
      return <a href={piece.href}>{piece.children.map(renderInline)}</a>;
  }
}

/**
 * A description as blocks. `headingLevel` is the level `##` headings get on the page; `inline`
 * renders a description that is a single paragraph without its <p> (for table cells).
 */
export const DocText: FC<{ text: string | undefined; headingLevel?: 2 | 3 | 4; inline?: boolean }> = ({ text, headingLevel = 2, inline }) => {
  if (!text) return null;
  const blocks = parseBlocks(text);
  if (inline && blocks.length === 1 && blocks[0].kind === 'paragraph') return <InlineText text={blocks[0].text} />;
  return (
    <>
      {blocks.map((b) => {
        switch (b.kind) {
          case 'heading': {
            const H = `h${headingLevel}` as 'h2';
            return (
              <H id={b.id}>
                <InlineText text={b.text} />
              </H>
            );
          }
          case 'paragraph':
            return (
              <p>
                <InlineText text={b.text} />
              </p>
            );
          case 'list': {
            const items = b.items.map((t) => (
              <li>
                <InlineText text={t} />
              </li>
            ));
            return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
          }
          case 'code':
            return (
              <pre>
                <code>{b.text}</code>
              </pre>
            );
        }
      })}
    </>
  );
};

/** The `##` headings of a description, for a table of contents. */
export function headingsOf(text: string | undefined): { text: string; id: string }[] {
  return text ? parseBlocks(text).flatMap((b) => (b.kind === 'heading' ? [{ text: b.text, id: b.id }] : [])) : [];
}
