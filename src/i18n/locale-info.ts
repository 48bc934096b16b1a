/**
 * The languages of the public pages and what the frame needs to know about each: its URL
 * prefix, the `lang`/`dir` of its pages, its own name for the language switch and the Intl
 * locale for dates and numbers. Swedish is the default at /, every other language lives under
 * its prefix with the same paths (the slugs stay Swedish; only the visible text changes):
 * `localePath` adds the prefix, `localeFromPath` and `stripLocalePrefix` read it.
 */
export type Locale = 'sv' | 'en' | 'ar' | 'so' | 'ti' | 'prs' | 'lattlast';

export interface LocaleInfo {
  code: Locale;
  /** '' for Swedish, else '/en', '/ar' … */
  prefix: string;
  /** The page's `lang` (BCP 47). Dari is fa-AF: screen readers and fonts know it, not `prs`. */
  htmlLang: string;
  /** `hreflang` of the alternate links; easy Swedish is Swedish with a private-use subtag. */
  hreflang: string;
  dir: 'ltr' | 'rtl';
  /** The language's own name, as the switch shows it. */
  nativeName: string;
  englishName: string;
  /** Intl locale for dates and numbers; Latin digits and the Gregorian calendar everywhere, like the data. */
  intl: string;
  /**
   * Gregorian month names, for languages whose Intl data a runtime may lack (workerd's ICU has no
   * Somali or Tigrinya and would print English months); dates are then "23 <month> 2026".
   */
  months?: readonly string[];
}

const INFO: Record<Locale, LocaleInfo> = {
  sv: { code: 'sv', prefix: '', htmlLang: 'sv', hreflang: 'sv', dir: 'ltr', nativeName: 'Svenska', englishName: 'Swedish', intl: 'sv-SE' },
  en: { code: 'en', prefix: '/en', htmlLang: 'en', hreflang: 'en', dir: 'ltr', nativeName: 'English', englishName: 'English', intl: 'en-GB' },
  ar: { code: 'ar', prefix: '/ar', htmlLang: 'ar', hreflang: 'ar', dir: 'rtl', nativeName: 'العربية', englishName: 'Arabic', intl: 'ar-u-nu-latn' },
  so: {
    code: 'so', prefix: '/so', htmlLang: 'so', hreflang: 'so', dir: 'ltr', nativeName: 'Soomaali', englishName: 'Somali', intl: 'so',
    months: ['Jannaayo', 'Febraayo', 'Maarso', 'Abriil', 'Maajo', 'Juun', 'Luuliyo', 'Ogost', 'Sebtembar', 'Oktoobar', 'Noofeembar', 'Desembar'],
  },
  ti: {
    code: 'ti', prefix: '/ti', htmlLang: 'ti', hreflang: 'ti', dir: 'ltr', nativeName: 'ትግርኛ', englishName: 'Tigrinya', intl: 'ti-u-ca-gregory-nu-latn',
    months: ['ጥሪ', 'ለካቲት', 'መጋቢት', 'ሚያዝያ', 'ግንቦት', 'ሰነ', 'ሓምለ', 'ነሓሰ', 'መስከረም', 'ጥቅምቲ', 'ሕዳር', 'ታሕሳስ'],
  },
  prs: { code: 'prs', prefix: '/prs', htmlLang: 'fa-AF', hreflang: 'fa-AF', dir: 'rtl', nativeName: 'دری', englishName: 'Dari', intl: 'fa-AF-u-ca-gregory-nu-latn' },
  lattlast: { code: 'lattlast', prefix: '/lattlast', htmlLang: 'sv', hreflang: 'sv-x-lattlast', dir: 'ltr', nativeName: 'Lättläst svenska', englishName: 'Easy Swedish', intl: 'sv-SE' },
};

/** Every public language; routes are mounted once per entry. */
export const LOCALES: readonly Locale[] = ['sv', 'en', 'ar', 'so', 'ti', 'prs', 'lattlast'];

/** The order of the language switch. */
export const PUBLIC_LOCALE_ORDER: readonly Locale[] = ['ar', 'so', 'ti', 'prs', 'lattlast', 'en', 'sv'];

/** What the frame needs to know about a language. */
export function localeInfo(locale: Locale): LocaleInfo {
  return INFO[locale];
}

/**
 * Prefixes a site path for the locale: '/kommun/x' → '/ar/kommun/x', '/' → '/ar/' (the address
 * the start page answers at, no redirect); Swedish has no prefix.
 */
export function localePath(locale: Locale, path: string): string {
  const { prefix } = localeInfo(locale);
  return prefix ? `${prefix}${path}` : path;
}

const PREFIXED = LOCALES.filter((l) => l !== 'sv');
const PREFIX_RE = new RegExp(`^/(${PREFIXED.join('|')})(?=/|$)`);

// Pages whose English path is an English name rather than the prefix (/self-check, not
// /en/sjalvkontroll): their error pages (a 413 from the body limit, say) are English too.
const ENGLISH_NAMED_RE = /^\/self-check(?=\/|$)/;

/** The language of a request path: its prefix, an English-named path, or Swedish without one. */
export function localeFromPath(pathname: string): Locale {
  const m = PREFIX_RE.exec(pathname);
  if (m) return m[1] as Locale;
  return ENGLISH_NAMED_RE.test(pathname) ? 'en' : 'sv';
}

/** The path without its language prefix ('/ar/kommun/x' → '/kommun/x', '/en' → '/'). */
export function stripLocalePrefix(pathname: string): string {
  return pathname.replace(PREFIX_RE, '') || '/';
}
