/**
 * The key two provider names must share to be taken for one provider when no organisation
 * number links them (AF's workbooks name providers only by name): case, diacritics and
 * punctuation ignored, and a trailing legal form dropped, so "Exempel AB", "EXEMPEL
 * Aktiebolag" and "Exempel AB (publ)" are one key, but "Exempel Väst AB" is another.
 */
import { foldForSearch } from '../directory/text-fold';

const LEGAL_FORMS = [
  'aktiebolag', 'ab', 'publ', 'handelsbolag', 'hb', 'kommanditbolag', 'kb', 'ekonomisk forening', 'ek for', 'ek f',
  'ideell forening', 'stiftelse', 'enskild firma',
];

/** Normalised provider name for matching ('' for a name that is only a legal form). */
export function providerNameKey(name: string): string {
  let key = foldForSearch(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (key.endsWith(` ${form}`)) {
        key = key.slice(0, -form.length - 1).trim();
        changed = true;
      }
    }
  }
  return key;
}
