/**
 * /omrade/{slug} (/en/area/{slug}): one delivery area — its AF region and where it comes from,
 * the municipalities it covers where known (each with its basis; otherwise a plain "unknown"),
 * and every contract in it with the provider, AF's current rating with source, "accepting new"
 * and the latest results in plain words with AF's risk flag.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { Accepting, DataStamp, Rating } from './provider-badges';
import { formatDate } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { AreaDetail } from '../area-queries';
import type { DataAsOf } from '../provider-queries';
import { areaListPath } from '../../views/area-paths';
import { basisLabel } from './area-labels';
import { AF_CHOOSER_PAGE } from './area-unknown-notice';
import { ContractResults } from './contract-results';

export const AreaPage: FC<{ locale: Locale; area: AreaDetail; data: DataAsOf | null }> = ({ locale, area, data }) => {
  const title = t(locale, 'areaTitle', { name: area.name });
  const active = area.contracts.filter((c) => c.status === 'active');
  const ended = area.contracts.filter((c) => c.status !== 'active');
  return (
    <Layout frame={publicFrame({ locale, path: `/omrade/${area.slug}` })} title={title} description={title}>
      <p>
        <a href={areaListPath(locale)}>← {t(locale, 'areasLink')}</a>
      </p>
      <h1>{title}</h1>
      <dl>
        <dt>{t(locale, 'areaRegion')}</dt>
        <dd>{area.afRegion ?? '–'}</dd>
        <dt>{t(locale, 'source')}</dt>
        <dd>{t(locale, 'areaSource', { s: area.source })}</dd>
      </dl>
      {area.current ? null : <p class="notice">{t(locale, 'areaEnded', { d: formatDate(locale, area.validTo) })}</p>}
      <section aria-labelledby="munis">
        <h2 id="munis">{t(locale, 'areaMunicipalities')}</h2>
        {area.municipalities.length ? (
          <ul class="area-municipalities">
            {area.municipalities.map((m) => (
              <li>
                <a href={localePath(locale, `/kommun/${m.slug}`)}>{m.name}</a> <span class="muted">({basisLabel(locale, m.basis)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="notice">
            {t(locale, 'areaMunicipalitiesUnknown')}{' '}
            <a href={AF_CHOOSER_PAGE} rel="external noopener">{t(locale, 'afChooserLink')}</a> <span class="muted">{t(locale, 'afChooserNote')}</span>
          </p>
        )}
      </section>
      <section aria-labelledby="area-contracts">
        <h2 id="area-contracts">{t(locale, 'areaContracts')}</h2>
        {active.length === 0 ? <p>{t(locale, 'areaNoContracts')}</p> : null}
        {active.map((c) => (
          <article class="notice" aria-labelledby={`ka-${c.kaNumber}`}>
            <h3 id={`ka-${c.kaNumber}`}>
              <a href={localePath(locale, `/leverantor/${c.provider.id}`)}>{c.provider.name}</a>
            </h3>
            <p>
              <Rating locale={locale} rating={c.rating} withSource />
            </p>
            <p>
              <Accepting locale={locale} value={c.acceptingNew} />
            </p>
            <ContractResults locale={locale} result={c.result} heading />
            <p class="muted">
              {t(locale, 'contractNumber')}: {c.kaNumber} · {t(locale, 'startDate')}: {formatDate(locale, c.startDate)}
            </p>
          </article>
        ))}
        {ended.length ? (
          <>
            <h3>{t(locale, 'areaEndedContracts')}</h3>
            <ul>
              {ended.map((c) => (
                <li>
                  <a href={localePath(locale, `/leverantor/${c.provider.id}`)}>{c.provider.name}</a> <span class="muted">({c.kaNumber})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
