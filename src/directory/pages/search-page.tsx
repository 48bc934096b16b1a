/** Search results for a municipality, town or postcode, with help when nothing matched. */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { SearchForm } from '../../views/components';
import { localePath, t, type Locale } from '../../views/i18n';
import type { MunicipalityRef } from '../municipality-queries';

export const SearchPage: FC<{
  locale: Locale;
  query: string;
  results: (MunicipalityRef & { locality?: string })[];
  title?: string;
  intro?: string;
  status?: 'results' | 'none';
}> = ({ locale, query, results, title, intro }) => (
  <Layout locale={locale} title={title ?? t(locale, 'searchResults')} path={`/sok?q=${encodeURIComponent(query)}`} noindex>
    <h1>{title ?? t(locale, 'searchResults')}</h1>
    {results.length === 0 ? (
      <div role="status">
        <p>
          {t(locale, 'noMatches')} “<bdi>{query}</bdi>”.
        </p>
        <p>{t(locale, 'noMatchesHelp')}</p>
      </div>
    ) : (
      <>
        {intro ? <p>{intro}</p> : null}
        <ul>
          {results.map((m) => (
            <li>
              <a href={localePath(locale, `/kommun/${m.slug}`)}>{m.name}</a> <span class="muted">(<bdi>{m.county.name}{m.locality ? `, ${m.locality}` : ''}</bdi>)</span>
            </li>
          ))}
        </ul>
      </>
    )}
    <SearchForm locale={locale} value={query} />
    <p>
      <a href={localePath(locale, '/')}>{t(locale, 'browseByCounty')}</a>
    </p>
  </Layout>
);
