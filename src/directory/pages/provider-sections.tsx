/**
 * The parts of a provider page as components, so the page can put the job seeker's municipality
 * first and fold the rest: the facts list, the provider's own description, one contract (rating
 * with history and source, accepting, AF's results) and the office list with contact details.
 */
import type { FC } from 'hono/jsx';
import { TableScroll } from '../../views/components';
import { Accepting, Languages, Rating } from './provider-badges';
import { formatDate, formatPeriod } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/public/texts';
import type { Locale } from '../../i18n/locale-info';
import { formatOrgnr, maskOrgnr } from '../../lib/orgnr';
import type { NearestOffice } from '../nearest-office';
import type { ProviderDetail } from '../provider-queries';
import type { OfficeRow } from '../office-queries';
import { afLabel } from '../../i18n/af-presence/texts';
import { ContractResults } from './contract-results';
import { OfficeContact, distanceText, officeAddress } from './office-parts';

/** A safe outbound link to a provider website (http/https only), or null. */
export function websiteHref(website: string | null): string | null {
  if (!website) return null;
  const candidate = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const u = new URL(candidate);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Organisation number (masked for sole traders), website, languages, remote meetings, presence in AF's lists. */
export const ProviderFacts: FC<{ locale: Locale; p: ProviderDetail }> = ({ locale, p }) => {
  const site = websiteHref(p.website);
  return (
  <dl>
    <dt>{t(locale, 'orgnr')}</dt>
    <dd>
      {p.orgnr === null ? (
        <span class="muted">{t(locale, 'orgnrUnknown')}</span>
      ) : p.isSoleTrader ? (
        <>{maskOrgnr(p.orgnr)} <span class="muted">({t(locale, 'soleTraderMasked')})</span></>
      ) : (
        formatOrgnr(p.orgnr)
      )}
    </dd>
    {site ? (
      <>
        <dt>{t(locale, 'website')}</dt>
        <dd>
          <a href={site} rel="nofollow noopener noreferrer external">{p.website}</a> <span class="muted">{t(locale, 'websiteNote')}</span>
        </dd>
      </>
    ) : null}
    <dt>{t(locale, 'languages')}</dt>
    <dd>
      <Languages locale={locale} languages={p.languages} />
    </dd>
    {p.remoteMeetings ? (
      <>
        <dt>{t(locale, 'remote')}</dt>
        <dd>
          {t(locale, `remote_${p.remoteMeetings.value}` as MessageKey)} <span class="origin">— {t(locale, `origin_${p.remoteMeetings.origin}` as MessageKey)}</span>
        </dd>
      </>
    ) : null}
    <dt>{t(locale, 'inDirectorySinceLabel')}</dt>
    <dd>{formatDate(locale, p.firstSeen)}</dd>
    <dt>{afLabel(locale, 'afListed')}</dt>
    <dd>
      {p.leftAfList
        ? afLabel(locale, 'afLeft', { from: formatDate(locale, p.firstSeen), to: formatDate(locale, p.lastSeen) })
        : afLabel(locale, 'afSince', { d: formatDate(locale, p.firstSeen) })}
    </dd>
  </dl>
  );
};

/** The provider's own description, quoted and labelled as theirs. */
export const ProviderDescription: FC<{ locale: Locale; p: ProviderDetail }> = ({ locale, p }) => (
  <>
  {p.description ? (
    <section aria-labelledby="desc">
      <h2 id="desc">{t(locale, 'description')}</h2>
      <blockquote lang="sv">
        <p>{p.description}</p>
      </blockquote>
    </section>
  ) : null}
  </>
);

type Contract = ProviderDetail['contracts'][number];

/** One contract: its delivery area, official rating with source and history, accepting, AF's results. */
export const ContractCard: FC<{ locale: Locale; c: Contract }> = ({ locale, c }) => (
  <article class="notice" aria-labelledby={`ka-${c.kaNumber}`}>
    <h3 id={`ka-${c.kaNumber}`}>
      {t(locale, 'deliveryArea')} <bdi>{c.deliveryArea.name}</bdi>
    </h3>
    <p>
      <Rating locale={locale} rating={c.rating} withSource />
    </p>
    <p>
      <Accepting locale={locale} value={c.acceptingNew} />
    </p>
    <p class="muted">
      {t(locale, 'contractNumber')}: <bdi>{c.kaNumber}</bdi> · {t(locale, 'startDate')}: {formatDate(locale, c.startDate)}
    </p>
    <ContractResults locale={locale} result={c.result} heading />
    {c.ratingHistory.length ? (
      <details>
        <summary>{t(locale, 'ratingHistory')}</summary>
        <TableScroll label={`${t(locale, 'ratingHistory')}: ${c.deliveryArea.name}`}>
          <table class="reflow">
            <caption class="visually-hidden">{`${t(locale, 'ratingHistory')}: ${c.deliveryArea.name}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'period')}</th>
                <th scope="col">{t(locale, 'stars')}</th>
                <th scope="col">{t(locale, 'published')}</th>
                <th scope="col">{t(locale, 'source')}</th>
              </tr>
            </thead>
            <tbody>
              {c.ratingHistory.map((r) => {
                const superseded = c.ratingHistory.some((o) => o.period === r.period && o.revision > r.revision);
                return (
                  <tr>
                    <td data-label={t(locale, 'period')}>
                      {formatPeriod(locale, r.period)}
                      {r.revision > 1 ? <> · {t(locale, 'revised', { n: r.revision })}</> : null}
                      {superseded ? <span class="muted"> ({t(locale, 'superseded')})</span> : null}
                    </td>
                    <td data-label={t(locale, 'stars')}>{r.stars === null ? t(locale, 'noRatingYet') : t(locale, 'ratingStars', { n: r.stars })}</td>
                    <td data-label={t(locale, 'published')}>{formatDate(locale, r.publishedAt)}</td>
                    <td data-label={t(locale, 'source')}>{r.sourceFile}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </details>
    ) : null}
  </article>
);

/** Offices with address, municipality, step-free access, AF's contact details and (when known) distance. */
export const OfficeList: FC<{ locale: Locale; offices: OfficeRow[]; distances?: Map<number, NearestOffice> }> = ({ locale, offices, distances }) => (
  <ul class="offices">
    {offices.map((o) => {
      const d = distances?.get(o.id);
      return (
        <li>
          <bdi>{officeAddress(o)}</bdi>
          <span class="muted">
            {' '}(<bdi>{o.municipalityName ?? t(locale, 'unknownMunicipality')}</bdi>)
          </span>
          {d ? <strong class="distance"> – {distanceText(locale, d.distanceKm)}</strong> : null}
          {o.phone || o.email ? (
            <>
              <br />
              <OfficeContact locale={locale} office={o} />
            </>
          ) : null}
          <br />
          <span class="muted">{t(locale, o.stepFreeAccess === null ? 'step_free_unknown' : o.stepFreeAccess ? 'step_free_yes' : 'step_free_no')}</span>
        </li>
      );
    })}
  </ul>
);
