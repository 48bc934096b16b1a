/**
 * Paths of the delivery-area pages: Swedish /omraden and /omrade/{slug}; English /en/areas and
 * /en/area/{slug}; every other language under its prefix with the Swedish slugs (/ar/omrade/…).
 * The Swedish-style /en/omrade/… paths redirect to the English ones, for the language switch.
 */
import { localePath, type Locale } from '../i18n/locale-info';

/** The delivery-area list in the locale. */
export const areaListPath = (locale: Locale) => (locale === 'en' ? '/en/areas' : localePath(locale, '/omraden'));

/** One delivery area's page in the locale. */
export const areaPath = (locale: Locale, slug: string) => (locale === 'en' ? `/en/area/${slug}` : localePath(locale, `/omrade/${slug}`));
