/** Two or three providers side by side, with the same rows for each (LOV: comparable information). */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { TableScroll, backArrow } from '../../views/components';
import { Accepting, DataStamp, Languages, Rating } from './provider-badges';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { MunicipalityRef } from '../municipality-queries';
import type { DataAsOf, ProviderDetail } from '../provider-queries';
import { websiteHref } from './provider-sections';

export const ComparePage: FC<{
  locale: Locale;
  providers: ProviderDetail[];
  municipality: MunicipalityRef | null;
  areaIds: Set<number> | null;
  truncated: boolean;
  data: DataAsOf | null;
  path: string;
}> = ({ locale, providers, municipality, areaIds, truncated, data, path }) => {
  const contractsOf = (p: ProviderDetail) =>
    p.contracts.filter((c) => c.status === 'active' && (!areaIds || areaIds.has(c.deliveryArea.id)));
  return (
    <Layout frame={publicFrame({ locale, path, noindex: true })} title={t(locale, 'compareTitle')}>
      {municipality ? (
        <p>
          <a href={localePath(locale, `/kommun/${municipality.slug}`)}>{backArrow(locale)} {t(locale, 'backToList')} (<bdi>{municipality.name}</bdi>)</a>
        </p>
      ) : null}
      <h1>{t(locale, 'compareTitle')}</h1>
      {truncated ? <p class="notice">{t(locale, 'compareTooMany')}</p> : null}
      {providers.length < 2 ? <p class="notice">{t(locale, 'compareHelp')}</p> : null}
      {providers.length ? (
        <>
        <p class="scroll-hint" id="compare-hint">{t(locale, 'compareScrollHint')}</p>
        <TableScroll label={t(locale, 'compareTitle')}>
          <table class="compare" aria-describedby="compare-hint">
            <caption class="visually-hidden">{t(locale, 'compareTitle')}</caption>
            <thead>
              <tr>
                <td></td>
                {providers.map((p) => (
                  <th scope="col">
                    <a href={localePath(locale, `/leverantor/${p.id}${municipality ? `?kommun=${municipality.code}` : ''}`)}>
                      <bdi>{p.name}</bdi>
                    </a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t(locale, 'rating')}</th>
                {providers.map((p) => (
                  <td>
                    {contractsOf(p).map((c) => (
                      <p>
                        <bdi>{c.deliveryArea.name}</bdi>: <Rating locale={locale} rating={c.rating} />
                      </p>
                    ))}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t(locale, 'filterAccepting')}</th>
                {providers.map((p) => (
                  <td>
                    {contractsOf(p).map((c) => (
                      <p>
                        <Accepting locale={locale} value={c.acceptingNew} />
                      </p>
                    ))}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t(locale, 'languages')}</th>
                {providers.map((p) => (
                  <td>
                    <Languages locale={locale} languages={p.languages} />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{municipality ? t(locale, 'officesHere') : t(locale, 'offices')}</th>
                {providers.map((p) => {
                  const list = municipality ? p.offices.filter((o) => o.municipalityCode === municipality.code) : p.offices;
                  return (
                    <td>
                      {list.length ? list.map((o) => <p><bdi>{`${o.street}, ${o.town}`}</bdi></p>) : <span class="muted">–</span>}
                      <p class="muted">{t(locale, 'officesTotal', { n: p.offices.length })}</p>
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">{t(locale, 'website')}</th>
                {providers.map((p) => {
                  const href = websiteHref(p.website);
                  return <td>{href ? <a href={href} rel="nofollow noopener noreferrer external">{p.website}</a> : '–'}</td>;
                })}
              </tr>
            </tbody>
          </table>
        </TableScroll>
        </>
      ) : null}
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
