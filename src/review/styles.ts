/**
 * Styles of the review workspace, on top of the public stylesheet (same colours, type and
 * focus ring), served from our origin under a content-hashed path: the CSP forbids inline styles.
 * Colours meet WCAG 2.1 AA contrast against white.
 */
import { hash32 } from '../lib/hash';

export const REVIEW_CSS = `
header.site nav.review-nav{max-width:72rem;margin:.5rem auto 0}
header.site nav.review-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0}
header.site nav.review-nav a[aria-current=page]{text-decoration:underline;text-decoration-thickness:3px;font-weight:700}
header.site .bar{max-width:72rem}
header.site .who{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
header.site form.inline button{background:transparent;border-color:#fff;color:#fff;padding:.3rem .7rem}
main.review{max-width:72rem}
.review-footer .inner{max-width:72rem}
.cards{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));margin:1rem 0}
.card{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
.card h2{margin-top:0;font-size:1.1rem}
.big{font-size:2rem;font-weight:700;margin:0}
.sev{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;border:1px solid currentColor;font-weight:600;white-space:nowrap}
.sev-critical{color:#8a1c1c}.sev-high{color:#9c2b00}.sev-medium{color:#7a4b00}.sev-low{color:#3d4f5c}
.st{display:inline-block;padding:.05rem .5rem;border-radius:4px;font-size:.85rem;background:var(--soft);border:1px solid var(--line);white-space:nowrap}
.st-open{border-color:#9c2b00}.st-confirmed{border-color:#8a1c1c;font-weight:700}.st-dismissed{color:#4a4a4a}.st-resolved{color:#155724;border-color:#155724}
table.queue td{font-size:.95rem}
table.queue .match{max-width:22rem;overflow-wrap:anywhere}
.queue-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem}
.queue-head h1{margin:.25rem 0}
.queue-head p{margin:0}
.queue-meta{margin:.25rem 0 .5rem;font-size:.95rem}
details.filters-fold{border:1px solid var(--line);border-radius:6px;padding:.35rem .75rem;margin:.5rem 0}
details.filters-fold summary{cursor:pointer;font-weight:700}
table.queue.dense td{padding:.3rem .5rem;vertical-align:top;line-height:1.35}
table.queue.dense td.id{white-space:nowrap}
table.queue.dense td.match{max-width:34rem;min-width:14rem}
table.queue.dense .ctx{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
table.queue.dense .ctx mark{background:#fff3b0;color:#1a1a1a;padding:0 .1em}
table.queue.dense .url{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:34rem;color:var(--muted);font-size:.8rem}
table.queue.dense td.when{white-space:nowrap;font-size:.85rem}
table.queue.dense td.who{min-width:17rem}
/* The URL line never widens its column: it takes the width the match text leaves it. */
table.queue.dense .url{width:0;min-width:100%}
/* On a phone the queue reflows into one card per finding (checkbox, id and badges with the
   certainty beside them, then rule and provider, the match, when and who), instead of a table
   that hides the match off the right edge. The table keeps its markup and semantics. */
@media (max-width:40rem){
  table.queue.dense{display:block}
  table.queue.dense thead{display:none}
  table.queue.dense tbody{display:block}
  table.queue.dense tr{display:grid;grid-template-columns:2rem minmax(0,1fr) auto;column-gap:.5rem;row-gap:.2rem;padding:.6rem 0;border-bottom:1px solid var(--line)}
  table.queue.dense td{display:block;padding:0;border:0;min-width:0;max-width:none}
  table.queue.dense td:nth-child(1){grid-column:1;grid-row:1 / span 5}
  table.queue.dense td.id{grid-column:2;grid-row:1}
  table.queue.dense td.id br{display:none}
  table.queue.dense td.id > a{margin-right:.4rem}
  table.queue.dense td:nth-child(5){grid-column:3;grid-row:1;text-align:right}
  table.queue.dense td.who,table.queue.dense td.match,table.queue.dense td.when{grid-column:2 / 4}
  table.queue.dense td.who{min-width:0}
  table.queue.dense .url{max-width:100%}
  table.queue.dense td.when br{display:none}
  table.queue.dense td.when .muted{margin-left:.5rem}
  table.queue.dense input[type=checkbox]{width:1.25rem;height:1.25rem;margin:.15rem 0 0}
}
.cert{font-size:.85rem;white-space:nowrap}
.cert-possible{font-style:italic;color:#5a3d00}
table.audit p.sentence{margin:0 0 .25rem}
table.audit details.raw summary{cursor:pointer;font-size:.85rem;color:var(--muted)}
table.audit details.raw pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:var(--soft);padding:.5rem;border-radius:4px;max-width:50rem}
table.audit td.when{white-space:nowrap}
/* Narrower filter columns: two per row on a phone, so the filters leave room for the list. */
main.review fieldset.filters{grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr))}
nav.walk{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;margin:.5rem 0}
nav.walk .keys-hint{display:none}
@media (hover:hover) and (pointer:fine){nav.walk .keys-hint{display:inline}}
.url{overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
fieldset.filters input[type=date],fieldset.filters input[type=text],input[type=email],input[type=password],input[type=number],textarea{width:100%;font:inherit;font-size:1rem;padding:.55rem;border:2px solid #6b6b6b;border-radius:4px;background:#fff;color:var(--fg)}
textarea{min-height:5rem}
.form-row{margin:0 0 1rem}
.actions-bar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:.75rem 0}
.bulk{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));align-items:end}
.bulk legend{font-weight:700;padding:0 .25rem}
.flash{background:#e6f4ea;border-left:4px solid var(--ok);padding:.75rem 1rem;margin:1rem 0}
.error-box{background:#fdecea;border-left:4px solid #8a1c1c;padding:.75rem 1rem;margin:1rem 0;color:#5c1010}
.evidence{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:.75rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95rem;line-height:1.6;margin:.5rem 0 1rem}
.evidence mark{background:#fff3b0;color:#1a1a1a;border-bottom:2px solid #7a5a00;padding:0 .1em}
.diff{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--line);border-radius:4px;padding:.75rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;line-height:1.6;max-height:40rem;overflow:auto}
.diff del{background:#fde2e2;color:#5c1010;text-decoration:line-through}
.diff ins{background:#dff3e4;color:#0d3b1b;text-decoration:underline}
.diff .skip{display:block;color:var(--muted);font-style:italic;margin:.25rem 0}
.diff .blk{display:block}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:700}dl.facts dd{margin:0;overflow-wrap:anywhere}
.decisions{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.decisions form{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
.chart{margin:0 0 1rem}
.chart-svg{width:100%;height:auto;max-width:44rem;display:block}
.chart-grid{stroke:#c8c8c8;stroke-width:1}
.chart-axis{font-size:12px;fill:#4a4a4a}
.bar-new{fill:#9c2b00;background:#9c2b00}
.bar-resolved{fill:#155724;background:#155724}
.chart-legend{list-style:none;display:flex;gap:1.5rem;padding:0;margin:.25rem 0}
.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.4rem;vertical-align:middle;border-radius:2px}
.key{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.05rem;background:var(--soft);border:1px solid var(--line);padding:.5rem;display:inline-block;overflow-wrap:anywhere}
.login{max-width:28rem}
button.danger{background:#8a1c1c;border-color:#8a1c1c}
button.link{background:none;border:none;color:var(--accent);text-decoration:underline;padding:0;cursor:pointer}
`;

/** Content-hashed path of the stylesheet. */
export const REVIEW_CSS_PATH = `/static/review.${hash32(REVIEW_CSS).toString(36)}.css`;
