/**
 * Finds AF's workbooks on the page that lists them: `.xlsx` links in an HTML page, or `.xlsx`
 * URLs anywhere in a JSON listing (AF's site search returns items whose properties link the
 * files). Each link gets its kind by AF's file names (`betyg-…` → af-ratings,
 * `resultatuppfoljning-…` → af-results; anything else is not imported) and a sort date from
 * the name, numeric (`-2026-09`) or with Swedish month names (`-maj-2026`,
 * `-mars-november-2025` → the last month named), so files are imported oldest first.
 * Link text from the page is untrusted: only the resolved URL is kept.
 */
import { Parser } from 'htmlparser2';
import type { ImportKind } from '../import/report';
import { foldForSearch } from '../lib/text-fold';

/** The import kind of a workbook AF lists, or 'other' (not imported). */
export type WorkbookKind = Extract<ImportKind, 'af-ratings' | 'af-results'> | 'other';

export interface WorkbookLink {
  url: string;
  /** The decoded last path segment, e.g. "betyg-rusta-och-matcha-maj-2026.xlsx". */
  fileName: string;
  kind: WorkbookKind;
  /** YYYY-MM from the name, or null when the name has no recognisable date. */
  month: string | null;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** The latest YYYY-MM a file name mentions ("…-2026-09…", "…-maj-2026…", "…-mars-november-2025…"), or null. */
export function monthFromFileName(name: string): string | null {
  const tokens = foldForSearch(name.replace(/\.[a-z0-9]+$/i, '')).split(' ');
  const folded = MONTHS.map((m) => foldForSearch(m));
  let best: string | null = null;
  let pendingMonth: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const m = folded.indexOf(tok);
    if (m >= 0) {
      pendingMonth = m + 1;
      continue;
    }
    if (/^20\d{2}$/.test(tok)) {
      const next = tokens[i + 1];
      let month: number | null = null;
      if (next && /^(0[1-9]|1[0-2])$/.test(next)) month = Number(next);
      else if (pendingMonth !== null) month = pendingMonth;
      if (month !== null) {
        const ym = `${tok}-${String(month).padStart(2, '0')}`;
        if (!best || ym > best) best = ym;
      }
      pendingMonth = null;
    }
  }
  return best;
}

/** The kind of an AF workbook by its file name. */
export function workbookKind(fileName: string): WorkbookKind {
  const f = foldForSearch(fileName);
  if (f.includes('betyg')) return 'af-ratings';
  if (f.includes('resultat')) return 'af-results';
  return 'other';
}

function toLink(raw: string, base: string): WorkbookLink | null {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !/\.xlsx$/i.test(u.pathname)) return null;
  u.hash = '';
  let fileName = u.pathname.split('/').pop() ?? '';
  try {
    fileName = decodeURIComponent(fileName);
  } catch {
    /* keep it encoded */
  }
  return { url: u.href, fileName, kind: workbookKind(fileName), month: monthFromFileName(fileName) };
}

/** All `.xlsx` links of an HTML page or a JSON listing, resolved against `pageUrl`, de-duplicated. */
export function findWorkbookLinks(body: string, pageUrl: string, contentType: string | null): WorkbookLink[] {
  const raws: string[] = [];
  const trimmed = body.trimStart();
  if (contentType?.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const walk = (v: unknown): void => {
        if (typeof v === 'string') {
          if (/\.xlsx(?:[?#].*)?$/i.test(v)) raws.push(v);
        } else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(JSON.parse(body));
    } catch {
      /* not JSON after all: read it as HTML below */
    }
  }
  if (!raws.length) {
    const parser = new Parser({
      onopentag(name, attrs) {
        if (name === 'a' && attrs.href) raws.push(attrs.href);
      },
    });
    parser.write(body);
    parser.end();
  }
  const seen = new Map<string, WorkbookLink>();
  for (const r of raws) {
    const l = toLink(r, pageUrl);
    if (l && !seen.has(l.url)) seen.set(l.url, l);
  }
  return [...seen.values()];
}

/**
 * The links to import this run: AF's kinds only, the newest `max` by the month in the name
 * (undated last), returned oldest first (ratings before results within a month) so later
 * files revise earlier ones in order.
 */
export function selectWorkbooks(links: WorkbookLink[], max: number): { selected: WorkbookLink[]; ignored: WorkbookLink[] } {
  const ours = links.filter((l) => l.kind !== 'other');
  const newestFirst = [...ours].sort((a, b) => (b.month ?? '').localeCompare(a.month ?? '') || a.fileName.localeCompare(b.fileName));
  // Oldest first; within a month the rating file before the results file (ratings create the contracts results refer to).
  const selected = newestFirst
    .slice(0, max)
    .sort((a, b) => (a.month ?? '\uffff').localeCompare(b.month ?? '\uffff') || a.kind.localeCompare(b.kind) || a.fileName.localeCompare(b.fileName));
  const keep = new Set(selected.map((l) => l.url));
  return { selected, ignored: links.filter((l) => !keep.has(l.url)) };
}
