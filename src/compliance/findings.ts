/**
 * Candidate token spans → Finding objects: merge overlapping matches of a rule, map to source
 * offsets, line and column, cut a context snippet, translate message/suggestion and fingerprint.
 */
import type { Analysis } from './analyse';
import { srcEnd, srcStart } from './document';
import { findingFingerprint } from './fingerprint';
import type { Candidate } from './matcher';
import type { CompiledRule, Ruleset } from './ruleset';
import type { CheckOptions, Finding } from './types';
import { severityRank } from './types';

const CONTEXT_CHARS = 60;

/** Merges overlapping or touching spans of the same rule inside the same piece. */
export function mergeCandidates(cands: Candidate[], a: Analysis): Candidate[] {
  const byRule = new Map<string, Candidate[]>();
  for (const c of cands) {
    const list = byRule.get(c.ruleId);
    if (list) list.push(c);
    else byRule.set(c.ruleId, [c]);
  }
  const out: Candidate[] = [];
  for (const list of byRule.values()) {
    list.sort((x, y) => x.first - y.first || x.last - y.last);
    let cur: Candidate | null = null;
    for (const c of list) {
      if (cur && c.first <= cur.last + 1 && a.piece[c.first] === a.piece[cur.first]) {
        cur.last = Math.max(cur.last, c.last);
        if (severityRank(c.severity) > severityRank(cur.severity)) cur.severity = c.severity;
      } else {
        if (cur) out.push(cur);
        cur = { ...c };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function localised(texts: Record<string, string>, lang: string): string {
  return texts[lang] ?? texts.sv;
}

/** Builds findings (document order, one per fingerprint). */
export function toFindings(cands: Candidate[], a: Analysis, ruleset: Ruleset, rulesById: Map<string, CompiledRule>, opts: CheckOptions): Finding[] {
  const lang = opts.lang ?? 'sv';
  let starts: number[] | undefined;
  const out: Finding[] = [];
  const seen = new Set<string>();
  const fingerprints = new Map<string, string>();
  const sorted = [...cands].sort((x, y) => x.first - y.first || x.ruleId.localeCompare(y.ruleId));
  for (const c of sorted) {
    const rule = rulesById.get(c.ruleId)!;
    const piece = a.doc.pieces[a.piece[c.first]];
    const ls = a.start[c.first];
    const le = a.end[c.last];
    const match = piece.text.slice(ls, le);
    const normalised = a.norm.slice(c.first, c.last + 1).join(' ');
    // Repeated sentences give the same rule + match: hash each distinct pair once.
    const key = `${c.ruleId}\u0000${normalised}`;
    let fingerprint = fingerprints.get(key);
    if (fingerprint === undefined) fingerprints.set(key, (fingerprint = findingFingerprint(c.ruleId, normalised, opts.pageUrl)));
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    let start = 0;
    let end = 0;
    let line = 0;
    let column = 0;
    if (piece.part !== 'url') {
      start = srcStart(piece, ls);
      end = srcEnd(piece, le);
      starts ??= lineStarts(a.doc.source);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const m = (lo + hi + 1) >> 1;
        if (starts[m] <= start) lo = m;
        else hi = m - 1;
      }
      line = lo + 1;
      column = start - starts[lo] + 1;
    }
    const before = piece.text.slice(Math.max(0, ls - CONTEXT_CHARS), ls);
    const after = piece.text.slice(le, le + CONTEXT_CHARS);
    const context = (
      (ls > CONTEXT_CHARS ? '…' : '') +
      before +
      match +
      after +
      (le + CONTEXT_CHARS < piece.text.length ? '…' : '')
    ).replace(/\s+/g, ' ').trim();
    out.push({
      ruleId: c.ruleId,
      severity: c.severity,
      message: localised(rule.spec.message, lang),
      suggestion: localised(rule.spec.suggestion, lang),
      link: rule.spec.link,
      match,
      start,
      end,
      line,
      column,
      context: piece.part === 'url' ? `page URL: ${piece.label ?? piece.text}` : piece.synthetic ? `JSON-LD: ${context}` : context,
      rulesetVersion: ruleset.version,
      fingerprint,
    });
  }
  return out;
}
