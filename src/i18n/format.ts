/**
 * Dates, rating periods and numbers as a language writes them: Latin digits and the Gregorian
 * calendar everywhere (like the data), in Swedish time, with the language's own month names
 * where a runtime's Intl data may lack them (see `LocaleInfo.months`).
 */
import { localeInfo, type Locale } from './locale-info';

/** The Intl locale of a language (Latin digits, Gregorian calendar). */
export function intlLocale(locale: Locale): string {
  return localeInfo(locale).intl;
}

// Intl formatters are costly to build and cheap to reuse; pages format dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** Year, month (1–12) and day of a moment in Swedish time. */
function swedishDay(d: Date): { y: number; m: number; day: number } {
  const parts = cachedFormat('parts', () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'Europe/Stockholm' })).formatToParts(d);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), day: part('day') };
}

/** Formats an ISO date (YYYY-MM-DD or timestamp) for display. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { months } = localeInfo(locale);
  if (months) {
    const { y, m, day } = swedishDay(d);
    return `${day} ${months[m - 1]} ${y}`;
  }
  return cachedFormat(`date:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/Stockholm' }),
  ).format(d);
}

/** Formats a rating period "2026-09" as "september 2026" / "September 2026". */
export function formatPeriod(locale: Locale, period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const { months } = localeInfo(locale);
  if (months) return `${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return cachedFormat(`period:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(d);
}

/** Formats a number in the language's convention (Latin digits). */
export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(intlLocale(locale), options);
}
