/**
 * The markdown subset of the API reference: code spans, bold, local links, paragraphs, lists,
 * headings and fenced code, rendered through JSX so that nothing in a description becomes markup.
 */
import { describe, expect, it } from 'vitest';
import { DocText, headingsOf, isLocalHref, parseBlocks, parseInline } from '../../src/api/doc-markdown';

const render = (text: string, opts: { inline?: boolean; headingLevel?: 2 | 3 | 4 } = {}) => String(<div>{DocText({ text, ...opts })}</div>);

describe('inline text', () => {
  it('turns backticks into code spans and escapes what is inside', () => {
    expect(render('Send `Authorization: Bearer <key>` with it.', { inline: true })).toBe('<div>Send <code>Authorization: Bearer &lt;key&gt;</code> with it.</div>');
  });
  it('renders bold and local links, and keeps only the words of other links', () => {
    expect(parseInline('**Note:** see [the contact page](/kontakt).')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'Note:' }] },
      { kind: 'text', text: ' see ' },
      { kind: 'link', href: '/kontakt', children: [{ kind: 'text', text: 'the contact page' }] },
      { kind: 'text', text: '.' },
    ]);
    for (const href of ['javascript:alert(1)', '//evil.example/x', 'https://evil.example/', 'data:text/html,x', '/a"onmouseover="x']) {
      const out = render(`[click](${href})`, { inline: true });
      expect(out, href).not.toContain('<a');
    }
    expect(isLocalHref('#getting-an-api-key')).toBe(true);
    expect(isLocalHref('/review/admin/api-keys')).toBe(true);
  });
  it('shows HTML in a description as text, never as markup', () => {
    const out = render('Hi <script>alert(1)</script> <img src=x onerror=alert(2)> `<b>`');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<code>&lt;b&gt;</code>');
  });
  it('leaves a lone backtick as it is', () => {
    expect(parseInline('a ` b')).toEqual([{ kind: 'text', text: 'a ` b' }]);
  });
});

describe('blocks', () => {
  it('splits paragraphs, lists (with continuation lines), headings and fenced code', () => {
    const src = 'Intro line one\nline two.\n\n## Getting a key\n\n- first\n  goes on\n- second\n1. one\n2. two\n\n```\nnpx valkollen check **/*.html\n\n<b>raw</b>\n```\nAfter.';
    expect(parseBlocks(src)).toEqual([
      { kind: 'paragraph', text: 'Intro line one line two.' },
      { kind: 'heading', text: 'Getting a key', id: 'getting-a-key' },
      { kind: 'list', ordered: false, items: ['first goes on', 'second'] },
      { kind: 'list', ordered: true, items: ['one', 'two'] },
      { kind: 'code', text: 'npx valkollen check **/*.html\n\n<b>raw</b>' },
      { kind: 'paragraph', text: 'After.' },
    ]);
    const out = render(src, { headingLevel: 3 });
    expect(out).toContain('<h3 id="getting-a-key">Getting a key</h3>');
    expect(out).toContain('<ul><li>first goes on</li><li>second</li></ul>');
    expect(out).toContain('<ol><li>one</li><li>two</li></ol>');
    expect(out).toContain('<pre><code>npx valkollen check **/*.html\n\n&lt;b&gt;raw&lt;/b&gt;</code></pre>');
  });
  it('renders a one-paragraph description without <p> when asked to stay inline', () => {
    expect(render('Just `this`.', { inline: true })).toBe('<div>Just <code>this</code>.</div>');
    expect(render('Just `this`.')).toBe('<div><p>Just <code>this</code>.</p></div>');
    expect(render('')).toBe('<div></div>');
  });
  it('lists the headings for a table of contents, with ids made from their words', () => {
    expect(headingsOf('x\n## Rate limits and sizes\ny\n## Without a key: the CLI')).toEqual([
      { text: 'Rate limits and sizes', id: 'rate-limits-and-sizes' },
      { text: 'Without a key: the CLI', id: 'without-a-key-the-cli' },
    ]);
    expect(headingsOf(undefined)).toEqual([]);
  });
});
