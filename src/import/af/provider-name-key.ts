/**
 * The key two provider names must share to be taken for one provider when no organisation
 * number links them (AF's workbooks name providers only by name): case, diacritics and
 * punctuation ignored, "(publ)" dropped and a legal form written out or abbreviated counted
 * as one ("Exempel AB" = "EXEMPEL Aktiebolag" = "Exempel AB (publ)"). Different legal forms
 * stay different ("Exempel AB" ≠ "Exempel HB"): two firms must never become one by a guess.
 */
import { foldForSearch } from '../../lib/text-fold';

const FORMS: [RegExp, string][] = [
  [/ aktiebolag$/, ' ab'],
  [/ handelsbolag$/, ' hb'],
  [/ kommanditbolag$/, ' kb'],
  [/ (ekonomisk forening|ek forening|ek for|ek f)$/, ' ek for'],
];

/** Normalised provider name for matching. */
export function providerNameKey(name: string): string {
  let key = foldForSearch(name).replace(/ publ$/, '');
  for (const [re, short] of FORMS) key = key.replace(re, short);
  return key;
}
