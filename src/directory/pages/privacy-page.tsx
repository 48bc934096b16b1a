/**
 * /integritet: what Valkollen stores about people and why (no job-seeker accounts or cookies,
 * server logs, error reports, rate-limit counters, the crawler, officers' accounts), the legal
 * basis, how long, and whom to contact.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { SvEnOnly } from './sv-en-only';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';

const SV: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <h1>Integritet och personuppgifter</h1>
    <p>Du kan använda Valkollen utan att logga in och utan att berätta vem du är.</p>
    <h2>Det här sparar vi inte</h2>
    <ul>
      <li>Inga konton för arbetssökande och inga kakor (cookies) på de öppna sidorna.</li>
      <li>Ingen statistik om besökare och inga skript från andra företag.</li>
      <li>Postnummer och ort som du söker på används bara för att räkna avstånd i just den sökningen. De sparas inte.</li>
      <li>Namn, telefon eller e-post till leverantörernas kontaktpersoner.</li>
    </ul>
    <h2>Det här sparar vi</h2>
    <ul>
      <li>
        <strong>Serverloggar</strong>: tid, adress på sidan du besökte, svarskod och svarstid. Inte din IP-adress. Loggarna används bara för att hitta fel
        och driftstörningar.
      </li>
      <li>
        <strong>Felanmälningar</strong> från <a href={localePath(locale, '/kontakt')}>kontaktformuläret</a>: det du skriver och, om du vill, din
        e-post. Bara våra granskare läser dem. Vi raderar dem när ärendet är klart.
      </li>
      <li>
        <strong>Räknare mot missbruk</strong>: när formulär skickas sparar vi din IP-adress i en räknare för att stoppa massutskick. Räknaren
        raderas efter ungefär ett dygn.
      </li>
      <li>
        <strong>Leverantörernas uppgifter</strong> från Arbetsförmedlingens publicerade filer. För enskilda firmor är organisationsnumret ett
        personnummer. Vi visar det inte.
      </li>
      <li>
        <strong>Crawlern</strong> läser leverantörernas webbplatser och sparar texten på sidorna som underlag för granskning. Den fyller aldrig i
        formulär och loggar aldrig in. Läs mer <a href={localePath(locale, '/om-crawlern')}>om crawlern</a>.
      </li>
      <li>
        <strong>Granskarnas konton</strong>: namn, e-post och en logg över beslut och inloggningar.
      </li>
    </ul>
    <h2>Rättslig grund</h2>
    <p>
      Vi behandlar personuppgifter med stöd av berättigat intresse (artikel 6.1 f i dataskyddsförordningen): att ge arbetssökande jämförbar
      information om leverantörer, att rätta fel och att granska leverantörernas marknadsföring. Felanmälningar behandlar vi för att kunna
      rätta och svara.
    </p>
    <h2>Dina rättigheter och kontakt</h2>
    <p>
      Du har rätt att få veta vilka uppgifter vi har om dig, att få dem rättade eller raderade och att invända mot behandlingen. Skriv till oss
      genom <a href={localePath(locale, '/kontakt')}>kontaktformuläret</a>. Du kan också klaga hos Integritetsskyddsmyndigheten (IMY).
    </p>
    <p class="muted">Orternas koordinater kommer från GeoNames (geonames.org), licens CC BY 4.0.</p>
  </>
);

const EN: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <h1>Privacy and personal data</h1>
    <p>You can use Valkollen without signing in and without telling us who you are.</p>
    <h2>What we do not store</h2>
    <ul>
      <li>No accounts for job seekers and no cookies on the public pages.</li>
      <li>No visitor statistics and no scripts from other companies.</li>
      <li>The postcode or locality you search for is only used to compute distances for that search. It is not stored.</li>
      <li>Names, phones or e-mails of providers' contact persons.</li>
    </ul>
    <h2>What we store</h2>
    <ul>
      <li>
        <strong>Server logs</strong>: time, the address of the page, status code and response time. Not your IP address. We use them only to find
        faults and outages.
      </li>
      <li>
        <strong>Error reports</strong> from the <a href={localePath(locale, '/kontakt')}>contact form</a>: what you write and, if you want, your
        e-mail. Only our reviewers read them. We delete them when the matter is closed.
      </li>
      <li>
        <strong>Counters against abuse</strong>: when a form is sent we keep your IP address in a counter to stop mass sending. The counter is
        deleted after about a day.
      </li>
      <li>
        <strong>Providers' data</strong> from Arbetsförmedlingen's published files. For sole traders the organisation number is a personal identity
        number. We do not show it.
      </li>
      <li>
        <strong>The crawler</strong> reads providers' websites and stores the page text as evidence for review. It never fills in forms or signs in.
        Read more <a href={localePath(locale, '/om-crawlern')}>about the crawler</a>.
      </li>
      <li>
        <strong>Reviewers' accounts</strong>: name, e-mail and a log of decisions and sign-ins.
      </li>
    </ul>
    <h2>Legal basis</h2>
    <p>
      We process personal data on the basis of legitimate interest (Article 6(1)(f) GDPR): to give job seekers comparable information about
      providers, to correct mistakes and to review providers' marketing. We process error reports to correct and answer them.
    </p>
    <h2>Your rights and contact</h2>
    <p>
      You have the right to know what data we hold about you, to have it corrected or deleted and to object. Write to us through the{' '}
      <a href={localePath(locale, '/kontakt')}>contact form</a>. You can also complain to the Swedish Authority for Privacy Protection (IMY).
    </p>
    <p class="muted">Locality coordinates come from GeoNames (geonames.org), licence CC BY 4.0.</p>
  </>
);

export const PrivacyPage: FC<{ locale: Locale }> = ({ locale }) => (
  <Layout frame={publicFrame({ locale, path: '/integritet' })} title={t(locale, 'privacyTitle')}>
    <SvEnOnly locale={locale} path="/integritet" render={(body) => (body === 'sv' ? <SV locale={locale} /> : <EN locale={locale} />)} />
  </Layout>
);
