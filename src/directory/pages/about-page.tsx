/** /om-betyg: how AF's ratings work and how Valkollen orders lists, in plain Swedish and English. */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { DataStamp } from '../../views/components';
import { localePath, t, type Locale } from '../../views/i18n';
import type { DataAsOf } from '../provider-queries';
import { ResultsExplainer } from './results-explainer';

const SV = () => (
  <>
    <h1>Om betyg och ordning</h1>
    <h2>Betygen kommer från Arbetsförmedlingen</h2>
    <ul>
      <li>Arbetsförmedlingen ger leverantörer av Rusta och matcha betyg från 1 till 4 stjärnor. 4 är bäst.</li>
      <li>Betyget gäller ett avtal i ett leveransområde. Samma företag kan ha olika betyg i olika områden.</li>
      <li>Betyget jämför leverantörens resultat med alla andra leverantörer i hela landet. Det tar hänsyn till hur långt från arbetsmarknaden deltagarna var när de började.</li>
      <li>Ett betyg kräver att minst 18 deltagare har börjat och att leverantören har varit verksam i minst 12 månader. Annars står det <strong>Inget betyg ännu</strong> och varför.</li>
      <li>Arbetsförmedlingen publicerar nya betyg varannan månad. Ibland ändrar de ett äldre betyg. Vi sparar alla versioner och visar vilken som är ändrad.</li>
      <li>Vid varje betyg visar vi perioden, filen det kommer från och när den publicerades.</li>
    </ul>
    <h2>Hur listan är ordnad</h2>
    <ul>
      <li>Som standard är listan blandad. Ordningen byts varje dag vid midnatt och är samma för alla besökare den dagen.</li>
      <li>Ingen leverantör kan betala för att hamna högre. Ordningen beror inte på när leverantören lades in.</li>
      <li>Du kan själv välja att sortera efter betyg eller namn. Då står det på sidan hur listan är sorterad.</li>
    </ul>
    <h2>Vad leverantörerna själva säger</h2>
    <p>Språk, möten på distans och beskrivningar kommer ofta från leverantören. Vi skriver alltid varifrån en uppgift kommer: från Arbetsförmedlingen, enligt leverantören eller enligt leverantörens webbplats.</p>
    <h2>Så väljer du</h2>
    <p>Du berättar för Arbetsförmedlingen vilken leverantör du väljer. Väljer du inte, får du den leverantör som ligger närmast din bostad. Du kan byta leverantör genom Arbetsförmedlingen.</p>
    <h2>Integritet</h2>
    <p>Vi visar inga namn på kontaktpersoner. För enskilda firmor är organisationsnumret ett personnummer, så vi visar det inte.</p>
  </>
);

const EN = () => (
  <>
    <h1>About ratings and order</h1>
    <h2>Ratings come from Arbetsförmedlingen</h2>
    <ul>
      <li>Arbetsförmedlingen (the Swedish Public Employment Service) rates Rusta och matcha providers from 1 to 4 stars. 4 is best.</li>
      <li>A rating belongs to one contract in one delivery area. The same company can have different ratings in different areas.</li>
      <li>The rating compares the provider's results with every other provider in the country. It takes into account how far from the labour market participants were when they started.</li>
      <li>A rating needs at least 18 participants who started and at least 12 months of activity. Otherwise we show <strong>No rating yet</strong> and why.</li>
      <li>Arbetsförmedlingen publishes new ratings every other month. Sometimes it changes an older rating. We keep every version and mark revised ones.</li>
      <li>With every rating we show the period, the file it comes from and when it was published.</li>
    </ul>
    <h2>How the list is ordered</h2>
    <ul>
      <li>By default the list is mixed. The order changes every day at midnight and is the same for every visitor that day.</li>
      <li>No provider can pay to be placed higher. The order does not depend on when a provider was added.</li>
      <li>You can choose to sort by rating or name. The page then says how the list is sorted.</li>
    </ul>
    <h2>What providers say themselves</h2>
    <p>Languages, remote meetings and descriptions often come from the provider. We always say where information comes from: from Arbetsförmedlingen, according to the provider, or according to the provider's website.</p>
    <h2>How to choose</h2>
    <p>You tell Arbetsförmedlingen which provider you choose. If you do not choose, you get the provider nearest your home. You can change provider through Arbetsförmedlingen.</p>
    <h2>Privacy</h2>
    <p>We show no names of contact persons. For sole traders the organisation number is a personal identity number, so we do not show it.</p>
  </>
);

export const AboutPage: FC<{ locale: Locale; data: DataAsOf | null }> = ({ locale, data }) => (
  <Layout locale={locale} title={t(locale, 'aboutRatings')} path="/om-betyg">
    {locale === 'sv' ? <SV /> : <EN />}
    <ResultsExplainer locale={locale} />
    <DataStamp locale={locale} data={data} />
    <p>
      <a href={localePath(locale, '/')}>{t(locale, 'homeLink')}</a>
    </p>
  </Layout>
);
