/** Extra styles of the API reference page, served from our origin (the CSP forbids inline styles). */
import { hash32 } from '../lib/hash';

export const DOCS_CSS = `
pre{background:#f3f5f8;border:1px solid #c8c8c8;border-radius:4px;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
.operation{border-top:2px solid #c8c8c8;padding-top:.5rem;margin-top:1.5rem}
.method{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;padding:.1rem .4rem;color:#fff;background:#073763;font-size:.9rem}
.method-post{background:#155724}
h4{margin:1rem 0 .25rem}
`;

/** Content-hashed path of the stylesheet. */
export const DOCS_CSS_PATH = `/api/docs.${hash32(DOCS_CSS).toString(36)}.css`;
