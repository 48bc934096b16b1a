/**
 * JSON for what AF publishes, under /api/v1: the delivery-area list and one area (its
 * municipalities where known, with basis, and its contracts), one contract by KA number
 * (rating history and results per period, with revisions) and the provider name search.
 * Registered on the directory's /api/v1 router, so the same ETag and error shape apply.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { allAreaRefs, getDeliveryArea, listDeliveryAreas, resolveAreaSlug } from './area-queries';
import { getContractRecord, parseKaParam, searchProviders } from './contract-queries';
import { getDataAsOf } from './provider-queries';
import { orderContext, publicCache } from './request-context';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Adds the delivery-area, contract and provider-search routes to the /api/v1 router. */
export function registerAreaApiRoutes(r: Hono<AppEnv>) {
  r.get('/delivery-areas', async (c) => {
    const { db } = c.get('deps');
    const [areas, data] = await Promise.all([listDeliveryAreas(db, orderContext(c).today), getDataAsOf(db)]);
    publicCache(c);
    return c.json({
      total: areas.length,
      dataAsOf: data,
      deliveryAreas: areas.map((a) => ({ ...a, url: `/omrade/${a.slug}`, api: `/api/v1/delivery-areas/${a.slug}` })),
    });
  });

  r.get('/delivery-areas/:slug', async (c) => {
    const { db } = c.get('deps');
    const raw = c.req.param('slug');
    const slug = raw.trim().toLowerCase();
    if (!SLUG.test(slug)) throw badRequest('slug', '"slug" must be a delivery-area slug: lower-case letters, digits and hyphens, e.g. goteborg-syd-ost.');
    const ref = await resolveAreaSlug(db, slug);
    if (!ref) throw notFound(`No delivery area with slug "${slug}". The list is at /api/v1/delivery-areas.`);
    const [area, data] = await Promise.all([getDeliveryArea(db, ref, orderContext(c).today), getDataAsOf(db)]);
    publicCache(c);
    return c.json({
      deliveryArea: {
        ...area,
        url: `/omrade/${area.slug}`,
        // Zero rows means AF's delivery-area document has not been imported for this area: unknown, not empty.
        municipalitiesKnown: area.municipalities.length > 0,
        contracts: area.contracts.map((k) => ({ ...k, api: `/api/v1/contracts/${encodeURIComponent(k.kaNumber)}` })),
      },
      dataAsOf: data,
    });
  });

  r.get('/contracts/:ka', async (c) => {
    const { db } = c.get('deps');
    const raw = c.req.param('ka');
    const ka = parseKaParam(raw);
    if (!ka) throw badRequest('ka', `"ka" must be a KA number (3–40 letters, digits, "-" or "/"), got "${raw.slice(0, 40)}".`);
    const [record, data] = await Promise.all([getContractRecord(db, ka), getDataAsOf(db)]);
    if (!record) throw notFound(`No contract with KA number ${ka}.`);
    const slug = (await allAreaRefs(db)).find((a) => a.id === record.deliveryArea.id)?.slug ?? null;
    publicCache(c);
    return c.json({
      contract: {
        ...record,
        provider: { ...record.provider, url: `/leverantor/${record.provider.id}`, api: `/api/v1/providers/${record.provider.id}` },
        deliveryArea: { ...record.deliveryArea, slug, url: slug ? `/omrade/${slug}` : null },
      },
      dataAsOf: data,
    });
  });

  r.get('/providers', async (c) => {
    const q = c.req.query('q');
    if (q === undefined || !q.trim()) throw badRequest('q', '"q" is required: part of a provider name (any case, accents optional).');
    if (q.trim().length > 100) throw badRequest('q', '"q" is too long (at most 100 characters).');
    const results = await searchProviders(c.get('deps').db, q);
    publicCache(c);
    return c.json({
      query: q,
      total: results.length,
      results: results.map((p) => ({ ...p, url: `/leverantor/${p.id}`, api: `/api/v1/providers/${p.id}` })),
    });
  });
}
