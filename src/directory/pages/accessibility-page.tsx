/**
 * /tillganglighet: the accessibility statement in the structure DIGG's model prescribes
 * (who stands behind the site, compliance status, known gaps, how to report barriers,
 * enforcement by DIGG, how and when the site was assessed). Update ASSESSED_ON with each review.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { SvEnOnly } from './sv-en-only';
import { formatDate } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';

/** Date of the latest assessment (self-assessment: automated axe-core runs plus manual checks). */
export const ASSESSED_ON = '2026-12-04';
const DIGG_URL = 'https://www.digg.se/';

const SV: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <h1>Tillgänglighetsredogörelse för Valkollen</h1>
    <p>
      Valkollen står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Valkollen
      uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera
      brister till oss så att vi kan åtgärda dem.
    </p>
    <h2>Hur tillgänglig är webbplatsen?</h2>
    <p>
      Webbplatsen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service. Vi följer WCAG 2.1 nivå AA
      (EN 301 549), men vi känner till brister som beskrivs nedan.
    </p>
    <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
    <p>
      Om du behöver innehåll från Valkollen i ett annat format, skriv till oss genom <a href={localePath(locale, '/kontakt')}>kontaktformuläret</a>{' '}
      och välj "Något är svårt att använda". Vi svarar inom fem arbetsdagar om du lämnar din e-post.
    </p>
    <h2>Rapportera brister i webbplatsens tillgänglighet</h2>
    <p>
      Vi strävar hela tiden efter att förbättra webbplatsen. Om du upptäcker problem som inte står på den här sidan, eller om du tycker att vi
      inte uppfyller lagen, <a href={localePath(locale, '/kontakt')}>meddela oss</a> så att vi får veta att problemet finns.
    </p>
    <h2>Tillsyn</h2>
    <p>
      Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte
      är nöjd med hur vi hanterar dina synpunkter kan du <a href={DIGG_URL}>kontakta DIGG</a> och påtala det.
    </p>
    <h2>Teknisk information om webbplatsens tillgänglighet</h2>
    <p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
    <h3>Innehåll som inte är tillgängligt</h3>
    <ul>
      <li>
        Sidorna för arbetssökande finns också på arabiska, somaliska, tigrinja, dari och lättläst svenska, men de översättningarna har ännu inte
        granskats av modersmålstalare. Den här sidan och sidan om integritet finns bara på svenska och engelska.
      </li>
      <li>
        Leverantörernas egna beskrivningar och namn visas som leverantören skrivit dem. Vi kan inte garantera att de är lätta att förstå eller att
        språket är rätt markerat.
      </li>
      <li>Filerna från Arbetsförmedlingen som vi anger som källor (Excel) är inte våra och kan vara svåra att läsa med skärmläsare.</li>
      <li>Jämförelsetabellen kan bli bredare än skärmen på en mobil. Då behöver du svepa i sidled.</li>
      <li>Avstånd räknas fågelvägen från mitten av din ort. De säger inget om restid eller om kontoret är tillgängligt med rullstol.</li>
    </ul>
    <h2>Hur vi testat webbplatsen</h2>
    <p>
      Vi har gjort en självskattning (intern testning). Varje sida testas automatiskt med axe-core mot WCAG 2.1 nivå A och AA i webbläsaren
      Chromium, både i mobilstorlek och datorstorlek, vid varje ändring. Vi har också kontrollerat sidorna med tangentbord.
    </p>
    <p>
      Senaste bedömningen gjordes den {formatDate(locale, ASSESSED_ON)}. Redogörelsen uppdaterades senast den {formatDate(locale, ASSESSED_ON)}.
    </p>
  </>
);

const EN: FC<{ locale: Locale }> = ({ locale }) => (
  <>
    <h1>Accessibility statement for Valkollen</h1>
    <p>
      Valkollen runs this website. We want as many people as possible to be able to use it. This statement describes how Valkollen meets the
      Swedish Act on accessibility to digital public services (2018:1937), which problems we know of, and how you can report problems to us so
      that we can fix them.
    </p>
    <h2>How accessible is the website?</h2>
    <p>
      The website is <strong>partially compliant</strong> with the Act. We follow WCAG 2.1 level AA (EN 301 549), but we know of the problems
      described below.
    </p>
    <h2>What can you do if you cannot use parts of the website?</h2>
    <p>
      If you need content from Valkollen in another format, write to us through the <a href={localePath(locale, '/kontakt')}>contact form</a> and
      choose "Something is hard to use". We answer within five working days if you leave your e-mail.
    </p>
    <h2>Report accessibility problems</h2>
    <p>
      We keep improving the website. If you find a problem that is not described here, or you think we do not meet the Act,{' '}
      <a href={localePath(locale, '/kontakt')}>tell us</a> so that we know about it.
    </p>
    <h2>Enforcement</h2>
    <p>
      The Agency for Digital Government (DIGG) enforces the Act on accessibility to digital public services. If you are not satisfied with how
      we handle your comments, you can <a href={DIGG_URL}>contact DIGG</a> and tell them.
    </p>
    <h2>Technical information about the website's accessibility</h2>
    <p>The website is partially compliant with the Act because of the problems described below.</p>
    <h3>Content that is not accessible</h3>
    <ul>
      <li>
        The pages for job seekers are also in Arabic, Somali, Tigrinya, Dari and easy-to-read Swedish, but those translations have not yet been
        reviewed by native speakers. This page and the privacy page are only in Swedish and English.
      </li>
      <li>Providers' own descriptions and names are shown as the provider wrote them. We cannot make sure they are easy to understand or that their language is marked correctly.</li>
      <li>The files from Arbetsförmedlingen we cite as sources (Excel) are not ours and can be hard to read with a screen reader.</li>
      <li>The comparison table can be wider than a phone screen. You then need to swipe sideways.</li>
      <li>Distances are straight-line from the centre of your locality. They say nothing about travel time or whether the office has step-free access.</li>
    </ul>
    <h2>How we tested the website</h2>
    <p>
      We did a self-assessment (internal testing). Every page is tested automatically with axe-core against WCAG 2.1 levels A and AA in the
      Chromium browser, at phone and desktop sizes, on every change. We have also checked the pages with a keyboard.
    </p>
    <p>
      The latest assessment was made on {formatDate(locale, ASSESSED_ON)}. This statement was last updated on {formatDate(locale, ASSESSED_ON)}.
    </p>
  </>
);

export const AccessibilityPage: FC<{ locale: Locale }> = ({ locale }) => (
  <Layout frame={publicFrame({ locale, path: '/tillganglighet' })} title={t(locale, 'accessibilityTitle')}>
    <SvEnOnly locale={locale} path="/tillganglighet" render={(body) => (body === 'sv' ? <SV locale={locale} /> : <EN locale={locale} />)} />
  </Layout>
);
