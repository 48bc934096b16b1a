/**
 * What a check covered, said honestly: which rules ran, which languages the rules have vocabulary
 * for, which languages the input was read in, and that a check without findings means "nothing
 * found", never "compliant". Shared by the API, the web form and the CLI.
 */
import { MEASURED_RECALL } from './recall.generated';
import type { Ruleset } from './ruleset';

export interface Coverage {
  /** Rule ids that ran. */
  rules: string[];
  /** Languages the rules have vocabulary for. */
  ruleLanguages: string[];
  /** Languages detected in the input, most sentences first ('und' = could not tell). */
  inputLanguages: string[];
  /** Measured recall (share of violations found) on copy the rules were not tuned on, when known. */
  measuredRecall: number | null;
  /** What the result means, in the requested language (sv or en). */
  note: string;
}

const NOTES = {
  sv: {
    none: 'Inga fynd. Det betyder inte att texten följer reglerna: kontrollen hittar de flesta men inte alla formuleringar{recall}. Granska texten själv mot reglerna.',
    some: 'Fynden är ledtrådar för en människa att bedöma. Kontrollen hittar de flesta men inte alla formuleringar{recall}, så fler överträdelser kan finnas.',
    recall: ' (uppmätt: {pct} % av överträdelserna i text som reglerna inte anpassats efter)',
  },
  en: {
    none: 'No findings. That does not mean the copy complies: the check catches most but not all wordings{recall}. Review the copy against the rules yourself.',
    some: 'Findings are leads for a person to judge. The check catches most but not all wordings{recall}, so there may be more violations.',
    recall: ' (measured: {pct}% of violations in copy the rules were not tuned on)',
  },
} as const;

/** The coverage statement of a check that ran `rules` (default all) and found `count` findings. */
export function checkCoverage(ruleset: Ruleset, opts: { rules?: string[]; lang?: string; count: number; inputLanguages?: string[] }): Coverage {
  const rules = opts.rules?.length ? ruleset.rules.filter((r) => opts.rules!.includes(r.id)).map((r) => r.id) : ruleset.rules.map((r) => r.id);
  const texts = opts.lang === 'sv' || opts.lang === undefined ? NOTES.sv : NOTES.en;
  const recall = MEASURED_RECALL.overall;
  const recallText = recall === null ? '' : texts.recall.replace('{pct}', String(Math.round(recall * 100)));
  return {
    rules,
    ruleLanguages: [...ruleset.languages],
    inputLanguages: opts.inputLanguages ?? [],
    measuredRecall: recall,
    note: (opts.count === 0 ? texts.none : texts.some).replace('{recall}', recallText),
  };
}
