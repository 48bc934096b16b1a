/**
 * Public HTML pages of the directory, in Swedish at / and in every other language under its
 * prefix (/en, /ar, /so, /ti, /prs, /lattlast): home, search, municipality list, provider,
 * compare, the ratings explainer and the crawler page.
 */
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { localePath, type Locale } from '../i18n/locale-info';
import { t } from '../i18n/public/texts';
import { forEachLocale, pathWithoutLocale, renderPage } from '../views/localized';
import { languageLabel } from './pages/provider-badges';
import { parseListQuery } from './list-options';
import { listingCacheFor } from './listing-cache';
import { loadMunicipalityListing } from './municipality-listing';
import { currentDeliveryAreaIds, listMunicipalitiesByCounty, resolveMunicipality } from './municipality-queries';
import { searchPlaces } from './place-search';
import { loadProviderFocus } from './provider-focus';
import { getDataAsOf, getProviderDetail, getProviderDetails } from './provider-queries';
import { orderContext, publicCache } from './request-context';
import { HomePage } from './pages/home-page';
import { SearchPage } from './pages/search-page';
import { MunicipalityPage } from './pages/municipality-page';
import { ProviderPage } from './pages/provider-page';
import { ComparePage } from './pages/compare-page';
import { AboutPage } from './pages/about-page';
import { CrawlerPage } from './pages/crawler-page';
import { registerAreaPages } from './area-routes';
import { loadMunicipalityAreaInfo } from './area-queries';

const MAX_COMPARE = 3;

/** The request path without the language prefix, with its query string (for the language switch). */
function plainPath(c: Context<AppEnv>): string {
  return pathWithoutLocale(c.req.url);
}

/** Parses a positive integer id from a path parameter or throws a 404. */
function parseId(raw: string, what: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound(`No ${what} with id "${raw.slice(0, 40)}".`);
  return Number(raw);
}

/** Parses ?ids= for the compare page: "1,2,3" or repeated ids=1&ids=2. */
export function parseCompareIds(values: string[]): number[] {
  const ids: number[] = [];
  for (const part of values.flatMap((v) => v.split(','))) {
    const s = part.trim();
    if (!s) continue;
    if (!/^\d{1,9}$/.test(s)) throw badRequest('ids', `"ids" must be provider ids separated by commas, got "${s.slice(0, 40)}".`);
    const n = Number(s);
    if (!ids.includes(n)) ids.push(n);
  }
  return ids;
}

function register(r: Hono<AppEnv>, prefix: string, locale: Locale) {
  r.get(`${prefix}/`, async (c) => {
    const { db } = c.get('deps');
    const [groups, data] = await Promise.all([listMunicipalitiesByCounty(db), getDataAsOf(db)]);
    publicCache(c);
    return renderPage(c, locale, <HomePage locale={locale} groups={groups} data={data} />);
  });
  if (prefix) r.get(prefix, (c) => c.redirect(`${prefix}/`, 301));

  r.get(`${prefix}/sok`, async (c) => {
    const { db } = c.get('deps');
    const q = (c.req.query('q') ?? '').trim();
    if (q.length > 100) throw badRequest('q', 'The search text is too long (at most 100 characters).');
    if (!q) return c.redirect(localePath(locale, '/'), 302);
    const outcome = await searchPlaces(db, q);
    if (outcome.kind === 'go') return c.redirect(localePath(locale, outcome.href), 302);
    publicCache(c);
    return renderPage(
      c,
      locale,
      <SearchPage locale={locale} query={q} results={outcome.results} localities={outcome.localities} suggestions={outcome.suggestions} />,
      outcome.results.length || outcome.localities.length || outcome.suggestions.length ? 200 : 404,
    );
  });

  r.get(`${prefix}/kommun/:id`, async (c) => {
    const { db } = c.get('deps');
    const param = c.req.param('id');
    const found = await resolveMunicipality(db, param);
    if (found.length === 0) throw notFound(t(locale, 'errNoMunicipality', { q: param.slice(0, 40) }));
    if (found.length > 1) {
      publicCache(c);
      return renderPage(c, locale, <SearchPage locale={locale} query={param} results={found} title={t(locale, 'ambiguousTitle')} intro={t(locale, 'ambiguousText')} />);
    }
    const m = found[0];
    // Codes and old slugs redirect to the canonical slug URL.
    if (param !== m.slug) {
      const url = new URL(c.req.url);
      return c.redirect(localePath(locale, `/kommun/${m.slug}`) + url.search, 301);
    }
    const query = parseListQuery(c.req.query());
    const [listing, data, areaInfo] = await Promise.all([
      loadMunicipalityListing(listingCacheFor(c.get('deps')), db, m, query, orderContext(c)),
      getDataAsOf(db),
      loadMunicipalityAreaInfo(db, m.code, orderContext(c).today),
    ]);
    const languageOptions = listing.languageOptions.map((l) => ({ code: l.code, label: languageLabel(locale, l), count: l.count }));
    publicCache(c);
    return renderPage(
      c,
      locale,
      <MunicipalityPage
        locale={locale}
        municipality={m}
        query={query}
        list={listing.list}
        totalUnfiltered={listing.totalUnfiltered}
        languageOptions={languageOptions}
        reference={listing.reference}
        nearest={listing.nearest}
        data={data}
        path={plainPath(c)}
        areaInfo={areaInfo}
      />,
    );
  });

  r.get(`${prefix}/leverantor/:id`, async (c) => {
    const { db } = c.get('deps');
    const id = parseId(c.req.param('id'), locale === 'sv' ? 'leverantör' : 'provider');
    const [p, data] = await Promise.all([getProviderDetail(db, id), getDataAsOf(db)]);
    if (!p) throw notFound(t(locale, 'errNoProvider', { id }));
    const focus = await loadProviderFocus(db, p, c.req.query(), orderContext(c).today);
    publicCache(c);
    return renderPage(c, locale, <ProviderPage locale={locale} p={p} focus={focus} data={data} path={plainPath(c)} />);
  });

  r.get(`${prefix}/jamfor`, async (c) => {
    const { db } = c.get('deps');
    const ids = parseCompareIds(c.req.queries('ids') ?? []);
    const kommun = c.req.query('kommun');
    if (kommun !== undefined && kommun !== '' && !/^\d{4}$/.test(kommun)) throw badRequest('kommun', '"kommun" must be a four-digit municipality code.');
    const [providers, muni, data] = await Promise.all([
      getProviderDetails(db, ids.slice(0, MAX_COMPARE)),
      kommun ? resolveMunicipality(db, kommun) : Promise.resolve([]),
      getDataAsOf(db),
    ]);
    const m = muni[0] ?? null;
    // Only contracts whose delivery area covers the municipality are relevant here.
    const areaIds = m ? new Set(await currentDeliveryAreaIds(db, m.code, orderContext(c).today)) : null;
    publicCache(c);
    return renderPage(
      c,
      locale,
      <ComparePage locale={locale} providers={providers} municipality={m} areaIds={areaIds} truncated={ids.length > MAX_COMPARE} data={data} path={plainPath(c)} />,
    );
  });

  r.get(`${prefix}/om-crawlern`, (c) => {
    publicCache(c);
    return renderPage(c, locale, <CrawlerPage locale={locale} />);
  });

  r.get(`${prefix}/om-betyg`, async (c) => {
    const data = await getDataAsOf(c.get('deps').db);
    publicCache(c);
    return renderPage(c, locale, <AboutPage locale={locale} data={data} />);
  });
}

/** Router for all public directory pages in every language. */
export function directoryRoutes() {
  const r = new Hono<AppEnv>();
  r.use('*', etag());
  forEachLocale((prefix, locale) => {
    register(r, prefix, locale);
    registerAreaPages(r, locale);
  });
  return r;
}
