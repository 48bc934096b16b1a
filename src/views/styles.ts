/**
 * The one stylesheet, mobile first, served from our own origin (CSP allows no inline
 * styles). Colours meet WCAG 2.1 AA contrast; focus is always visible.
 */
export const APP_CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--accent:#0b5394;--accent-dark:#073763;--line:#c8c8c8;--soft:#f3f5f8;--ok:#155724;--warn:#7a4b00;--star:#7a5a00}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:var(--fg);background:var(--bg)}
a{color:var(--accent);overflow-wrap:anywhere}a:hover{color:var(--accent-dark)}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{inset-inline-start:.5rem}
header.site{background:var(--accent-dark);color:#fff;padding:.75rem 1rem}
header.site a{color:#fff}
header.site .bar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;max-width:60rem;margin:0 auto}
header.site .brand{font-weight:700;font-size:1.25rem;text-decoration:none}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer.site{border-top:1px solid var(--line);margin-top:2rem;padding:1rem;color:var(--muted);font-size:.9rem}
footer.site .inner{max-width:60rem;margin:0 auto}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem;overflow-wrap:break-word;hyphens:auto}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .25rem}
.lead{font-size:1.1rem}
.muted{color:var(--muted)}
.notice{background:var(--soft);border-inline-start:4px solid var(--accent);padding:.75rem 1rem;margin:1rem 0}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0}
form.search .field{flex:1 1 16rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.9rem}
input[type=search],input[type=text],select{width:100%;font-size:1rem;padding:.6rem;border:2px solid #6b6b6b;border-radius:4px;background:#fff;color:var(--fg)}
button,.button{font-size:1rem;padding:.6rem 1.1rem;border:2px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
fieldset.filters{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));align-items:end}
fieldset.filters legend{font-weight:700;padding:0 .25rem}
.check{display:flex;gap:.5rem;align-items:center;font-weight:600}
.check input{width:1.25rem;height:1.25rem}
ol.providers{list-style:none;padding:0;margin:0}
ol.providers>li{border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0;padding:0;list-style:none}
.stars{color:var(--star);letter-spacing:.1em}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-size:.85rem;border:1px solid currentColor}
.badge.ok{color:var(--ok)}.badge.warn{color:var(--warn)}
.langs{margin:.25rem 0}
.origin{color:var(--muted);font-size:.85rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:start;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--soft)}
.table-wrap{overflow-x:auto}
.compare-bar{position:sticky;bottom:0;background:#fff;border-top:2px solid var(--accent);padding:.5rem 0;margin-top:1rem}
nav.pager ul{list-style:none;display:flex;gap:1rem;padding:0}
.counties{columns:16rem;column-gap:2rem}
.counties section{break-inside:avoid;margin-bottom:1rem}
.counties ul{margin:.25rem 0;padding-inline-start:1.1rem}
details summary{cursor:pointer;font-weight:600}
a.lang-switch{font-weight:600}
.lang-switch ul{display:flex;flex-wrap:wrap;gap:.25rem .9rem;list-style:none;margin:0;padding:0}
.lang-switch a{display:inline-block;padding:.2rem 0;font-weight:600;text-underline-offset:.2em}
.lang-switch a[aria-current]{text-decoration:none;border-bottom:3px solid #ffbf47}
header.site .review-note{max-width:60rem;margin:.5rem auto 0;padding:.4rem .75rem;background:#fff;color:var(--fg);border-radius:4px;font-size:.9rem}
bdi{unicode-bidi:isolate}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:40rem){h1{font-size:2rem}}
td a,th a{overflow-wrap:break-word}
details.controls{margin:.5rem 0 1rem}
details.controls>summary{display:inline-block;font-size:1rem;padding:.6rem 1.1rem;border:2px solid var(--accent);border-radius:4px;color:var(--accent);background:#fff;list-style:none}
details.controls>summary::-webkit-details-marker{display:none}
details.controls>summary::before{content:"▸ ";}
details.controls[open]>summary::before{content:"▾ ";}
.list-status{font-weight:600}
.place-note{background:var(--soft);padding:.5rem .75rem;border-radius:4px}
.nearest{margin:.4rem 0}
.distance{white-space:nowrap}
.outside{font-weight:600}
.contact a[href^="tel:"]{white-space:nowrap}
ul.offices{padding-left:1.1rem}
ul.offices>li{margin:.35rem 0}
.next-step{border:2px solid var(--accent);border-radius:6px;padding:.25rem 1rem .5rem;margin:1.5rem 0}
.next-step h2{margin-top:.75rem}
.focus{margin-bottom:1rem}
details.fold{border-top:1px solid var(--line);padding:.75rem 0}
details.fold>summary{font-size:1.1rem}
ul.footer-links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
ul.suggestions{font-size:1.1rem}
.report-form{display:grid;gap:1rem;max-width:40rem}
.report-form fieldset{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem}
.report-form legend{font-weight:700}
textarea,input[type=email]{width:100%;font-size:1rem;padding:.6rem;border:2px solid #6b6b6b;border-radius:4px;font-family:inherit}
[aria-invalid=true]{border-color:#a4000f}
.field-error{color:#a4000f;font-weight:600;margin:.25rem 0}
.error-summary{border-left-color:#a4000f}
td.pre{white-space:pre-wrap;overflow-wrap:anywhere}
.hp{position:absolute;inset-inline-start:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.scroll-hint{font-size:.9rem;color:var(--muted)}
table.compare{min-width:34rem}
table.compare th[scope=row]{position:sticky;left:0;z-index:1}
@supports selector(:has(*)){.compare-form .compare-bar{display:none}.compare-form:has(input[name=ids]:checked) .compare-bar{display:block}}
@media (min-width:48rem){.scroll-hint{display:none}}
@media (max-width:40rem){
table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}
table.reflow tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem;padding:.25rem .75rem}
table.reflow td{border:0;padding:.2rem 0;display:grid;grid-template-columns:minmax(6rem,35%) minmax(0,1fr);gap:.5rem}
table.reflow td::before{content:attr(data-label);font-weight:600;color:var(--muted);overflow-wrap:break-word;hyphens:auto}
}
@media print{
header.site,footer.site,.skip,details.controls,.compare-bar,nav.pager,p.check,.no-print,form.search,.lang-switch,.scroll-hint{display:none!important}
body{font-size:11pt;color:#000;background:#fff}
main{max-width:none;padding:0}
a{color:#000}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt;overflow-wrap:anywhere}
ol.providers>li,article,tr{break-inside:avoid}
.notice,.next-step,.place-note{background:none;border:1px solid #000}
.table-wrap{overflow:visible}
table.compare{min-width:0;font-size:10pt}
details>summary{list-style:none}
details::details-content{content-visibility:visible;display:contents}
.badge{border-color:#000;color:#000}
}
`;
