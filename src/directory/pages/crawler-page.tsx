/**
 * /om-crawlern: the page the crawler's User-Agent points to. Tells site owners what Valkollen
 * fetches, why, how politely, and how to limit or stop it.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { rich } from '../../views/components';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import { CRAWLER_TOKEN, VERSION } from '../../version';

export const CrawlerPage: FC<{ locale: Locale }> = ({ locale }) => (
  <Layout frame={publicFrame({ locale, path: '/om-crawlern' })} title={t(locale, 'crawler_title')}>
    <h1>{t(locale, 'crawler_h1')}</h1>
    <p>{t(locale, 'crawler_intro')}</p>
    <h2>{t(locale, 'crawler_h_fetch')}</h2>
    <ul>
      <li>{t(locale, 'crawler_fetch_1')}</li>
      <li>{rich(t(locale, 'crawler_fetch_2'), { ua: <code dir="ltr">{`${CRAWLER_TOKEN}/${VERSION}`}</code> })}</li>
      <li>{t(locale, 'crawler_fetch_3')}</li>
    </ul>
    <h2>{t(locale, 'crawler_h_polite')}</h2>
    <ul>
      <li>{rich(t(locale, 'crawler_polite_1'), { token: <code dir="ltr">{CRAWLER_TOKEN}</code>, all: <code dir="ltr">*</code> })}</li>
      <li>{t(locale, 'crawler_polite_2')}</li>
      <li>{t(locale, 'crawler_polite_3')}</li>
    </ul>
    <h2>{t(locale, 'crawler_h_stop')}</h2>
    <pre dir="ltr">
      <code>{`User-agent: ${CRAWLER_TOKEN}\nDisallow: ${t(locale, 'crawler_example_dir')}\nCrawl-delay: 5`}</code>
    </pre>
    <p>
      <a href={localePath(locale, '/')}>{t(locale, 'homeLink')}</a>
    </p>
  </Layout>
);
