/** The officers' list of error reports sent through the public /kontakt form, newest first. */
import type { FC } from 'hono/jsx';
import { DataTable } from '../../views/components';
import type { Locale } from '../../i18n/locale-info';
import type { StoredReport } from '../../directory/error-reports';
import type { Reviewer } from '../context';
import { rp } from '../context';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';

export const ErrorReportsPage: FC<{ locale: Locale; reviewer: Reviewer; rows: StoredReport[]; total: number; page: number; pages: number }> = ({
  locale,
  reviewer,
  rows,
  total,
  page,
  pages,
}) => (
  <Layout frame={workspaceFrame({ locale, path: '/review/error-reports', reviewer, nav: 'reports' })} title={rt(locale, 'reportsTitle')}>
    <h1>{rt(locale, 'reportsTitle')}</h1>
    <p>{rt(locale, 'reportsIntro')}</p>
    <p role="status">{rt(locale, 'reportsCount', { n: total })}</p>
    {rows.length ? (
      <DataTable
        caption={rt(locale, 'reportsTitle')}
        columns={[rt(locale, 'reportReceived'), rt(locale, 'reportKindCol'), rt(locale, 'reportPageCol'), rt(locale, 'reportMessageCol'), rt(locale, 'reportReplyCol')]}
        testId="error-reports"
      >
        {rows.map((r) => (
          <tr>
            <td>
              <time datetime={r.receivedAt}>{r.receivedAt.slice(0, 16).replace('T', ' ')}</time> <span class="muted">({r.locale})</span>
            </td>
            <td>{rtDynamic(locale, 'reportKind', r.kind)}</td>
            <td class="wrap">{r.pageUrl ?? '–'}</td>
            <td class="wrap pre">{r.message}</td>
            <td>{r.replyTo ? <a href={`mailto:${r.replyTo}`}>{r.replyTo}</a> : '–'}</td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p class="notice">{rt(locale, 'reportsNone')}</p>
    )}
    {pages > 1 ? (
      <nav aria-label={rt(locale, 'reportsPage', { p: page, n: pages })}>
        <p>
          {page > 1 ? <a href={rp(locale, `/review/error-reports?page=${page - 1}`)}>←</a> : null} {rt(locale, 'reportsPage', { p: page, n: pages })}{' '}
          {page < pages ? <a href={rp(locale, `/review/error-reports?page=${page + 1}`)}>→</a> : null}
        </p>
      </nav>
    ) : null}
  </Layout>
);
