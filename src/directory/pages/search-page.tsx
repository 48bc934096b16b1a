/**
 * Search results for a municipality, locality or postcode: matching municipalities, matching
 * localities (each within its municipality), and for a misspelt search the closest names.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { SearchForm } from '../../views/components';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { Locality, Suggestion } from '../locality-search';
import type { MunicipalityRef } from '../municipality-queries';
import { municipalityHref } from '../place-search';

export const SearchPage: FC<{
  locale: Locale;
  query: string;
  results: (MunicipalityRef & { locality?: string })[];
  localities?: Locality[];
  suggestions?: Suggestion[];
  title?: string;
  intro?: string;
}> = ({ locale, query, results, localities = [], suggestions = [], title, intro }) => {
  const nothing = results.length === 0 && localities.length === 0;
  return (
    <Layout frame={publicFrame({ locale, path: `/sok?q=${encodeURIComponent(query)}`, noindex: true })} title={title ?? t(locale, 'searchResults')}>
      <h1>{title ?? t(locale, 'searchResults')}</h1>
      {nothing ? (
        <div role="status">
          <p>
            {t(locale, 'noMatches')} “<bdi>{query}</bdi>”.
          </p>
          {suggestions.length ? (
            <>
              <p id="did-you-mean">{t(locale, 'didYouMean')}</p>
              <ul class="suggestions" aria-labelledby="did-you-mean">
                {suggestions.map((s) => (
                  <li>
                    <a href={localePath(locale, municipalityHref(s.municipality.slug, { ort: s.locality }))}><bdi>{s.locality ?? s.municipality.name}</bdi></a>{' '}
                    <span class="muted">
                      ({s.locality ? t(locale, 'localityIn', { m: s.municipality.name }) : t(locale, 'municipalityIn', { c: s.municipality.county.name })})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            {t(locale, 'noMatchesHelp')} <a href={localePath(locale, '/#all')}>{t(locale, 'browseByCounty')}</a>.
          </p>
        </div>
      ) : (
        <>
          {intro ? <p>{intro}</p> : null}
          {results.length ? (
            <ul>
              {results.map((m) => (
                <li>
                  <a href={localePath(locale, `/kommun/${m.slug}`)}>{m.name}</a>{' '}
                  <span class="muted">
                    (<bdi>{m.county.name}{m.locality ? `, ${m.locality}` : ''}</bdi>)
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {localities.length ? (
            <>
              <h2 id="localities">{t(locale, 'localitiesHeading')}</h2>
              <ul aria-labelledby="localities">
                {localities.map((l) => (
                  <li>
                    <a href={localePath(locale, municipalityHref(l.parts[0].municipality.slug, { ort: l.name }))}><bdi>{l.name}</bdi></a>{' '}
                    <span class="muted">({t(locale, 'localityIn', { m: l.parts.map((p) => p.municipality.name).join(', ') })})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <SearchForm locale={locale} value={query} />
      <p>
        <a href={localePath(locale, '/#all')}>{t(locale, 'browseByCounty')}</a>
      </p>
    </Layout>
  );
};
