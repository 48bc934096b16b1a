/**
 * The list of providers delivering in one municipality: filters, the explained order,
 * one card per provider, compare checkboxes and paging. Works without JavaScript.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { Accepting, DataStamp, Languages, Rating } from './provider-badges';
import { NextStep } from '../../views/next-step';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { ListPage, ListQuery } from '../list-options';
import type { MunicipalityRef } from '../municipality-queries';
import type { DataAsOf, ProviderListItem } from '../provider-queries';
import type { MunicipalityAreaInfo } from '../area-queries';
import { AreaNotice } from './area-unknown-notice';
import type { NearestOffice } from '../nearest-office';
import type { ReferencePoint } from '../reference-point';
import { NearestOfficeLine, ReferenceNote, officeAddress } from './office-parts';

export interface LanguageOption {
  code: string;
  label: string;
  count: number;
}

/** Query string for this list with some parameters changed (empty values dropped). */
export function listHref(locale: Locale, slug: string, q: ListQuery, change: Partial<Record<keyof ListQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = {
    lang: q.lang,
    accepting: q.accepting === undefined ? undefined : q.accepting ? 'true' : 'false',
    minRating: q.minRating,
    sort: q.sort === 'daily' ? undefined : q.sort,
    page: q.page === 1 ? undefined : q.page,
    postnummer: q.postnummer,
    ort: q.postnummer ? undefined : q.ort,
    ...change,
  };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return localePath(locale, `/kommun/${slug}${qs ? `?${qs}` : ''}`);
}

/** Query string of the job seeker's place, carried on to provider pages (starts with "&" or is empty). */
function placeParams(q: ListQuery): string {
  if (q.postnummer) return `&postnummer=${encodeURIComponent(q.postnummer.replace(/\D/g, ''))}`;
  if (q.ort) return `&ort=${encodeURIComponent(q.ort)}`;
  return '';
}

/** One provider in the list: ratings per area, accepting, languages, offices here and the nearest office. */
export const ProviderCard: FC<{
  locale: Locale;
  item: ProviderListItem;
  municipality: MunicipalityRef;
  query: ListQuery;
  nearest: NearestOffice | null | undefined;
  showNearest: boolean;
}> = ({ locale, item, municipality, query, nearest, showNearest }) => (
  <li>
    <h3 id={`p-${item.id}`}>
      <a href={localePath(locale, `/leverantor/${item.id}?kommun=${municipality.code}${placeParams(query)}`)}>
        <bdi>{item.name}</bdi>
      </a>
    </h3>
    <ul class="meta">
      {item.contracts.map((c) => (
        <li>
          <span class="muted">{t(locale, 'deliveryArea')} <bdi>{c.deliveryArea.name}</bdi>:</span> <Rating locale={locale} rating={c.rating} />
        </li>
      ))}
    </ul>
    <p>
      <Accepting locale={locale} value={item.contracts.some((c) => c.acceptingNew === true) ? true : item.contracts.every((c) => c.acceptingNew === false) ? false : null} />
    </p>
    {showNearest ? <NearestOfficeLine locale={locale} nearest={nearest ?? null} providerName={item.name} /> : null}
    <p class="langs">
      <strong>{t(locale, 'languages')}:</strong> <Languages locale={locale} languages={item.languages} />
    </p>
    {item.officesHere.length ? (
      <p>
        <strong>{t(locale, 'officesHere')}:</strong>{' '}
        {item.officesHere.map((o, i) => (
          <>
            {i ? '; ' : ''}
            <bdi>{officeAddress(o)}</bdi>
          </>
        ))}
      </p>
    ) : showNearest ? null : (
      <>
        <p class="muted">{t(locale, 'noOfficeHereShort')}</p>
        <NearestOfficeLine locale={locale} nearest={nearest ?? null} providerName={item.name} />
      </>
    )}
    <p class="check">
      <input type="checkbox" name="ids" value={String(item.id)} id={`cmp-${item.id}`} aria-describedby={`p-${item.id}`} />
      <label for={`cmp-${item.id}`}>
        {t(locale, 'compareThis')} <span class="visually-hidden">{item.name}</span>
      </label>
    </p>
  </li>
);

/** The filters, the sort choice and the job seeker's place, folded behind one button ("Filtrera och sortera"). */
const ListControls: FC<{ locale: Locale; municipality: MunicipalityRef; query: ListQuery; languageOptions: LanguageOption[]; open: boolean }> = ({
  locale,
  municipality,
  query,
  languageOptions,
  open,
}) => {
  const changed = query.lang !== undefined || query.accepting !== undefined || query.minRating !== undefined || query.sort !== 'daily';
  return (
    <details class="controls" open={open}>
      <summary>{t(locale, 'showFilters')}</summary>
      <form method="get" action={localePath(locale, `/kommun/${municipality.slug}`)}>
        <fieldset class="filters">
          <legend>{t(locale, 'filters')}</legend>
          <div>
            <label for="f-place">
              {t(locale, 'placeLabel')} <span class="hint">{t(locale, 'placeHint')}</span>
            </label>
            <input type="text" id="f-place" name="ort" value={query.postnummer ?? query.ort ?? ''} maxlength={60} autocomplete="postal-code" />
          </div>
          <div>
            <label for="f-lang">{t(locale, 'filterLang')}</label>
            <select id="f-lang" name="lang">
              <option value="">{t(locale, 'anyLanguage')}</option>
              {languageOptions.map((l) => (
                <option value={l.code} selected={query.lang === l.code}>
                  {l.label} ({l.count})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="f-rating">{t(locale, 'filterMinRating')}</label>
            <select id="f-rating" name="minRating">
              <option value="">{t(locale, 'anyRating')}</option>
              {[4, 3, 2, 1].map((n) => (
                <option value={String(n)} selected={query.minRating === n}>
                  {t(locale, 'starsAtLeast', { n })}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="f-sort">{t(locale, 'sortLabel')}</label>
            <select id="f-sort" name="sort">
              <option value="daily" selected={query.sort === 'daily'}>{t(locale, 'sortDaily')}</option>
              <option value="nearest" selected={query.sort === 'nearest'}>{t(locale, 'sortNearest')}</option>
              <option value="rating" selected={query.sort === 'rating'}>{t(locale, 'sortRating')}</option>
              <option value="name" selected={query.sort === 'name'}>{t(locale, 'sortName')}</option>
            </select>
          </div>
          <div class="check">
            <input type="checkbox" id="f-acc" name="accepting" value="true" checked={query.accepting === true} />
            <label for="f-acc">{t(locale, 'filterAccepting')}</label>
          </div>
          <div>
            <button type="submit">{t(locale, 'apply')}</button>{' '}
            {changed || query.postnummer || query.ort ? (
              <a class="button secondary" href={localePath(locale, `/kommun/${municipality.slug}`)}>
                {t(locale, 'clearFilters')}
              </a>
            ) : null}
          </div>
        </fieldset>
      </form>
    </details>
  );
};

const ORDER_TEXT = { daily: 'orderDaily', rating: 'orderRating', name: 'orderName', nearest: 'orderNearest' } as const;

export const MunicipalityPage: FC<{
  locale: Locale;
  municipality: MunicipalityRef;
  query: ListQuery;
  list: ListPage;
  totalUnfiltered: number;
  languageOptions: LanguageOption[];
  reference: ReferencePoint | null;
  nearest: Map<number, NearestOffice | null>;
  data: DataAsOf | null;
  path: string;
  /** The delivery area(s) of the municipality, or what to say when none is known. */
  areaInfo?: MunicipalityAreaInfo;
}> = ({ locale, municipality, query, list, totalUnfiltered, languageOptions, reference, nearest, data, path, areaInfo }) => {
  const filtered = query.lang !== undefined || query.accepting !== undefined || query.minRating !== undefined;
  const placeGiven = !!(query.postnummer || query.ort);
  const title = t(locale, 'providersInPlace', { name: municipality.name });
  return (
    <Layout frame={publicFrame({ locale, path })} title={title} description={`${title} (${municipality.county.name})`}>
      <h1>{title}</h1>
      <p class="muted">
        {t(locale, 'county')}: <bdi>{municipality.county.name}</bdi> ·{' '}
        {totalUnfiltered === 1 ? t(locale, 'providerCountOne') : t(locale, 'providersCount', { n: totalUnfiltered })}
      </p>
      {areaInfo ? <AreaNotice locale={locale} name={municipality.name} info={areaInfo} /> : null}
      {reference && (placeGiven || query.sort === 'nearest') ? (
        <p class="place-note">
          <ReferenceNote locale={locale} reference={reference} />
        </p>
      ) : null}
      <ListControls locale={locale} municipality={municipality} query={query} languageOptions={languageOptions} open={filtered} />
      <p role="status" class="list-status">
        {list.total === 1 ? t(locale, 'providerCountOne') : t(locale, 'providersCount', { n: list.total })}
        {list.pages > 1 ? ` · ${t(locale, 'page', { p: list.page, n: list.pages })}` : ''} · {t(locale, `sortShort_${query.sort}`)} (
        <a href="#order">{t(locale, 'whyThisOrder')}</a>)
      </p>
      {list.total === 0 ? (
        areaInfo && !areaInfo.areas.length ? null : <p class="notice">{totalUnfiltered ? t(locale, 'noProvidersFiltered') : t(locale, 'noProviders')}</p>
      ) : (
        <form method="get" action={localePath(locale, '/jamfor')} class="compare-form">
          <input type="hidden" name="kommun" value={municipality.code} />
          <ol class="providers">
            {list.items.map((item) => (
              <ProviderCard locale={locale} item={item} municipality={municipality} query={query} nearest={nearest.get(item.id)} showNearest={placeGiven || query.sort === 'nearest'} />
            ))}
          </ol>
          <div class="compare-bar">
            <button type="submit">{t(locale, 'compareSelected')}</button>
          </div>
        </form>
      )}
      {list.pages > 1 ? (
        <nav class="pager" aria-label={t(locale, 'resultsNav')}>
          <ul>
            {list.page > 1 ? (
              <li>
                <a rel="prev" href={listHref(locale, municipality.slug, query, { page: list.page - 1 })}>{t(locale, 'prev')}</a>
              </li>
            ) : null}
            {list.page < list.pages ? (
              <li>
                <a rel="next" href={listHref(locale, municipality.slug, query, { page: list.page + 1 })}>{t(locale, 'next')}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <NextStep locale={locale} compact />
      <section aria-labelledby="order">
        <h2 id="order">{t(locale, 'howOrdered')}</h2>
        {/* The plain-language introduction follows the list, so that on a phone the list comes first. */}
        {t(locale, 'listIntro') ? <p>{t(locale, 'listIntro')}</p> : null}
        <p>
          {t(locale, ORDER_TEXT[query.sort])} <a href={localePath(locale, '/om-betyg')}>{t(locale, 'aboutRatings')}</a>
        </p>
      </section>
      {reference ? <p class="muted geonames">{t(locale, 'geonamesCredit')}</p> : null}
      <DataStamp locale={locale} data={data} />
    </Layout>
  );
};
