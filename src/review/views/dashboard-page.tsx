/**
 * The dashboard: active findings by severity, rule, delivery area and provider (each linking to
 * the filtered queue), the weekly trend of new vs resolved findings, the age of the data and the
 * AF sync, and crawl health.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { rp, type Reviewer } from '../context';
import type { CrawlHealth, DashboardFigures, WeekPoint } from '../dashboard-queries';
import type { DataAge } from '../../sync/data-age';
import { DASHBOARD_TOP_AREAS, DASHBOARD_TOP_PROVIDERS, DASHBOARD_TOP_RULES, isoWeek } from '../dashboard-queries';
import { SEVERITIES } from '../findings/queue-filters';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { BarChart } from './bar-chart';
import { Severity, When } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

export interface DashboardProps {
  locale: Locale;
  reviewer: Reviewer;
  figures: DashboardFigures;
  trend: WeekPoint[];
  health: CrawlHealth;
  dataAge: DataAge;
  ruleTitle: (id: string) => string;
}

/** Age of the directory's data per source, and the AF sync's last check with its failing sources. */
const DataAgeSection: FC<{ locale: Locale; age: DataAge }> = ({ locale, age }) => (
  <section aria-labelledby="h-data-age">
    <h2 id="h-data-age">{rt(locale, 'dataAge')}</h2>
    <p class="hint">{rt(locale, 'dataAgeNote', { n: age.maxAgeDays })}</p>
    {age.sources.length ? (
      <DataTable caption={rt(locale, 'dataAge')} columns={[rt(locale, 'dataSource'), rt(locale, 'dataAsOfCol'), rt(locale, 'importedCol'), rt(locale, 'fileCol'), rt(locale, 'ageCol')]}>
        {age.sources.map((s) => (
          <tr>
            <td>{rtDynamic(locale, 'dataSource', s.source)}</td>
            <td>{s.dataAsOf ?? '–'}</td>
            <td>{s.importedAt ? <When iso={s.importedAt} /> : '–'}</td>
            <td>{s.fileName ?? '–'}</td>
            <td>
              {s.ageDays === null ? '–' : rt(locale, 'ageDays', { n: s.ageDays })}
              {s.stale ? <strong class="stale"> · {rt(locale, 'staleMark')}</strong> : null}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p class="notice">{rt(locale, 'noDataImported')}</p>
    )}
    <h3>{rt(locale, 'syncTitle')}</h3>
    {!age.sync.configured ? (
      <p>{rt(locale, 'syncOff')}</p>
    ) : age.sync.lastCheckedAt === null ? (
      <p>{rt(locale, 'syncNever')}</p>
    ) : (
      <>
        <p>
          {rt(locale, 'syncLast', { d: age.sync.lastCheckedAt.slice(0, 16).replace('T', ' '), n: age.sync.sources })}
        </p>
        {age.sync.failing.length ? (
          <DataTable caption={rt(locale, 'syncFailing')} columns={[rt(locale, 'dataSource'), rt(locale, 'syncUrlCol'), rt(locale, 'syncStatusCol')]}>
            {age.sync.failing.map((f) => (
              <tr>
                <td>{f.kind}</td>
                <td class="pre">{f.url}</td>
                <td class="pre">{`${f.status}${f.lastError ? `: ${f.lastError.slice(0, 300)}` : ''}`}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{rt(locale, 'syncNoFailing')}</p>
        )}
      </>
    )}
  </section>
);

/** The weekly trend chart (shared with the provider page). */
export const TrendChart: FC<{ locale: Locale; id: string; trend: WeekPoint[]; title: string }> = ({ locale, id, trend, title }) => (
  <BarChart
    id={id}
    title={title}
    desc={rt(locale, 'trendDesc', { n: trend.length })}
    categories={trend.map((w) => (locale === 'sv' ? `v. ${isoWeek(w.week)}` : `W${isoWeek(w.week)}`))}
    series={[
      { label: rt(locale, 'newFindings'), className: 'bar-new', values: trend.map((w) => w.created) },
      { label: rt(locale, 'resolvedFindings'), className: 'bar-resolved', values: trend.map((w) => w.resolved) },
    ]}
    tableCaption={rt(locale, 'trendTable')}
    categoryHeader={rt(locale, 'week')}
  />
);

const CountTable: FC<{ locale: Locale; caption: string; head: string; rows: { label: string; n: number; href: string }[] }> = ({ locale, caption, head, rows }) =>
  rows.length ? (
    <DataTable caption={caption} columns={[head, rt(locale, 'count')]}>
      {rows.map((r) => (
        <tr>
          <td>
            <a href={r.href}>{r.label}</a>
          </td>
          <td>{String(r.n)}</td>
        </tr>
      ))}
    </DataTable>
  ) : (
    <p>{rt(locale, 'none')}</p>
  );

/** The dashboard page. */
export const DashboardPage: FC<DashboardProps> = ({ locale, reviewer, figures, trend, health, dataAge, ruleTitle }) => {
  const q = (query: string) => rp(locale, `/review/findings?${query}`);
  return (
    <Layout frame={workspaceFrame({ locale, path: '/review', reviewer, nav: 'dashboard' })} title={rt(locale, 'dashboardTitle')}>
      <h1>{rt(locale, 'dashboardTitle')}</h1>
      <div class="cards">
        <section class="card" aria-labelledby="h-active">
          <h2 id="h-active">{rt(locale, 'activeFindings')}</h2>
          <p class="big">
            <a href={rp(locale, '/review/findings')}>{String(figures.totalActive)}</a>
          </p>
          <p class="hint">{rt(locale, 'activeFindingsNote')}</p>
        </section>
        <section class="card" aria-labelledby="h-sev">
          <h2 id="h-sev">{rt(locale, 'bySeverity')}</h2>
          <p class="hint">{rt(locale, 'bySeverityNote')}</p>
          <ul class="meta">
            {SEVERITIES.map((s) => (
              <li>
                <a href={q(`severity=${s}`)}>
                  <Severity locale={locale} severity={s} /> {String(figures.bySeverity[s] ?? 0)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <h2>{rt(locale, 'trendTitle')}</h2>
      <TrendChart locale={locale} id="trend" trend={trend} title={rt(locale, 'trendTitle')} />

      <div class="cards">
        <section class="card" aria-labelledby="h-rule">
          <h2 id="h-rule">{rt(locale, 'byRule')}</h2>
          <p class="hint">{rt(locale, 'byRuleNote', { n: DASHBOARD_TOP_RULES })}</p>
          <CountTable locale={locale} caption={rt(locale, 'byRule')} head={rt(locale, 'rule')} rows={figures.byRule.map((r) => ({ label: `${ruleTitle(r.key)} (${r.key})`, n: r.n, href: q(`rule=${r.key}`) }))} />
        </section>
        <section class="card" aria-labelledby="h-prov">
          <h2 id="h-prov">{rt(locale, 'byProvider')}</h2>
          <p class="hint">{rt(locale, 'byProviderNote', { n: DASHBOARD_TOP_PROVIDERS })}</p>
          <CountTable locale={locale} caption={rt(locale, 'byProvider')} head={rt(locale, 'provider')} rows={figures.byProvider.map((p) => ({ label: p.label, n: p.n, href: rp(locale, `/review/providers/${p.key}`) }))} />
        </section>
        <section class="card" aria-labelledby="h-area">
          <h2 id="h-area">{rt(locale, 'byArea')}</h2>
          <p class="hint">{rt(locale, 'byAreaNote', { n: DASHBOARD_TOP_AREAS })}</p>
          <CountTable locale={locale} caption={rt(locale, 'byArea')} head={rt(locale, 'deliveryArea')} rows={figures.byArea.map((a) => ({ label: a.label, n: a.n, href: q(`area=${a.key}`) }))} />
        </section>
      </div>

      <DataAgeSection locale={locale} age={dataAge} />

      <h2>{rt(locale, 'crawlHealth')}</h2>
      <dl class="facts">
        <dt>{rt(locale, 'sitesEnabled')}</dt>
        <dd>{String(health.sitesEnabled)}</dd>
        <dt>{rt(locale, 'sitesNeverCrawled')}</dt>
        <dd>{String(health.sitesNeverCrawled)}</dd>
        <dt>{rt(locale, 'jobsWithErrors')}</dt>
        <dd>{String(health.jobsWithErrors)}</dd>
        <dt>{rt(locale, 'errors7d')}</dt>
        <dd>{String(health.errors7d)}</dd>
        <dt>{rt(locale, 'partialRuns7d')}</dt>
        <dd>{String(health.partialRuns7d)}</dd>
      </dl>
      <h3>{rt(locale, 'lastRuns')}</h3>
      {health.runs.length ? (
        <DataTable caption={rt(locale, 'lastRuns')} columns={[rt(locale, 'runStarted'), rt(locale, 'runTrigger'), rt(locale, 'runPages'), rt(locale, 'runErrors'), rt(locale, 'runPartial'), rt(locale, 'runFindings')]}>
          {health.runs.map((r) => (
            <tr>
              <td>
                <When iso={r.startedAt} />
              </td>
              <td>{rtDynamic(locale, 'trigger', r.trigger)}</td>
              <td>{String(r.pagesFetched + r.pagesUnchanged)}</td>
              <td>
                {String(r.errors)}
                {r.analysisTimeouts ? ` · ${rt(locale, 'runTimeouts', { n: r.analysisTimeouts })}` : ''}
                {r.pagesTruncated ? ` · ${rt(locale, 'runTruncated', { n: r.pagesTruncated })}` : ''}
              </td>
              <td>
                {r.aborted
                  ? rt(locale, 'runAborted')
                  : r.finishedAt === null
                    ? rt(locale, 'runRunning')
                    : r.partial
                      ? rt(locale, 'partialYes')
                      : rt(locale, 'partialNo')}
              </td>
              <td>{`${r.findingsNew} / ${r.findingsResolved} / ${r.findingsReopened}`}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{rt(locale, 'noRuns')}</p>
      )}
    </Layout>
  );
};
