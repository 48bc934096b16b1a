/**
 * Certainty-aware scoring of a labelled copy corpus: precision over *certain* findings, recall over
 * certain + possible findings and over certain ones only, per rule, per language and per kind, the
 * share of fine items flagged as certain, and the hit rate on evasion variants. Shared by
 * `scripts/evaluate-corpora.ts` and the blind-corpus gate, so the published figures and the gates
 * are computed the same way.
 *
 * A finding with `certainty === 'possible'` is a possible finding; a finding without the field (the
 * engine before issue 14) or with any other value is certain. Per item and rule, one certain finding
 * makes the rule certain for that item.
 */
import { checkText, type Finding, type Ruleset } from '../../src/compliance/index';
import type { Sentence } from './corpus-score';

/** A corpus item: the shared sentence shape plus the optional round-4 fields. */
export interface CorpusItem extends Sentence {
  kind?: string;
  evasion?: boolean;
  mixed?: string[];
}

/** What the engine said about one item, reduced to rule ids by certainty. */
export interface ItemResult {
  item: CorpusItem;
  certain: string[];
  possible: string[];
}

/** Counts and ratios for one slice (overall, a rule, a language or a kind). */
export interface SliceMetrics {
  /** Items in the slice (for a rule: items labelled with it). */
  items: number;
  /** Labels found by any finding (certain or possible). */
  tp: number;
  /** Labels found by no finding. */
  fn: number;
  /** Certain findings of a rule the item is not labelled with. */
  fp: number;
  /** Labels found by a certain finding. */
  tpCertain: number;
  /** Possible-only findings of a rule the item is not labelled with. */
  fpPossible: number;
  /** tpCertain / (tpCertain + fp); null when there is no certain finding. */
  precision: number | null;
  /** tp / (tp + fn); null when the slice has no labels. */
  recall: number | null;
  /** tpCertain / (tp + fn); null when the slice has no labels. */
  recallCertain: number | null;
}

export interface EvasionMetrics {
  items: number;
  /** Evasion items whose every label was found (certain or possible). */
  hit: number;
  /** Evasion items whose every label was found by a certain finding. */
  hitCertain: number;
  rate: number | null;
  rateCertain: number | null;
}

export interface CorpusMetrics extends SliceMetrics {
  fineItems: number;
  /** Fine items (expect: []) with at least one certain finding. */
  fineFlagged: number;
  /** fineFlagged / fineItems. */
  fineFlaggedRate: number | null;
  /** Fine items with any finding, certain or possible. */
  fineFlaggedAny: number;
  evasion: EvasionMetrics;
  perRule: Record<string, SliceMetrics>;
  perLanguage: Record<string, SliceMetrics & { fineItems: number; fineFlagged: number; fineFlaggedRate: number | null }>;
  perKind: Record<string, SliceMetrics & { fineItems: number; fineFlagged: number; fineFlaggedRate: number | null }>;
}

/** True when a finding is only a possible one (the learned second opinion of issue 14). */
export function isPossible(f: Finding): boolean {
  return (f as Finding & { certainty?: string }).certainty === 'possible';
}

/**
 * Runs one item through the engine as the self-check does: plain text, the bundled ruleset, and the
 * item's language as the hint when the ruleset knows that language (the self-check passes its UI
 * locale; the hint only chooses the language of messages today).
 */
export function runItem(rs: Ruleset, item: CorpusItem): ItemResult {
  const lang = rs.languages.includes(item.lang) ? item.lang : undefined;
  const findings = checkText(rs, item.text, lang ? { lang } : {});
  const certain = new Set<string>();
  const any = new Set<string>();
  for (const f of findings) {
    any.add(f.ruleId);
    if (!isPossible(f)) certain.add(f.ruleId);
  }
  return { item, certain: [...certain].sort(), possible: [...any].filter((r) => !certain.has(r)).sort() };
}

const ratio = (n: number, d: number): number | null => (d > 0 ? +(n / d).toFixed(3) : null);

interface Tally {
  items: number;
  tp: number;
  fn: number;
  fp: number;
  tpCertain: number;
  fpPossible: number;
}

const empty = (): Tally => ({ items: 0, tp: 0, fn: 0, fp: 0, tpCertain: 0, fpPossible: 0 });

function finish(t: Tally): SliceMetrics {
  return {
    ...t,
    precision: ratio(t.tpCertain, t.tpCertain + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
    recallCertain: ratio(t.tpCertain, t.tp + t.fn),
  };
}

/** Adds one item's outcome for the rules in `only` (all rules when undefined) to a tally. */
function tallyItem(t: Tally, r: ItemResult, only?: string): void {
  const expect = new Set(r.item.expect);
  const certain = new Set(r.certain);
  const possible = new Set(r.possible);
  for (const rule of new Set([...expect, ...certain, ...possible])) {
    if (only && rule !== only) continue;
    if (expect.has(rule)) {
      if (certain.has(rule)) (t.tp++, t.tpCertain++);
      else if (possible.has(rule)) t.tp++;
      else t.fn++;
    } else if (certain.has(rule)) t.fp++;
    else t.fpPossible++;
  }
}

/** Scores engine results against their labels. `ruleIds` lists every rule to report (even unseen). */
export function scoreResults(results: ItemResult[], ruleIds: string[] = []): CorpusMetrics {
  const overall = empty();
  const rules = new Map<string, Tally>(ruleIds.map((id) => [id, empty()]));
  const langs = new Map<string, Tally & { fineItems: number; fineFlagged: number }>();
  const kinds = new Map<string, Tally & { fineItems: number; fineFlagged: number }>();
  const ev = { items: 0, hit: 0, hitCertain: 0 };
  let fineItems = 0;
  let fineFlagged = 0;
  let fineFlaggedAny = 0;
  for (const r of results) {
    overall.items++;
    tallyItem(overall, r);
    for (const rule of new Set([...r.item.expect, ...r.certain, ...r.possible])) {
      if (!rules.has(rule)) rules.set(rule, empty());
      const t = rules.get(rule)!;
      if (r.item.expect.includes(rule)) t.items++;
      tallyItem(t, r, rule);
    }
    const fine = r.item.expect.length === 0;
    if (fine) {
      fineItems++;
      if (r.certain.length) fineFlagged++;
      if (r.certain.length || r.possible.length) fineFlaggedAny++;
    }
    for (const [map, key] of [[langs, r.item.lang], [kinds, r.item.kind]] as const) {
      if (!key) continue;
      if (!map.has(key)) map.set(key, { ...empty(), fineItems: 0, fineFlagged: 0 });
      const t = map.get(key)!;
      t.items++;
      tallyItem(t, r);
      if (fine) (t.fineItems++, r.certain.length && t.fineFlagged++);
    }
    if (r.item.evasion) {
      ev.items++;
      if (r.item.expect.every((e) => r.certain.includes(e) || r.possible.includes(e))) ev.hit++;
      if (r.item.expect.every((e) => r.certain.includes(e))) ev.hitCertain++;
    }
  }
  const sliced = (m: Map<string, Tally & { fineItems: number; fineFlagged: number }>) =>
    Object.fromEntries(
      [...m.entries()]
        .sort(([a, x], [b, y]) => y.items - x.items || a.localeCompare(b))
        .map(([k, t]) => [k, { ...finish(t), fineItems: t.fineItems, fineFlagged: t.fineFlagged, fineFlaggedRate: ratio(t.fineFlagged, t.fineItems) }]),
    );
  return {
    ...finish(overall),
    fineItems,
    fineFlagged,
    fineFlaggedRate: ratio(fineFlagged, fineItems),
    fineFlaggedAny,
    evasion: { ...ev, rate: ratio(ev.hit, ev.items), rateCertain: ratio(ev.hitCertain, ev.items) },
    perRule: Object.fromEntries([...rules.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, finish(t)])),
    perLanguage: sliced(langs),
    perKind: sliced(kinds),
  };
}

/** Runs and scores a whole corpus with the given ruleset. */
export function evaluateCorpus(rs: Ruleset, items: CorpusItem[]): { metrics: CorpusMetrics; results: ItemResult[] } {
  const results = items.map((item) => runItem(rs, item));
  return { metrics: scoreResults(results, rs.rules.map((r) => r.id)), results };
}
