/** The start page: what Rusta och matcha is, the search box and every municipality by county. */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { ProviderToolLinks, publicFrame } from '../../views/public-frame';
import { SearchForm } from '../../views/components';
import { DataStamp } from './provider-badges';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { listMunicipalitiesByCounty } from '../municipality-queries';
import type { DataAsOf } from '../provider-queries';
import { areaListPath } from '../../views/area-paths';

type Groups = Awaited<ReturnType<typeof listMunicipalitiesByCounty>>;

export const HomePage: FC<{ locale: Locale; groups: Groups; data: DataAsOf | null }> = ({ locale, groups, data }) => (
  <Layout frame={publicFrame({ locale, path: '/' })} title={t(locale, 'tagline')} description={t(locale, 'whatIs')}>
    <h1>{t(locale, 'tagline')}</h1>
    <SearchForm locale={locale} />
    <section aria-labelledby="what">
      <h2 id="what">{t(locale, 'whatIsTitle')}</h2>
      <p class="lead">{t(locale, 'whatIs')}</p>
      <p class="notice">{t(locale, 'notAf')}</p>
      <p>
        <a href={localePath(locale, '/om-betyg')}>{t(locale, 'aboutRatings')}</a> · <a href={areaListPath(locale)}>{t(locale, 'areasLink')}</a>
      </p>
    </section>
    <section aria-labelledby="all">
      <h2 id="all">{t(locale, 'browseByCounty')}</h2>
      <div class="counties">
        {groups.map((g) => (
          <section aria-labelledby={`lan-${g.county.code}`}>
            <h3 id={`lan-${g.county.code}`}>{g.county.name}</h3>
            <ul>
              {g.municipalities.map((m) => (
                <li>
                  <a href={localePath(locale, `/kommun/${m.slug}`)}>{m.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
    <section aria-labelledby="for-providers">
      <h2 id="for-providers">{t(locale, 'forProvidersTitle')}</h2>
      <p>{t(locale, 'forProvidersText')}</p>
      <ul>
        <ProviderToolLinks locale={locale} />
      </ul>
    </section>
    <DataStamp locale={locale} data={data} />
  </Layout>
);
