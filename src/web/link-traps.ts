/**
 * Link-trap heuristics: URLs that generate endless pages (calendars that page forever, URLs that
 * grow a segment per click, faceted searches with ever longer queries). A URL flagged here is not
 * followed. The frontier's page/depth caps and `CrawlBudget`'s per-pattern cap stop the traps
 * these heuristics miss.
 *
 * Choices, to keep real pages: dated news URLs ("/nyheter/2025/03/nytt-kontor") are NOT traps —
 * only dates in a calendar-like path ("/kalender/2026/11", "/events/2026-11-01"), date-valued query
 * parameters ("?datum=2026-11-01", "?month=11&year=2026"), and dates more than two years ahead.
 */

export type LinkTrapReason = 'long_url' | 'long_query' | 'repeated_segments' | 'deep_path' | 'calendar' | 'future_date';

export interface LinkTrapOptions {
  /** "Now", for the far-future check. */
  now?: Date;
  maxUrlLength?: number; // default 1024
  maxQueryLength?: number; // default 256
  maxQueryParams?: number; // default 10
  maxPathDepth?: number; // default 12
}

const CALENDAR_SEGMENT = /^(kalender|kalendarium|calendar|cal|events?|evenemang|agenda|aktiviteter|schema|bokning|booking|datum|date)$/i;
/** Parameters that only ever hold dates: any date-like or small number counts. */
const DATE_PARAM = /^(date|datum|dag|day|month|manad|månad|year|ar|år|week|vecka|tribe-bar-date|ical)$/i;
/** Parameters that may hold dates or offsets ("start=20" is paging): only a full date counts. */
const RANGE_PARAM = /^(from|to|start|end|startdate|enddate|fran|från|till)$/i;
const FULL_DATE = /^(19|20)\d{2}([-/.](0?[1-9]|1[0-2])|\d{4}$)/;
const DATE_VALUE = /^(19|20)\d{2}([-/.]?(0?[1-9]|1[0-2])([-/.]?\d{1,2})?)?$/;
/** A year followed by a month (as separate segments or joined with - / .). */
const YEAR_MONTH_IN_PATH = /(?:^|\/)((?:19|20)\d{2})(?:[-/.](0?[1-9]|1[0-2]))(?=$|[-/.?])/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Why `url` looks like a link trap, or null when it looks like an ordinary page. */
export function linkTrapReason(url: string, opts: LinkTrapOptions = {}): LinkTrapReason | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (url.length > (opts.maxUrlLength ?? 1024)) return 'long_url';
  const query = u.search.slice(1);
  const params = query === '' ? [] : query.split('&').filter(Boolean);
  if (query.length > (opts.maxQueryLength ?? 256) || params.length > (opts.maxQueryParams ?? 10)) return 'long_query';

  const segments = u.pathname.split('/').filter(Boolean).map((s) => decode(s).toLowerCase());
  if (segments.length > (opts.maxPathDepth ?? 12)) return 'deep_path';
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s, (counts.get(s) ?? 0) + 1);
  if ([...counts.values()].some((n) => n >= 3)) return 'repeated_segments';
  // A repeated pair ("/a/b/a/b") also means relative links piling up.
  for (let i = 0; i + 3 < segments.length; i++) {
    if (segments[i] === segments[i + 2] && segments[i + 1] === segments[i + 3]) return 'repeated_segments';
  }

  const hasDateSegment = segments.some((s) => DATE_VALUE.test(s) && /^(19|20)\d{2}/.test(s));
  if (hasDateSegment && segments.some((s) => CALENDAR_SEGMENT.test(s))) return 'calendar';
  for (const p of params) {
    const [name, value = ''] = p.split('=', 2).map(decode);
    if (DATE_PARAM.test(name) && (DATE_VALUE.test(value) || /^\d{1,2}$/.test(value))) return 'calendar';
    if (RANGE_PARAM.test(name) && FULL_DATE.test(value)) return 'calendar';
  }

  const ym = YEAR_MONTH_IN_PATH.exec(u.pathname);
  const nowYear = (opts.now ?? new Date()).getUTCFullYear();
  if (ym && Number(ym[1]) > nowYear + 2) return 'future_date';
  return null;
}
