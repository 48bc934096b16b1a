/**
 * The findings queue: a filter form (GET, works without JavaScript), counts, exports matching the
 * filters, and the findings table with checkboxes for bulk actions (POST to a confirmation page).
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { rp, type Reviewer } from '../context';
import type { QueueFilters } from '../findings/queue-filters';
import { CERTAINTIES, DEFAULT_SORT, filtersQuery, SEVERITIES, SORTS, STATUSES } from '../findings/queue-filters';
import { splitContext } from '../findings/evidence';
import type { FilterOptions, QueuePage as QueueData } from '../findings/queue-queries';
import { BULK_ACTIONS } from '../findings/workflow';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { Certainty, ExportLinks, Flash, Pager, Severity, Status, When, CsrfField } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

export interface QueuePageProps {
  locale: Locale;
  reviewer: Reviewer;
  filters: QueueFilters;
  data: QueueData;
  options: FilterOptions;
  ruleTitle: (id: string) => string;
  path: string;
  flash?: string | null;
}

const Select: FC<{ id: string; label: string; value: string; options: { value: string; label: string }[] }> = ({ id, label, value, options }) => (
  <div>
    <label for={id}>{label}</label>
    <select id={id} name={id}>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** Characters of context shown on each side of the match in a queue row. */
const ROW_CONTEXT = 70;

/** The match inside a short cut of its context, for a dense one- or two-line row. */
const MatchInContext: FC<{ match: string; context: string }> = ({ match, context }) => {
  const parts = splitContext(context, match);
  if (!parts) return <mark>{match}</mark>;
  const before = parts.before.length > ROW_CONTEXT ? `…${parts.before.slice(-ROW_CONTEXT)}` : parts.before;
  const after = parts.after.length > ROW_CONTEXT ? `${parts.after.slice(0, ROW_CONTEXT)}…` : parts.after;
  return (
    <>
      {before}
      <mark>{parts.match}</mark>
      {after}
    </>
  );
};

/** How many filters differ from the defaults (for the folded form's summary). */
function activeFilterCount(f: QueueFilters): number {
  return [f.status !== 'active', f.severity, f.certainty, f.minConfidence !== undefined, f.rule, f.provider !== undefined, f.municipality, f.area !== undefined, f.from, f.to, f.assignee !== undefined, f.sort !== DEFAULT_SORT].filter(Boolean).length;
}

/** The queue page. */
export const QueuePage: FC<QueuePageProps> = ({ locale, reviewer, filters: f, data, options, ruleTitle, path, flash }) => {
  const any = { value: '', label: rt(locale, 'any') };
  const base = rp(locale, '/review/findings');
  const exportQuery = filtersQuery(f, { page: null });
  const keep = filtersQuery(f);
  const active = activeFilterCount(f);
  return (
    <Layout frame={workspaceFrame({ locale, path, reviewer, nav: 'queue' })} title={rt(locale, 'queueTitle')}>
      <div class="queue-head">
        <h1>{rt(locale, 'queueTitle')}</h1>
        <p role="status" id="result-count">
          <strong>{rt(locale, 'resultCount', { n: data.total })}</strong> <span class="muted">{rt(locale, 'queueOrderNote', { order: rt(locale, `sort_${f.sort}`) })}</span>
        </p>
      </div>
      <Flash text={flash} />
      <details class="filters-fold">
        <summary>
          {rt(locale, 'filters')}
          {active ? ` (${rt(locale, 'filtersActive', { n: active })})` : ''}
        </summary>
        <form method="get" action={base}>
          <fieldset class="filters">
            <legend class="visually-hidden">{rt(locale, 'filters')}</legend>
            <Select
              id="status"
              label={rt(locale, 'status')}
              value={f.status}
              options={[{ value: 'active', label: rt(locale, 'statusActive') }, ...STATUSES.map((s) => ({ value: s, label: rtDynamic(locale, 'status', s) })), { value: 'all', label: rt(locale, 'statusAll') }]}
            />
            <Select id="severity" label={rt(locale, 'severity')} value={f.severity ?? ''} options={[any, ...SEVERITIES.map((s) => ({ value: s, label: rtDynamic(locale, 'severity', s) }))]} />
            <Select id="certainty" label={rt(locale, 'certainty')} value={f.certainty ?? ''} options={[any, ...CERTAINTIES.map((s) => ({ value: s, label: rtDynamic(locale, 'certainty', s) }))]} />
            <Select
              id="minConfidence"
              label={rt(locale, 'minConfidence')}
              value={f.minConfidence === undefined ? '' : String(f.minConfidence)}
              options={[any, ...['0.9', '0.75', '0.5'].map((v) => ({ value: v, label: rt(locale, 'atLeastPercent', { n: Math.round(Number(v) * 100) }) }))]}
            />
            <Select id="rule" label={rt(locale, 'rule')} value={f.rule ?? ''} options={[any, ...options.ruleIds.map((r) => ({ value: r, label: `${ruleTitle(r)} (${r})` }))]} />
            <Select id="provider" label={rt(locale, 'provider')} value={f.provider === undefined ? '' : String(f.provider)} options={[any, ...options.providers.map((p) => ({ value: String(p.id), label: p.name }))]} />
            <Select id="municipality" label={rt(locale, 'municipality')} value={f.municipality ?? ''} options={[any, ...options.municipalities.map((m) => ({ value: m.code, label: m.name }))]} />
            <Select id="area" label={rt(locale, 'deliveryArea')} value={f.area === undefined ? '' : String(f.area)} options={[any, ...options.areas.map((a) => ({ value: String(a.id), label: `${a.name} (${a.service})` }))]} />
            <div>
              <label for="from">{rt(locale, 'firstSeenFrom')}</label>
              <input type="date" id="from" name="from" value={f.from ?? ''} />
            </div>
            <div>
              <label for="to">{rt(locale, 'firstSeenTo')}</label>
              <input type="date" id="to" name="to" value={f.to ?? ''} />
            </div>
            <Select
              id="assignee"
              label={rt(locale, 'assignee')}
              value={f.assignee === undefined ? '' : String(f.assignee)}
              options={[any, { value: 'me', label: rt(locale, 'assigneeMe') }, { value: 'none', label: rt(locale, 'assigneeNone') }, ...options.users.map((u) => ({ value: String(u.id), label: u.name }))]}
            />
            <Select id="sort" label={rt(locale, 'sort')} value={f.sort} options={SORTS.map((s) => ({ value: s, label: rt(locale, `sort_${s}`) }))} />
            <div class="actions-bar">
              <button type="submit">{rt(locale, 'apply')}</button>
              <a href={base}>{rt(locale, 'clearFilters')}</a>
            </div>
          </fieldset>
        </form>
      </details>

      <p class="queue-meta">
        {rt(locale, 'statusCounts')}:{' '}
        {STATUSES.map((s, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={base + filtersQuery(f, { status: s, page: null })}>
              {rtDynamic(locale, 'status', s)} {String(data.byStatus[s] ?? 0)}
            </a>
          </>
        ))}
      </p>

      {data.rows.length === 0 ? (
        <p>{rt(locale, 'noFindings')}</p>
      ) : (
        <form method="post" action={rp(locale, '/review/findings/bulk')}>
          <CsrfField reviewer={reviewer} />
          <input type="hidden" name="back" value={base + keep} />
          <DataTable caption={rt(locale, 'queueTitle')} columns={[rt(locale, 'select'), rt(locale, 'finding'), `${rt(locale, 'rule')} · ${rt(locale, 'provider')}`, rt(locale, 'matchInContext'), rt(locale, 'certainty'), `${rt(locale, 'firstSeen')} · ${rt(locale, 'assignee')}`]} class="queue dense">
            {data.rows.map((r) => (
              <tr>
                <td>
                  <input type="checkbox" name="ids" value={String(r.id)} id={`sel-${r.id}`} aria-label={rt(locale, 'selectFinding', { id: r.id })} />
                </td>
                <td class="id">
                  <a href={rp(locale, `/review/findings/${r.id}`) + keep}>#{String(r.id)}</a>
                  <br />
                  <Severity locale={locale} severity={r.severity} /> <Status locale={locale} status={r.status} />
                </td>
                <td class="who">
                  {ruleTitle(r.ruleId)}
                  <br />
                  <span class="muted">{r.providerId !== null ? <a href={rp(locale, `/review/providers/${r.providerId}`)}>{r.providerName ?? `#${r.providerId}`}</a> : '–'}</span>
                </td>
                <td class="match">
                  <span class="ctx">
                    <MatchInContext match={r.match} context={r.context} />
                  </span>
                  <span class="url">{r.url}</span>
                </td>
                <td>
                  <Certainty locale={locale} certainty={r.certainty} confidence={r.confidence} />
                </td>
                <td class="when">
                  <When iso={r.firstSeenAt} />
                  <br />
                  <span class="muted">{r.assignedName ?? rt(locale, 'assigneeNone')}</span>
                </td>
              </tr>
            ))}
          </DataTable>
          <fieldset class="bulk">
            <legend>{rt(locale, 'bulkTitle')}</legend>
            <div>
              <label for="bulk-action">{rt(locale, 'bulkAction')}</label>
              <select id="bulk-action" name="action">
                {BULK_ACTIONS.map((a) => (
                  <option value={a}>{rt(locale, `action_${a}`)}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="bulk-reason">
                {rt(locale, 'reason')}
                <span class="hint" id="bulk-reason-hint">
                  {rt(locale, 'reasonHint')}
                </span>
              </label>
              <textarea id="bulk-reason" name="reason" maxlength={1000} aria-describedby="bulk-reason-hint"></textarea>
            </div>
            <div>
              <label for="bulk-assignee">{rt(locale, 'assignTo')}</label>
              <select id="bulk-assignee" name="assignee">
                <option value="">{rt(locale, 'unassigned')}</option>
                {options.users.map((u) => (
                  <option value={String(u.id)}>{u.name}</option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit">{rt(locale, 'bulkContinue')}</button>
              <span class="hint">{rt(locale, 'bulkHint')}</span>
            </div>
          </fieldset>
        </form>
      )}
      <Pager locale={locale} page={f.page} pages={data.pages} href={(p) => base + filtersQuery(f, { page: p })} />
      <ExportLinks locale={locale} base="/review/findings/export" query={exportQuery} />
    </Layout>
  );
};
