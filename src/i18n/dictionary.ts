/**
 * The one lookup of every text dictionary. An area (public pages, review workspace, self-check
 * form, rule pages, AF figures) gives its Swedish texts, complete by type, and whatever other
 * languages it has; `dictionary()` returns the lookup its accessor (`t`, `rt`, `st` …) is built
 * from: a text a language lacks falls back to Swedish, and `{name}` placeholders are filled by
 * `fill` (values isolated in right-to-left languages).
 */
import { fill, type TextParams } from './fill';
import type { Locale } from './locale-info';

/** The texts of one language as written: any subset of the keys. */
export type Texts<K extends string> = Partial<Record<K, string>>;

/** The lookup of one area's texts. */
export interface Dictionary<K extends string> {
  /** Every key, in Swedish order (for tools that list missing keys). */
  readonly keys: readonly K[];
  /** The text of `key` in the locale, Swedish when the locale lacks it, with placeholders filled. */
  text(locale: Locale, key: K, params?: TextParams): string;
  /** The text whose key is built at run time, `${prefix}_${value}`; the value itself when there is no such key. */
  dynamic(locale: Locale, prefix: string, value: string): string;
  /** Whether `key` is one of the dictionary's keys. */
  has(key: string): key is K;
  /** The texts of a language as written, without fallback (for the completeness report). */
  raw(locale: Locale): Texts<K>;
}

/** Builds the lookup of an area from its Swedish texts and its other languages' texts. */
export function dictionary<K extends string>(sv: Readonly<Record<K, string>>, others: Partial<Record<Exclude<Locale, 'sv'>, Texts<K>>>): Dictionary<K> {
  const raw = (locale: Locale): Texts<K> => (locale === 'sv' ? sv : (others[locale] ?? {}));
  const has = (key: string): key is K => Object.hasOwn(sv, key);
  const text = (locale: Locale, key: K, params?: TextParams): string => fill(locale, raw(locale)[key] ?? sv[key], params);
  return {
    keys: Object.keys(sv) as K[],
    text,
    dynamic: (locale, prefix, value) => {
      const key = `${prefix}_${value}`;
      return has(key) ? text(locale, key) : value;
    },
    has,
    raw,
  };
}
