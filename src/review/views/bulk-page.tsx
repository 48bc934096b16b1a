/**
 * The confirmation step of a bulk action: lists which findings will change (from → to) and
 * which will not, and asks for confirmation. Nothing has changed when this page is shown.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { rp, type Reviewer } from '../context';
import type { QueueRow } from '../findings/queue-queries';
import type { BulkAction } from '../findings/workflow';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { Severity, CsrfField } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

export interface BulkConfirmProps {
  locale: Locale;
  reviewer: Reviewer;
  action: BulkAction;
  reason: string;
  assignee: { id: number; name: string } | null;
  changes: { row: QueueRow; to: string }[];
  skipped: QueueRow[];
  back: string;
  ruleTitle: (id: string) => string;
}

const Rows: FC<{ locale: Locale; rows: { row: QueueRow; change: string }[]; ruleTitle: (id: string) => string; caption: string }> = ({ locale, rows, ruleTitle, caption }) => (
  <DataTable caption={caption} columns={[rt(locale, 'finding'), rt(locale, 'severity'), rt(locale, 'rule'), rt(locale, 'provider'), rt(locale, 'match'), rt(locale, 'change')]}>
    {rows.map(({ row, change }) => (
      <tr>
        <td>
          <a href={rp(locale, `/review/findings/${row.id}`)}>#{String(row.id)}</a>
        </td>
        <td>
          <Severity locale={locale} severity={row.severity} />
        </td>
        <td>{ruleTitle(row.ruleId)}</td>
        <td>{row.providerName ?? '–'}</td>
        <td>“{row.match}”</td>
        <td>{change}</td>
      </tr>
    ))}
  </DataTable>
);

/** The confirmation page. */
export const BulkConfirmPage: FC<BulkConfirmProps> = ({ locale, reviewer, action, reason, assignee, changes, skipped, back, ruleTitle }) => {
  const describe = (row: QueueRow, to: string) =>
    action === 'assign'
      ? `${rt(locale, 'assignedTo')}: ${row.assignedName ?? '–'} → ${assignee?.name ?? '–'}`
      : `${rtDynamic(locale, 'status', row.status)} → ${rtDynamic(locale, 'status', to)}`;
  return (
    <Layout frame={workspaceFrame({ locale, path: '/review/findings', reviewer, nav: 'queue' })} title={rt(locale, 'bulkConfirmTitle')}>
      <h1>{rt(locale, 'bulkConfirmTitle')}</h1>
      <p>
        <strong>{rt(locale, `action_${action}`)}</strong>
        {action === 'dismiss' ? ` – ${rt(locale, 'reason')}: “${reason}”` : ''}
        {action === 'assign' ? ` – ${assignee?.name ?? rt(locale, 'unassigned')}` : ''}
      </p>
      {changes.length ? (
        <>
          <h2>{rt(locale, 'bulkWillChange', { n: changes.length })}</h2>
          <Rows locale={locale} rows={changes.map((c) => ({ row: c.row, change: describe(c.row, c.to) }))} ruleTitle={ruleTitle} caption={rt(locale, 'bulkWillChange', { n: changes.length })} />
        </>
      ) : (
        <p class="error-box" role="alert">
          {rt(locale, 'bulkNothing')}
        </p>
      )}
      {skipped.length ? (
        <>
          <h2>{rt(locale, 'bulkWillSkip', { n: skipped.length })}</h2>
          <Rows
            locale={locale}
            rows={skipped.map((row) => ({ row, change: rt(locale, 'bulkSkipReason', { s: rtDynamic(locale, 'status', row.status) }) }))}
            ruleTitle={ruleTitle}
            caption={rt(locale, 'bulkWillSkip', { n: skipped.length })}
          />
        </>
      ) : null}
      <form method="post" action={rp(locale, '/review/findings/bulk/apply')} class="actions-bar">
        <CsrfField reviewer={reviewer} />
        <input type="hidden" name="action" value={action} />
        <input type="hidden" name="reason" value={reason} />
        <input type="hidden" name="assignee" value={assignee ? String(assignee.id) : ''} />
        <input type="hidden" name="back" value={back} />
        {changes.map((c) => (
          <input type="hidden" name="ids" value={String(c.row.id)} />
        ))}
        {changes.length ? <button type="submit">{rt(locale, 'bulkApply')}</button> : null}
        <a href={back}>{rt(locale, 'cancel')}</a>
      </form>
    </Layout>
  );
};

