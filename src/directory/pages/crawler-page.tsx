/**
 * /om-crawlern: the page the crawler's User-Agent points to. Tells site owners what Valkollen
 * fetches, why, how politely, and how to limit or stop it.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { localePath, t, type Locale } from '../../views/i18n';
import { CRAWLER_TOKEN, VERSION } from '../../version';

const SV = () => (
  <>
    <h1>Om Valkollens crawler</h1>
    <p>
      Valkollen besöker webbplatserna hos leverantörer av Rusta och matcha och jämför deras marknadsföring med reglerna i kapitel 22
      (Marknadsföring) i Arbetsförmedlingens allmänna villkor. Fynd granskas av en människa innan något händer.
    </p>
    <h2>Vad vi hämtar</h2>
    <ul>
      <li>Sidor som en arbetssökande läser: startsidan, sidor som länkas därifrån och sidor i er sitemap.xml. Bara HTML; PDF-filer och bilder hämtas inte.</li>
      <li>Vi identifierar oss som <code>{`${CRAWLER_TOKEN}/${VERSION}`}</code> i User-Agent.</li>
      <li>Vi sparar sidans text som underlag för granskningen, aldrig formulärdata eller inloggade sidor.</li>
    </ul>
    <h2>Så artigt crawlar vi</h2>
    <ul>
      <li>Vi följer robots.txt, både regler för <code>{CRAWLER_TOKEN}</code> och för <code>*</code>, och Crawl-delay.</li>
      <li>En fråga åt gången per webbplats, med paus mellan frågorna. Vi backar vid 429 och 503 och följer Retry-After.</li>
      <li>Oförändrade sidor hämtas med villkorlig begäran (ETag, Last-Modified).</li>
    </ul>
    <h2>Så stoppar eller begränsar ni oss</h2>
    <pre>
      <code>{`User-agent: ${CRAWLER_TOKEN}\nDisallow: /intern/\nCrawl-delay: 5`}</code>
    </pre>
  </>
);

const EN = () => (
  <>
    <h1>About Valkollen's crawler</h1>
    <p>
      Valkollen visits the websites of Rusta och matcha providers and compares their marketing with chapter 22 (Marketing) of
      Arbetsförmedlingen's general terms. A person reviews every finding before anything happens.
    </p>
    <h2>What we fetch</h2>
    <ul>
      <li>Pages a job seeker reads: the start page, pages linked from it and pages in your sitemap.xml. HTML only; no PDFs or images.</li>
      <li>We identify ourselves as <code>{`${CRAWLER_TOKEN}/${VERSION}`}</code> in the User-Agent.</li>
      <li>We store the page text as evidence for the review, never form data or signed-in pages.</li>
    </ul>
    <h2>How politely we crawl</h2>
    <ul>
      <li>We obey robots.txt, rules for <code>{CRAWLER_TOKEN}</code> and for <code>*</code>, and Crawl-delay.</li>
      <li>One request at a time per site, with a pause between requests. We back off on 429 and 503 and honour Retry-After.</li>
      <li>Unchanged pages are fetched with conditional requests (ETag, Last-Modified).</li>
    </ul>
    <h2>How to stop or limit us</h2>
    <pre>
      <code>{`User-agent: ${CRAWLER_TOKEN}\nDisallow: /internal/\nCrawl-delay: 5`}</code>
    </pre>
  </>
);

export const CrawlerPage: FC<{ locale: Locale }> = ({ locale }) => (
  <Layout locale={locale} title={locale === 'sv' ? 'Om crawlern' : 'About the crawler'} path="/om-crawlern">
    {locale === 'sv' ? <SV /> : <EN />}
    <p>
      <a href={localePath(locale, '/')}>{t(locale, 'homeLink')}</a>
    </p>
  </Layout>
);
