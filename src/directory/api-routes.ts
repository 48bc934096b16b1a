/**
 * The directory's JSON API under /api/v1: municipality search, providers per municipality
 * (same filters, order and paging as the page) and one provider. Sole traders' numbers masked.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { bestStars, isAccepting, parseListQuery } from './list-options';
import { listingCacheFor } from './listing-cache';
import { loadMunicipalityListing } from './municipality-listing';
import { resolveMunicipality, searchMunicipalities, listMunicipalitiesByCounty } from './municipality-queries';
import { formatOrgnr, maskOrgnr } from '../lib/orgnr';
import { getDataAsOf, getProviderDetail, type ProviderDetail, type ProviderListItem } from './provider-queries';
import { orderContext, publicCache } from './request-context';
import { registerAreaApiRoutes } from './area-api-routes';
import { nearestOfficeJson, type NearestOffice } from './nearest-office';
import type { ReferencePoint } from './reference-point';

const ORDER_EXPLANATION = {
  daily: 'Shuffled with a seed that changes every day (Europe/Stockholm) and is the same for every visitor; never insertion order.',
  rating: "By the current official rating, highest first; equal ratings in the day's shuffled order; unrated last.",
  name: 'By name (Swedish collation).',
  nearest:
    "By the distance to each provider's nearest office from the reference point (postnummer or ort, else the municipality's main town), nearest first; equal distances in the day's shuffled order; providers without office coordinates last.",
} as const;

function referenceJson(r: ReferencePoint | null) {
  if (!r) return null;
  return {
    postnummer: r.input.postnummer ?? null,
    ort: r.input.ort ?? null,
    locality: r.locality,
    municipality: { code: r.municipality.code, name: r.municipality.name },
    lat: r.lat,
    lon: r.lon,
    basis: r.basis,
    approximate: r.approximate,
    source: 'GeoNames (www.geonames.org), CC BY 4.0',
  };
}

function listItemJson(p: ProviderListItem, nearest: Map<number, NearestOffice | null>, withNearest: boolean) {
  return {
    id: p.id,
    name: p.name,
    website: p.website,
    acceptingNew: isAccepting(p),
    bestRating: bestStars(p),
    contracts: p.contracts.map((c) => ({
      kaNumber: c.kaNumber,
      deliveryArea: c.deliveryArea,
      startDate: c.startDate,
      acceptingNew: c.acceptingNew,
      rating: c.rating,
    })),
    languages: p.languages.map((l) => ({ code: l.code, nameSv: l.nameSv, nameEn: l.nameEn, origin: l.origin })),
    remoteMeetings: p.remoteMeetings,
    officesInMunicipality: p.officesHere.map(({ id, street, postcode, town, lat, lon }) => ({ id, street, postcode, town, lat, lon })),
    officeCount: p.officeCount,
    ...(withNearest ? { nearestOffice: nearestOfficeJson(nearest.get(p.id) ?? null, p.name) } : {}),
  };
}

function providerJson(p: ProviderDetail) {
  const { orgnr, isSoleTrader, ...rest } = p;
  return { ...rest, orgnr: orgnr === null ? null : isSoleTrader ? maskOrgnr(orgnr) : formatOrgnr(orgnr), isSoleTrader };
}

/** Router mounted at /api/v1. */
export function directoryApiRoutes() {
  const r = new Hono<AppEnv>();
  r.use('*', etag());

  r.get('/municipalities', async (c) => {
    const { db } = c.get('deps');
    const q = c.req.query('q');
    if (q !== undefined && q.trim().length > 100) throw badRequest('q', '"q" is too long (at most 100 characters).');
    publicCache(c);
    if (q === undefined || !q.trim()) {
      const groups = await listMunicipalitiesByCounty(db);
      return c.json({ query: null, results: groups.flatMap((g) => g.municipalities) });
    }
    const results = await searchMunicipalities(db, q);
    return c.json({ query: q, results });
  });

  r.get('/municipalities/:code/providers', async (c) => {
    const { db } = c.get('deps');
    const code = c.req.param('code');
    if (!/^\d{4}$/.test(code)) throw badRequest('code', '"code" must be a four-digit municipality code (kommunkod), e.g. 1980.');
    const [m] = await resolveMunicipality(db, code);
    if (!m) throw notFound(`No municipality with code ${code}.`);
    const query = parseListQuery(c.req.query());
    const [listing, data] = await Promise.all([loadMunicipalityListing(listingCacheFor(c.get('deps')), db, m, query, orderContext(c)), getDataAsOf(db)]);
    publicCache(c);
    return c.json({
      municipality: m,
      order: { sort: query.sort, day: orderContext(c).day, explanation: ORDER_EXPLANATION[query.sort] },
      filters: { lang: query.lang ?? null, accepting: query.accepting ?? null, minRating: query.minRating ?? null },
      referencePoint: referenceJson(listing.reference),
      page: listing.list.page,
      pages: listing.list.pages,
      pageSize: listing.list.pageSize,
      total: listing.list.total,
      totalUnfiltered: listing.totalUnfiltered,
      dataAsOf: data,
      providers: listing.list.items.map((p) => listItemJson(p, listing.nearest, listing.reference !== null)),
    });
  });

  r.get('/providers/:id', async (c) => {
    const raw = c.req.param('id');
    if (!/^\d{1,9}$/.test(raw)) throw badRequest('id', '"id" must be a positive whole number.');
    const { db } = c.get('deps');
    const [p, data] = await Promise.all([getProviderDetail(db, Number(raw)), getDataAsOf(db)]);
    if (!p) throw notFound(`No provider with id ${raw}.`);
    publicCache(c);
    return c.json({ provider: providerJson(p), dataAsOf: data });
  });
  registerAreaApiRoutes(r);
  return r;
}
