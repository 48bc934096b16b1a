/**
 * One provider: official data (contracts, ratings with history and source, offices) kept
 * visibly apart from what the provider says about itself (description, languages).
 *
 * Opened from a municipality (`?kommun=`, with the job seeker's `postnummer`/`ort` when given),
 * the page starts from the job seeker: that municipality's contracts, ratings and results and
 * the nearest offices with their distance and contact details, then how to choose. Everything
 * else (other delivery areas, all offices) follows folded in <details>, which needs no JavaScript.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { backArrow } from '../../views/components';
import { DataStamp } from './provider-badges';
import { NextStep } from '../../views/next-step';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { MunicipalityRef } from '../municipality-queries';
import type { NearestOffice } from '../nearest-office';
import type { DataAsOf, ProviderDetail } from '../provider-queries';
import type { ReferencePoint } from '../reference-point';
import { ReferenceNote } from './office-parts';
import { ContractCard, OfficeList, ProviderDescription, ProviderFacts } from './provider-sections';

export { websiteHref } from './provider-sections';

/** What the page knows about the job seeker's municipality (null when opened without ?kommun=). */
export interface ProviderFocus {
  municipality: MunicipalityRef;
  /** Delivery areas covering the municipality today. */
  areaIds: Set<number>;
  reference: ReferencePoint | null;
  /** Offices that may serve the municipality, nearest first (at most a few). */
  nearestOffices: NearestOffice[];
  /** Query string to keep on links back to the list ("?postnummer=…" or ""). */
  backQuery: string;
}

/** The job seeker's municipality first: its contracts, nearest offices and how to choose. */
const MunicipalityFocus: FC<{ locale: Locale; p: ProviderDetail; focus: ProviderFocus }> = ({ locale, p, focus }) => {
  const m = focus.municipality;
  const here = p.contracts.filter((c) => c.status === 'active' && focus.areaIds.has(c.deliveryArea.id));
  return (
    <section class="focus" aria-labelledby="focus-h">
      <h2 id="focus-h">{t(locale, 'focusHeading', { m: m.name })}</h2>
      {here.length ? here.map((c) => <ContractCard locale={locale} c={c} />) : <p class="notice">{t(locale, 'focusNoContract', { m: m.name })}</p>}
      <h3 id="nearest-h">{t(locale, 'nearestOffices')}</h3>
      {focus.reference ? (
        <p class="muted">
          <ReferenceNote locale={locale} reference={focus.reference} />
        </p>
      ) : null}
      {focus.nearestOffices.length ? (
        <OfficeList locale={locale} offices={focus.nearestOffices.map((n) => n.office)} distances={new Map(focus.nearestOffices.map((n) => [n.office.id, n]))} />
      ) : (
        <p class="muted">{t(locale, 'noOfficeCoordinates')}</p>
      )}
      {focus.nearestOffices.some((n) => n.office.phone || n.office.email) ? <p class="muted">{t(locale, 'officeContactSource')}</p> : null}
    </section>
  );
};

export const ProviderPage: FC<{ locale: Locale; p: ProviderDetail; focus: ProviderFocus | null; data: DataAsOf | null; path: string }> = ({
  locale,
  p,
  focus,
  data,
  path,
}) => {
  const active = p.contracts.filter((c) => c.status === 'active');
  const ended = p.contracts.filter((c) => c.status !== 'active');
  const others = focus ? active.filter((c) => !focus.areaIds.has(c.deliveryArea.id)) : active;
  const endedLine = ended.length ? (
    <p class="muted">
      {t(locale, 'ended')}: {ended.map((c) => `${c.deliveryArea.name} (${c.kaNumber})`).join(t(locale, 'listSeparator'))}
    </p>
  ) : null;
  return (
    <Layout frame={publicFrame({ locale, path })} title={p.name}>
      {focus ? (
        <p class="no-print">
          <a href={localePath(locale, `/kommun/${focus.municipality.slug}${focus.backQuery}`)}>
            {backArrow(locale)} {t(locale, 'backToList')} (<bdi>{focus.municipality.name}</bdi>)
          </a>
        </p>
      ) : null}
      <h1>
        <bdi>{p.name}</bdi>
      </h1>
      {p.formerNames.length ? (
        <p class="muted">
          {t(locale, 'formerNames')}: <bdi>{p.formerNames.map((n) => n.name).join(t(locale, 'listSeparator'))}</bdi>
        </p>
      ) : null}
      {focus ? (
        <>
          <MunicipalityFocus locale={locale} p={p} focus={focus} />
          <NextStep locale={locale} providerName={p.name} />
          <section aria-labelledby="about-h">
            <h2 id="about-h">{t(locale, 'aboutProvider')}</h2>
            <ProviderFacts locale={locale} p={p} />
            <ProviderDescription locale={locale} p={p} />
          </section>
          {others.length || ended.length ? (
            <details class="fold">
              <summary>{t(locale, 'otherContracts', { n: others.length })}</summary>
              {others.map((c) => (
                <ContractCard locale={locale} c={c} />
              ))}
              {endedLine}
            </details>
          ) : null}
          <details class="fold">
            <summary>{t(locale, 'allOffices', { n: p.offices.length })}</summary>
            <OfficeList locale={locale} offices={p.offices} />
          </details>
        </>
      ) : (
        <>
          <ProviderFacts locale={locale} p={p} />
          <ProviderDescription locale={locale} p={p} />
          <section aria-labelledby="contracts">
            <h2 id="contracts">{t(locale, 'contracts')}</h2>
            {others.map((c) => (
              <ContractCard locale={locale} c={c} />
            ))}
            {endedLine}
          </section>
          <section aria-labelledby="offices">
            <h2 id="offices">{t(locale, 'offices')}</h2>
            <OfficeList locale={locale} offices={p.offices} />
          </section>
          <NextStep locale={locale} providerName={p.name} />
        </>
      )}
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
