/**
 * /omraden (/en/areas): every delivery area AF's files and documents name, grouped by AF
 * region, with how many municipalities are known to belong (or that they are unknown) and
 * how many contracts are active. Ended areas (e.g. the 2020 pilot) are listed apart.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { TableScroll } from '../../views/components';
import { DataStamp } from './provider-badges';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/public/texts';
import type { Locale } from '../../i18n/locale-info';
import type { AreaListItem } from '../area-queries';
import type { DataAsOf } from '../provider-queries';
import { areaPath } from '../../views/area-paths';

const AreaTable: FC<{ locale: Locale; caption: string; areas: AreaListItem[] }> = ({ locale, caption, areas }) => (
  <TableScroll label={caption}>
    <table class="reflow">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, 'deliveryArea')}</th>
          <th scope="col">{t(locale, 'areaRegion')}</th>
          <th scope="col">{t(locale, 'areaMunicipalities')}</th>
          <th scope="col">{t(locale, 'areaContracts')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr>
            <td data-label={t(locale, 'deliveryArea')}>
              <a href={areaPath(locale, a.slug)}>
                <bdi>{a.name}</bdi>
              </a>
              {a.current ? null : <span class="muted"> ({t(locale, 'areaEnded', { d: formatDate(locale, a.validTo) })})</span>}
            </td>
            <td data-label={t(locale, 'areaRegion')}>
              <bdi>{a.afRegion ?? '–'}</bdi>
            </td>
            <td data-label={t(locale, 'areaMunicipalities')}>
              {a.municipalityCount === 0 ? (
                <span class="muted">{t(locale, 'areaMunicipalitiesUnknownShort')}</span>
              ) : a.municipalityCount === 1 ? (
                t(locale, 'areaMunicipalityCountOne')
              ) : (
                t(locale, 'areaMunicipalitiesCount', { n: a.municipalityCount })
              )}
            </td>
            <td data-label={t(locale, 'areaContracts')}>{t(locale, 'areaContractsCount', { n: a.activeContracts })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableScroll>
);

export const AreaListPage: FC<{ locale: Locale; areas: AreaListItem[]; data: DataAsOf | null }> = ({ locale, areas, data }) => {
  const current = areas.filter((a) => a.current);
  const ended = areas.filter((a) => !a.current);
  return (
    <Layout frame={publicFrame({ locale, path: '/omraden' })} title={t(locale, 'areasTitle')} description={t(locale, 'areasIntro')}>
      <h1>{t(locale, 'areasTitle')}</h1>
      <p class="lead">{t(locale, 'areasIntro')}</p>
      {current.length ? <AreaTable locale={locale} caption={t(locale, 'areasTitle')} areas={current} /> : <p class="notice">{t(locale, 'areasNone')}</p>}
      {ended.length ? (
        <details>
          <summary>{t(locale, 'areasEnded')}</summary>
          <AreaTable locale={locale} caption={t(locale, 'areasEnded')} areas={ended} />
        </details>
      ) : null}
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
