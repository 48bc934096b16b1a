/**
 * The audit log page: finding events and account/administration events in one list, newest
 * first, with filters, paging and CSV/JSON export of exactly the filtered list.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import type { AuditEntry, AuditFilters } from '../audit-log';
import { auditQuery } from '../audit-log';
import { auditSentence } from '../audit-sentences';
import { rp, type Reviewer } from '../context';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { actorName, ExportLinks, Pager, When } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

export interface AuditPageProps {
  locale: Locale;
  reviewer: Reviewer;
  filters: AuditFilters;
  entries: AuditEntry[];
  total: number;
  pages: number;
  names: Map<number, string>;
  path: string;
}

/** The entry as stored, for the fold under its sentence. */
const rawEntry = (e: AuditEntry) => JSON.stringify({ source: e.source, id: e.id, at: e.at, actor: e.actor, kind: e.kind, findingId: e.findingId, subjectType: e.subjectType, subjectId: e.subjectId, fromStatus: e.fromStatus, toStatus: e.toStatus, detail: e.detail, ruleId: e.ruleId, url: e.url }, null, 2);

/** The audit log page. */
export const AuditPage: FC<AuditPageProps> = ({ locale, reviewer, filters: f, entries, total, pages, names, path }) => {
  const base = rp(locale, '/review/audit');
  const exportQuery = auditQuery(f, null);
  return (
    <Layout frame={workspaceFrame({ locale, path, reviewer, nav: 'audit' })} title={rt(locale, 'auditTitle')}>
      <h1>{rt(locale, 'auditTitle')}</h1>
      <p>{rt(locale, 'auditIntro')}</p>
      <form method="get" action={base}>
        <fieldset class="filters">
          <legend>{rt(locale, 'filters')}</legend>
          <div>
            <label for="source">{rt(locale, 'auditSource')}</label>
            <select id="source" name="source">
              {(['all', 'finding', 'account'] as const).map((s) => (
                <option value={s} selected={f.source === s}>
                  {rt(locale, `source_${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="actor">
              {rt(locale, 'actor')}
              <span class="hint" id="actor-hint">
                {rt(locale, 'actorHint')}
              </span>
            </label>
            <input type="text" id="actor" name="actor" value={f.actor ?? ''} aria-describedby="actor-hint" />
          </div>
          <div>
            <label for="kind">{rt(locale, 'kind')}</label>
            <input type="text" id="kind" name="kind" value={f.kind ?? ''} />
          </div>
          <div>
            <label for="finding">{rt(locale, 'finding')}</label>
            <input type="text" inputmode="numeric" id="finding" name="finding" value={f.finding === undefined ? '' : String(f.finding)} />
          </div>
          <div>
            <label for="from">{rt(locale, 'fromDate')}</label>
            <input type="date" id="from" name="from" value={f.from ?? ''} />
          </div>
          <div>
            <label for="to">{rt(locale, 'toDate')}</label>
            <input type="date" id="to" name="to" value={f.to ?? ''} />
          </div>
          <div class="actions-bar">
            <button type="submit">{rt(locale, 'apply')}</button>
            <a href={base}>{rt(locale, 'clearFilters')}</a>
          </div>
        </fieldset>
      </form>
      <p role="status">
        <strong>{rt(locale, 'eventCount', { n: total })}</strong>
      </p>
      <ExportLinks locale={locale} base="/review/audit/export" query={exportQuery} note="exportNoteAudit" />
      {entries.length === 0 ? (
        <p>{rt(locale, 'noEvents')}</p>
      ) : (
        <DataTable caption={rt(locale, 'auditTitle')} columns={[rt(locale, 'when'), rt(locale, 'event'), rt(locale, 'kind')]} testId="audit" class="audit">
          {entries.map((e) => (
            <tr>
              <td class="when">
                <When iso={e.at} />
              </td>
              <td>
                <p class="sentence">{auditSentence(locale, e, (actor) => actorName(locale, actor, names))}</p>
                {e.findingId !== null ? (
                  <a href={rp(locale, `/review/findings/${e.findingId}`)}>{rt(locale, 'findingTitle', { id: e.findingId })}</a>
                ) : null}
                <details class="raw">
                  <summary>{rt(locale, 'auditRaw')}</summary>
                  <pre>{rawEntry(e)}</pre>
                </details>
              </td>
              <td>{rtDynamic(locale, 'event', e.kind)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager locale={locale} page={f.page} pages={pages} href={(p) => base + auditQuery(f, p)} />
    </Layout>
  );
};
