/**
 * A provider's compliance over time: active findings by severity, last crawl of its sites, the
 * weekly trend chart and every finding the crawler has recorded for it (latest first).
 */
import type { FC } from 'hono/jsx';
import { localePath, type Locale } from '../../i18n/locale-info';
import { rp, type Reviewer } from '../context';
import type { ProviderCompliance, WeekPoint } from '../dashboard-queries';
import { SEVERITIES } from '../findings/queue-filters';
import type { QueueRow } from '../findings/queue-queries';
import { rt } from '../../i18n/review/texts';
import { Severity, Status, When } from './bits';
import { TrendChart } from './dashboard-page';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

export interface ProviderPageProps {
  locale: Locale;
  reviewer: Reviewer;
  data: ProviderCompliance;
  trend: WeekPoint[];
  findings: QueueRow[];
  truncated: boolean;
  limit: number;
  ruleTitle: (id: string) => string;
}

/** The provider compliance page. */
export const ProviderCompliancePage: FC<ProviderPageProps> = ({ locale, reviewer, data, trend, findings, truncated, limit, ruleTitle }) => {
  const p = data.provider;
  const queue = rp(locale, `/review/findings?status=all&provider=${p.id}`);
  return (
    <Layout frame={workspaceFrame({ locale, path: `/review/providers/${p.id}`, reviewer, nav: 'queue' })} title={rt(locale, 'providerTitle', { name: p.name })}>
      <h1>{rt(locale, 'providerTitle', { name: p.name })}</h1>
      <p>
        <a href={localePath(locale, `/leverantor/${p.id}`)}>{rt(locale, 'providerPublicPage')}</a> · <a href={queue}>{rt(locale, 'showInQueue')}</a>
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="h-open">
          <h2 id="h-open">{rt(locale, 'providerOpenBySeverity')}</h2>
          <ul class="meta">
            {SEVERITIES.map((s) => (
              <li>
                <Severity locale={locale} severity={s} /> {String(data.openBySeverity[s] ?? 0)}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="h-crawl">
          <h2 id="h-crawl">{rt(locale, 'providerLastCrawl')}</h2>
          <p>{data.lastCrawlAt ? <When iso={data.lastCrawlAt} /> : rt(locale, 'providerNeverCrawled')}</p>
          {data.sites.length ? (
            <>
              <h3>{rt(locale, 'providerSites')}</h3>
              <ul>
                {data.sites.map((s) => (
                  <li>
                    <span class="url">{s.origin}</span>: {s.lastCrawlAt ? <When iso={s.lastCrawlAt} /> : rt(locale, 'providerNeverCrawled')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
      <h2>{rt(locale, 'providerTrend')}</h2>
      <TrendChart locale={locale} id="provider-trend" trend={trend} title={`${rt(locale, 'trendTitle')}: ${p.name}`} />
      <h2>{rt(locale, 'providerAllFindings')}</h2>
      {truncated ? (
        <p>
          {rt(locale, 'providerTruncated', { n: limit })} <a href={queue}>{rt(locale, 'showInQueue')}</a>
        </p>
      ) : null}
      {findings.length ? (
        <DataTable caption={rt(locale, 'providerAllFindings')} columns={[rt(locale, 'finding'), rt(locale, 'severity'), rt(locale, 'status'), rt(locale, 'rule'), rt(locale, 'match'), rt(locale, 'firstSeen'), rt(locale, 'lastSeen')]}>
          {findings.map((r) => (
            <tr>
              <td>
                <a href={rp(locale, `/review/findings/${r.id}`)}>#{String(r.id)}</a>
              </td>
              <td>
                <Severity locale={locale} severity={r.severity} />
              </td>
              <td>
                <Status locale={locale} status={r.status} />
              </td>
              <td>{ruleTitle(r.ruleId)}</td>
              <td class="match">
                “{r.match}”<div class="url">{r.url}</div>
              </td>
              <td>
                <When iso={r.firstSeenAt} />
              </td>
              <td>
                <When iso={r.lastSeenAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{rt(locale, 'providerNoFindings')}</p>
      )}
    </Layout>
  );
};
