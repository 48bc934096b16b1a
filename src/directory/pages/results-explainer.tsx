/**
 * The /om-betyg section on AF's results and "riskerar hävning": what the figures are (taken
 * from the columns of AF's results workbook), what they mean and what they do not.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';

const SV = () => (
  <section aria-labelledby="resultat">
    <h2 id="resultat">Resultat och ”riskerar hävning”</h2>
    <ul>
      <li>Arbetsförmedlingen publicerar en resultatfil varannan månad. Den har en rad per avtal och period.</li>
      <li>
        <strong>Deltagare</strong> är de som började hos leverantören 11–22 månader före mätningen. De som började senare räknas inte ännu.
      </li>
      <li>
        <strong>Resultat</strong> räknas när en deltagare har fått jobb eller börjat studera och Arbetsförmedlingen har gett leverantören en resultatersättning för det. Det finns två sådana ersättningar: RR1 och RR2. Arbetsförmedlingen delar inte upp resultaten i jobb och studier, så det gör inte vi heller.
      </li>
      <li>
        <strong>Viktat resultatmått</strong> är Arbetsförmedlingens eget tal. Resultaten räknas per nivå A, B och C (hur långt från arbete deltagarna var när de började) och vägs med vikter som står i filen. Ett högre tal är bättre. Måttet tar inte hänsyn till hur arbetsmarknaden ser ut på orten.
      </li>
      <li>
        <strong>Riskerar hävning</strong> är Arbetsförmedlingens egen uppgift i resultatfilen: Ja eller Nej. I samma fil visar Arbetsförmedlingen om avtalet har varit aktivt i 22 månader, om betyget är 1 eller saknas och om det viktade resultatmåttet är lägre än 0,2.
      </li>
    </ul>
    <h3>Vad siffrorna inte betyder</h3>
    <ul>
      <li>”Ja” betyder inte att avtalet är hävt eller kommer att hävas. Det är Arbetsförmedlingen som beslutar om det.</li>
      <li>Arbetsförmedlingen publicerar inte uppgiften om hävning varje period. När den saknas skriver vi det. Vi skriver aldrig ”Nej” om Arbetsförmedlingen inte har skrivit det.</li>
      <li>Siffrorna säger inte hur nöjda deltagarna är, och inte hur det kommer att gå för just dig. Med få deltagare kan ett par personer ändra talen mycket.</li>
      <li>Vi räknar inte om Arbetsförmedlingens siffror. Vi visar dem med period, fil och publiceringsdag.</li>
    </ul>
  </section>
);

const EN = () => (
  <section aria-labelledby="resultat">
    <h2 id="resultat">Results and “riskerar hävning” (at risk of termination)</h2>
    <ul>
      <li>Arbetsförmedlingen publishes a results file every other month. It has one row per contract and period.</li>
      <li>
        <strong>Participants</strong> are the people who started with the provider 11–22 months before the measurement. People who started later are not counted yet.
      </li>
      <li>
        A <strong>result</strong> counts when a participant got a job or started studying and Arbetsförmedlingen paid the provider a result payment for it. There are two such payments: RR1 and RR2. Arbetsförmedlingen does not split results into jobs and studies, so neither do we.
      </li>
      <li>
        The <strong>weighted result measure</strong> is Arbetsförmedlingen's own figure. Results are counted per level A, B and C (how far from work participants were when they started) and weighted with weights given in the file. Higher is better. It does not take the local labour market into account.
      </li>
      <li>
        <strong>Riskerar hävning</strong> is Arbetsförmedlingen's own entry in the results file: Ja (yes) or Nej (no). In the same file Arbetsförmedlingen shows whether the contract has been active for 22 months, whether the rating is 1 or missing, and whether the weighted result measure is below 0.2.
      </li>
    </ul>
    <h3>What the figures do not mean</h3>
    <ul>
      <li>“Ja” does not mean the contract has been or will be terminated. Arbetsförmedlingen decides that.</li>
      <li>Arbetsförmedlingen does not publish the termination entry every period. When it is missing we say so. We never show “Nej” unless Arbetsförmedlingen wrote it.</li>
      <li>The figures do not say how satisfied participants are, or how things will go for you. With few participants, a couple of people can change the figures a lot.</li>
      <li>We do not recalculate Arbetsförmedlingen's figures. We show them with period, file and publication date.</li>
    </ul>
  </section>
);

/** The results section of /om-betyg in the page's language. */
export const ResultsExplainer: FC<{ locale: Locale }> = ({ locale }) => (locale === 'sv' ? <SV /> : <EN />);
