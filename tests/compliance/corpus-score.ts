/**
 * Scores the engine on a labelled sentence corpus (JSON lines of {id, lang, text, expect}): per
 * rule true/false positives and misses, overall precision and recall, and which fine sentences
 * it flags. Shared by the held-out and the development corpus tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/compliance/index';
import type { Ruleset } from '../../src/compliance/index';
import { ROOT } from './rules-on-disk';

export interface Sentence {
  id: string;
  lang: string;
  text: string;
  expect: string[];
  note?: string;
}

export interface CorpusScore {
  sentences: Sentence[];
  /** One row per rule, plus OVERALL last. */
  rows: ScoreRow[];
  precision: number;
  recall: number;
  /** Fine sentences (expect: []) the engine flags, with the rules it flagged. */
  fineFlagged: { id: string; rules: string[] }[];
  fineCount: number;
}

/** Reads a corpus file relative to the project root. */
export function readCorpus(path: string): Sentence[] {
  return readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export interface ScoreRow {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/**
 * Per-rule true positives, false positives and misses of labelled items (sentences or pages),
 * with OVERALL as the last row, and the misses and wrong flags as readable lines.
 */
export function scoreLabelled(items: { name: string; expect: string[]; got: string[] }[]): { rows: ScoreRow[]; precision: number; recall: number; errors: string[] } {
  const stats = new Map<string, { tp: number; fp: number; fn: number }>();
  const st = (r: string) => stats.get(r) ?? (stats.set(r, { tp: 0, fp: 0, fn: 0 }), stats.get(r)!);
  const errors: string[] = [];
  for (const { name, expect, got } of items) {
    for (const r of new Set([...expect, ...got])) {
      if (expect.includes(r) && got.includes(r)) st(r).tp++;
      else if (got.includes(r)) (st(r).fp++, errors.push(`FP ${r} ${name}`));
      else (st(r).fn++, errors.push(`FN ${r} ${name}`));
    }
  }
  const total = { tp: 0, fp: 0, fn: 0 };
  const rows = [...stats.entries()].sort().map(([rule, s]) => {
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    return { rule, ...s, precision: +(s.tp / (s.tp + s.fp) || 0).toFixed(3), recall: +(s.tp / (s.tp + s.fn) || 0).toFixed(3) };
  });
  const precision = total.tp / (total.tp + total.fp);
  const recall = total.tp / (total.tp + total.fn);
  rows.push({ rule: 'OVERALL', ...total, precision: +precision.toFixed(3), recall: +recall.toFixed(3) });
  return { rows, precision, recall, errors };
}

/** Runs every sentence through `checkText` and scores the findings against the labels. */
export function scoreCorpus(rs: Ruleset, sentences: Sentence[]): CorpusScore {
  const results = sentences.map((s) => ({ s, got: [...new Set(checkText(rs, s.text, { lang: s.lang }).map((f) => f.ruleId))] }));
  const { rows, precision, recall } = scoreLabelled(results.map(({ s, got }) => ({ name: s.id, expect: s.expect, got })));
  const fine = results.filter(({ s }) => s.expect.length === 0);
  const fineFlagged = fine.filter(({ got }) => got.length > 0).map(({ s, got }) => ({ id: s.id, rules: got }));
  return { sentences, rows, precision, recall, fineFlagged, fineCount: fine.length };
}
