/** Styles of the self-check page (highlights, findings), served from our origin: the CSP forbids inline styles. */
import { hash32 } from '../lib/hash';

export const SELFCHECK_CSS = `
.sc-form textarea{width:100%;font:inherit;font-size:1rem;padding:.6rem;border:2px solid #6b6b6b;border-radius:4px;min-height:12rem}
.sc-error{color:#8a1c1c;font-weight:600;margin:.25rem 0}
.sc-text{white-space:pre-wrap;word-break:break-word;background:#f3f5f8;border:1px solid #c8c8c8;border-radius:4px;padding:.75rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95rem;line-height:1.6}
mark{background:#fff3b0;color:#1a1a1a;padding:0 .1em;border-bottom:2px solid #7a5a00}
mark.sev-critical,mark.sev-high{background:#ffd6d6;border-bottom-color:#8a1c1c}
mark.sev-medium{background:#ffe7c2;border-bottom-color:#7a4b00}
.sc-ref{font-size:.75rem;vertical-align:super;margin-inline-start:.1em}
.sc-findings{padding-inline-start:0;list-style:none}
.sc-finding{border:1px solid #c8c8c8;border-inline-start:6px solid #7a5a00;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.sc-finding.sev-critical,.sc-finding.sev-high{border-inline-start-color:#8a1c1c}
.sc-finding.sev-medium{border-inline-start-color:#7a4b00}
.sc-finding dt{font-weight:700;margin-top:.5rem}
.sc-finding dd{margin:0}
.badge.sev-critical,.badge.sev-high{color:#8a1c1c}
.sc-keep{border-top:1px solid #c8c8c8;margin-top:1.5rem;padding-top:.5rem}
.sc-count{font-size:1.1rem;font-weight:600}
#sc-results{scroll-margin-top:1rem;width:fit-content;max-width:100%}
/* On wider screens each finding's facts sit label-beside-text, so a finding takes half the height. */
@media (min-width:40rem){
  .sc-finding dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.35rem 1.25rem;margin:.5rem 0 0}
  .sc-finding dt{margin-top:0}
}
@media print{
  header.site,footer.site,.skip,.no-print{display:none!important}
  body{font-size:11pt}
  .sc-finding{break-inside:avoid;border-left-width:3px}
  a{color:#000;text-decoration:none}
  .sc-ref{display:none}
  mark{border-bottom:2px solid #000}
}
`;

/** Content-hashed path of the stylesheet. */
export const SELFCHECK_CSS_PATH = `/static/selfcheck.${hash32(SELFCHECK_CSS).toString(36)}.css`;
