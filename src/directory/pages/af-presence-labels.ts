/**
 * Interface text for AF-sourced presence and result figures on the provider page
 * (joined/left AF's lists, participants and weighted result). Kept beside the page so the
 * shared dictionary in views/i18n.ts stays untouched; plain words, Swedish and English.
 */
import type { Locale } from '../../views/i18n';

const LABELS = {
  sv: {
    afListed: 'Med i Arbetsförmedlingens listor',
    afSince: 'sedan {d}',
    afLeft: 'Fanns med {from} – {to}. Finns inte med i Arbetsförmedlingens senaste lista.',
    results: 'Resultat',
    resultsLine: '{n} deltagare · viktat resultatmått {s} ({p})',
    resultsSource: 'Källa: Arbetsförmedlingens resultatfil {f}, publicerad {d}.',
    resultsNote: 'Resultatmåttet är Arbetsförmedlingens eget. Det väger in hur långt från arbete deltagarna var.',
  },
  en: {
    afListed: "In Arbetsförmedlingen's lists",
    afSince: 'since {d}',
    afLeft: "Listed {from} – {to}. Not in Arbetsförmedlingen's latest list.",
    results: 'Results',
    resultsLine: '{n} participants · weighted result {s} ({p})',
    resultsSource: "Source: Arbetsförmedlingen's results file {f}, published {d}.",
    resultsNote: "The weighted result is Arbetsförmedlingen's own measure. It takes into account how far from work participants were.",
  },
} as const;

export type AfLabel = keyof (typeof LABELS)['sv'];

/** Translates an AF-figure label with `{name}` placeholders. */
export function afLabel(locale: Locale, key: AfLabel, params: Record<string, string | number> = {}): string {
  let s: string = LABELS[locale][key];
  for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
