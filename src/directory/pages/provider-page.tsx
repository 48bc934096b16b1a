/**
 * One provider: official data (contracts, ratings with history and source, offices) kept
 * visibly apart from what the provider says about itself (description, languages).
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { Accepting, DataStamp, Languages, Rating, TableScroll, backArrow } from '../../views/components';
import { formatDate, formatNumber, formatPeriod, localePath, t, type Locale, type MessageKey } from '../../views/i18n';
import { formatOrgnr, maskOrgnr } from '../orgnr';
import type { MunicipalityRef } from '../municipality-queries';
import type { DataAsOf, ProviderDetail } from '../provider-queries';
import { afLabel } from './af-presence-labels';
import { ContractResults } from './contract-results';

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

export const ProviderPage: FC<{ locale: Locale; p: ProviderDetail; back: MunicipalityRef | null; data: DataAsOf | null; path: string }> = ({ locale, p, back, data, path }) => {
  const site = websiteHref(p.website);
  const active = p.contracts.filter((c) => c.status === 'active');
  const ended = p.contracts.filter((c) => c.status !== 'active');
  return (
    <Layout locale={locale} title={p.name} path={path}>
      {back ? (
        <p>
          <a href={localePath(locale, `/kommun/${back.slug}`)}>{backArrow(locale)} {t(locale, 'backToList')} (<bdi>{back.name}</bdi>)</a>
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
      {p.description ? (
        <section aria-labelledby="desc">
          <h2 id="desc">{t(locale, 'description')}</h2>
          <blockquote lang="sv">
            <p>{p.description}</p>
          </blockquote>
        </section>
      ) : null}
      <section aria-labelledby="contracts">
        <h2 id="contracts">{t(locale, 'contracts')}</h2>
        {active.map((c) => (
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
                  <table>
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
                            <td>
                              {formatPeriod(locale, r.period)}
                              {r.revision > 1 ? <> · {t(locale, 'revised', { n: r.revision })}</> : null}
                              {superseded ? <span class="muted"> ({t(locale, 'superseded')})</span> : null}
                            </td>
                            <td>{r.stars === null ? t(locale, 'noRatingYet') : t(locale, 'ratingStars', { n: r.stars })}</td>
                            <td>{formatDate(locale, r.publishedAt)}</td>
                            <td>{r.sourceFile}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
              </details>
            ) : null}
          </article>
        ))}
        {ended.length ? (
          <p class="muted">
            {t(locale, 'ended')}: {ended.map((c) => `${c.deliveryArea.name} (${c.kaNumber})`).join(t(locale, 'listSeparator'))}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="offices">
        <h2 id="offices">{t(locale, 'offices')}</h2>
        <ul>
          {p.offices.map((o) => (
            <li>
              <bdi>
                {o.street}, {o.postcode.slice(0, 3)} {o.postcode.slice(3)} {o.town}
              </bdi>
              <span class="muted">
                {' '}(<bdi>{o.municipalityName ?? t(locale, 'unknownMunicipality')}</bdi>)
              </span>
              <br />
              <span class="muted">{t(locale, o.stepFreeAccess === null ? 'step_free_unknown' : o.stepFreeAccess ? 'step_free_yes' : 'step_free_no')}</span>
            </li>
          ))}
        </ul>
      </section>
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
