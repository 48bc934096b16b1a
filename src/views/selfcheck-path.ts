/**
 * Where the self-check form lives in each language: /sjalvkontroll, the English-named /self-check,
 * and the language prefix + /sjalvkontroll for the others. One place, so the footer, the home page,
 * the contact page and the form's own routes agree.
 */
import { localePath, type Locale } from '../i18n/locale-info';

/** The self-check form's canonical path in `locale`. */
export const selfCheckPath = (locale: Locale): string => (locale === 'en' ? '/self-check' : localePath(locale, '/sjalvkontroll'));
