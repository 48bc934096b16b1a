/**
 * Small shared pieces of workspace pages: status and severity badges, dates, actor names,
 * a pager, a flash message and the CSRF field of every form.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { CSRF_FIELD } from '../auth/csrf';
import { rp, type Reviewer } from '../context';
import { EXPORT_MAX_ROWS } from '../settings';

/** A status badge. */
export const Status: FC<{ locale: Locale; status: string }> = ({ locale, status }) => <span class={`st st-${status}`}>{rtDynamic(locale, 'status', status)}</span>;

/** A severity badge. */
export const Severity: FC<{ locale: Locale; severity: string }> = ({ locale, severity }) => <span class={`sev sev-${severity}`}>{rtDynamic(locale, 'severity', severity)}</span>;

/**
 * How sure a finding is: "Säker" for a rule's match, "Möjlig · 72 %" for what only the learned
 * model saw (an officer weighs those before acting).
 */
export const Certainty: FC<{ locale: Locale; certainty: string; confidence: number }> = ({ locale, certainty, confidence }) => (
  <span class={`cert cert-${certainty === 'possible' ? 'possible' : 'certain'}`}>
    {rtDynamic(locale, 'certainty', certainty)}
    {certainty === 'possible' ? ` · ${Math.round(confidence * 100)} %` : ''}
  </span>
);

/** "2026-11-23 11:00" in Swedish time, inside a <time> element. */
export const When: FC<{ iso: string | null | undefined }> = ({ iso }) => {
  if (!iso) return <>–</>;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return <>{iso}</>;
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
  return <time datetime={d.toISOString()}>{text}</time>;
};

/** A human name for an actor string ('user:3', 'crawler', 'cli', 'system', 'anonymous'). */
export function actorName(locale: Locale, actor: string, names: Map<number, string>): string {
  const m = /^user:(\d+)$/.exec(actor);
  if (m) return names.get(Number(m[1])) ?? actor;
  if (actor === 'crawler') return rt(locale, 'crawler');
  if (actor === 'system') return rt(locale, 'system');
  return actor;
}

/** Previous/next page links with the page position. */
export const Pager: FC<{ locale: Locale; page: number; pages: number; href: (page: number) => string }> = ({ locale, page, pages, href }) =>
  pages > 1 ? (
    <nav class="pager" aria-label={rt(locale, 'pager')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {rt(locale, 'prev')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{rt(locale, 'pageOf', { p: page, n: pages })}</li>
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {rt(locale, 'next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  ) : null;

/** A status message announced to screen readers. */
export const Flash: FC<{ text?: string | null }> = ({ text }) =>
  text ? (
    <p class="flash" role="status">
      {text}
    </p>
  ) : null;

/** CSV and JSON export links for the rows the current filters select (`base` without extension). */
export const ExportLinks: FC<{ locale: Locale; base: string; query: string; note?: 'exportNote' | 'exportNoteAudit' }> = ({ locale, base, query, note = 'exportNote' }) => (
  <p class="actions-bar">
    <a class="button secondary" href={`${rp(locale, `${base}.csv`)}${query}`}>
      {rt(locale, 'exportCsv')}
    </a>
    <a class="button secondary" href={`${rp(locale, `${base}.json`)}${query}`}>
      {rt(locale, 'exportJson')}
    </a>
    <span class="muted">{rt(locale, note, { n: EXPORT_MAX_ROWS })}</span>
  </p>
);

/** The hidden CSRF field every workspace form carries. */
export const CsrfField: FC<{ reviewer: Reviewer }> = ({ reviewer }) => <input type="hidden" name={CSRF_FIELD} value={reviewer.csrf} />;
