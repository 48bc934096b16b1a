/** /om-betyg: how AF's ratings work and how Valkollen orders lists, in plain words in every language. */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { rich } from '../../views/components';
import { DataStamp } from './provider-badges';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t, type MessageKey } from '../../i18n/public/texts';
import type { DataAsOf } from '../provider-queries';
import { ResultsExplainer } from './results-explainer';

const RATING_POINTS: MessageKey[] = ['about_ratings_1', 'about_ratings_2', 'about_ratings_3', 'about_ratings_4', 'about_ratings_5', 'about_ratings_6'];
const ORDER_POINTS: MessageKey[] = ['about_order_1', 'about_order_2', 'about_order_3'];

export const AboutPage: FC<{ locale: Locale; data: DataAsOf | null }> = ({ locale, data }) => (
  <Layout frame={publicFrame({ locale, path: '/om-betyg' })} title={t(locale, 'aboutRatings')}>
    <h1>{t(locale, 'aboutRatings')}</h1>
    <h2>{t(locale, 'about_h_ratings')}</h2>
    <ul>
      {RATING_POINTS.map((k) => (
        <li>{rich(t(locale, k), { noRating: <strong>{t(locale, 'noRatingYet')}</strong> })}</li>
      ))}
    </ul>
    <h2>{t(locale, 'howOrdered')}</h2>
    <ul>
      {ORDER_POINTS.map((k) => (
        <li>{t(locale, k)}</li>
      ))}
    </ul>
    <h2>{t(locale, 'about_h_claims')}</h2>
    <p>{t(locale, 'about_claims')}</p>
    <h2>{t(locale, 'about_h_choose')}</h2>
    <p>{t(locale, 'about_choose')}</p>
    <h2>{t(locale, 'about_h_privacy')}</h2>
    <p>{t(locale, 'about_privacy')}</p>
    <ResultsExplainer locale={locale} />
    <DataStamp locale={locale} data={data} />
    <p>
      <a href={localePath(locale, '/')}>{t(locale, 'homeLink')}</a>
    </p>
  </Layout>
);
