/**
 * Public delivery-area pages, registered on the directory router: Swedish /omraden and
 * /omrade/{slug}; English /en/areas and /en/area/{slug}. The Swedish-shaped English paths
 * (/en/omraden, /en/omrade/{slug}, which the language switch produces) redirect to those.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { t } from '../i18n/public/texts';
import type { Locale } from '../i18n/locale-info';
import { renderPage } from '../views/localized';
import { getDeliveryArea, listDeliveryAreas, resolveAreaSlug } from './area-queries';
import { getDataAsOf } from './provider-queries';
import { orderContext, publicCache } from './request-context';
import { AreaListPage } from './pages/area-list-page';
import { AreaPage } from './pages/area-page';
import { areaListPath, areaPath } from '../views/area-paths';

/** Registers the area list and area page for one locale. */
export function registerAreaPages(r: Hono<AppEnv>, locale: Locale) {
  const list = areaListPath(locale);
  const one = areaPath(locale, ':slug');
  if (locale === 'en') {
    r.get('/en/omraden', (c) => c.redirect(list, 301));
    r.get('/en/omrade/:slug', (c) => c.redirect(areaPath('en', encodeURIComponent(c.req.param('slug'))), 301));
  }

  r.get(list, async (c) => {
    const { db } = c.get('deps');
    const [areas, data] = await Promise.all([listDeliveryAreas(db, orderContext(c).today), getDataAsOf(db)]);
    publicCache(c);
    return renderPage(c, locale, <AreaListPage locale={locale} areas={areas} data={data} />);
  });

  r.get(one, async (c) => {
    const { db } = c.get('deps');
    const param = c.req.param('slug') ?? '';
    const ref = await resolveAreaSlug(db, param);
    if (!ref) throw notFound(t(locale, 'areaNotFound', { name: param.slice(0, 60) }));
    if (param !== ref.slug) return c.redirect(areaPath(locale, ref.slug), 301);
    const [area, data] = await Promise.all([getDeliveryArea(db, ref, orderContext(c).today), getDataAsOf(db)]);
    publicCache(c);
    return renderPage(c, locale, <AreaPage locale={locale} area={area} data={data} />);
  });
}
