/**
 * The one placeholder filler of every dictionary: `{name}` in a text becomes the value of
 * `name`. In right-to-left languages each value is isolated so it keeps its own direction.
 */
import { localeInfo, type Locale } from './locale-info';

/** Values for a text's `{name}` placeholders. */
export type TextParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. In right-to-left languages every value is isolated
 * (U+2068 … U+2069, the plain-text <bdi>), so a Latin name or a number keeps its own direction
 * and does not reorder the sentence around it.
 */
export function fill(locale: Locale, s: string, params?: TextParams): string {
  if (!params) return s;
  const rtl = localeInfo(locale).dir === 'rtl';
  for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(rtl && v !== '' ? `\u2068${v}\u2069` : String(v));
  return s;
}
