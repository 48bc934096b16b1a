/**
 * Paths of the delivery-area pages: Swedish /omraden and /omrade/{slug}; English /en/areas and
 * /en/area/{slug} (the Swedish-style /en/omrade/… paths redirect there, for the language switch).
 */
import type { Locale } from '../../views/i18n';

/** The delivery-area list in the locale. */
export const areaListPath = (locale: Locale) => (locale === 'sv' ? '/omraden' : '/en/areas');

/** One delivery area's page in the locale. */
export const areaPath = (locale: Locale, slug: string) => (locale === 'sv' ? `/omrade/${slug}` : `/en/area/${slug}`);
