/**
 * Candidate token spans → Finding objects: merge overlapping matches of a rule, map to source
 * offsets, line and column, cut a context snippet, translate message/suggestion and fingerprint.
 */
import type { Analysis } from './analysis';
import { srcEnd, srcStart } from './document';
import { findingFingerprint } from './fingerprint';
import type { Candidate } from './matcher';
import type { CompiledRule, Ruleset } from './ruleset';
import type { CheckOptions, EvidenceSpan, Finding } from './types';
import { severityRank } from './types';

const CONTEXT_CHARS = 60;

/** The unit one violation lives in: the element an attribute came from, else the sentence. */
function unitOf(a: Analysis, t: number): string {
  const el = a.doc.pieces[a.piece[t]].element;
  return el !== undefined ? `e${el}` : `s${a.sentence[t]}`;
}

function absorb(into: Candidate, c: Candidate, a: Analysis): void {
  if (a.piece[c.first] === a.piece[into.first] && a.sentence[c.first] === a.sentence[into.first]) {
    into.first = Math.min(into.first, c.first);
    into.last = Math.max(into.last, c.last);
  } else if (a.piece[c.first] === a.piece[into.first] && c.first <= into.last + 1) {
    into.last = Math.max(into.last, c.last);
  } else {
    (into.extra ??= []).push([c.first, c.last]);
  }
  for (const x of c.extra ?? []) (into.extra ??= []).push(x);
  if (severityRank(c.severity) > severityRank(into.severity)) into.severity = c.severity;
  // A rule match makes the merged finding certain; keep the higher confidence.
  if ((c.certainty ?? 'certain') === 'certain') into.certainty = 'certain';
  if (into.certainty === 'certain') into.lead = undefined;
  // Between two leads, a rule's match says more than the model alone.
  else if (into.lead === 'model_only' && c.lead !== undefined) into.lead = c.lead;
  into.confidence = Math.max(into.confidence ?? 1, c.confidence ?? 1);
}

/**
 * One violation, one finding: candidates of the same rule in the same sentence, or from the same
 * element (an image's alt, title and file name), or overlapping in one piece, become one candidate
 * whose further spans are kept as evidence.
 */
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
    const byUnit = new Map<string, Candidate>();
    let prev: Candidate | null = null;
    for (const c of list) {
      const unit = unitOf(a, c.first);
      const target = byUnit.get(unit) ?? (prev && c.first <= prev.last + 1 && a.piece[c.first] === a.piece[prev.first] ? prev : undefined);
      if (target) {
        absorb(target, c, a);
        byUnit.set(unit, target);
        continue;
      }
      // One object shape for every merged candidate (the inputs come in several: clause matches,
      // model candidates, ones the model gave a confidence); a spread copied each shape apart.
      const fresh: Candidate = {
        ruleId: c.ruleId,
        severity: c.severity,
        first: c.first,
        last: c.last,
        certainty: c.certainty,
        confidence: c.confidence,
        lead: c.lead,
        extra: c.extra ? [...c.extra] : undefined,
      };
      byUnit.set(unit, fresh);
      out.push(fresh);
      prev = fresh;
    }
  }
  return out;
}

/** Source offsets and visible text of the token span [f, l] (0, 0 for the page URL). */
function spanOf(a: Analysis, f: number, l: number): EvidenceSpan {
  const piece = a.doc.pieces[a.piece[f]];
  const ls = a.start[f];
  const le = a.end[l];
  const match = piece.text.slice(ls, le);
  if (piece.part === 'url') return { start: 0, end: 0, match };
  return { start: srcStart(piece, ls), end: srcEnd(piece, le), match };
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
    let line = 0;
    let column = 0;
    const { start, end } = spanOf(a, c.first, c.last);
    if (piece.part !== 'url') {
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
    const evidence: EvidenceSpan[] = [{ start, end, match }];
    for (const [f, l] of c.extra ?? []) {
      const sp = spanOf(a, f, l);
      if (!evidence.some((e) => e.start === sp.start && e.end === sp.end)) evidence.push(sp);
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
      confidence: Math.round((c.confidence ?? 1) * 1000) / 1000,
      certainty: c.certainty ?? 'certain',
      ...(c.certainty === 'possible' ? { possibleReason: c.lead ?? 'model_only' } : {}),
      language: a.sentenceLang[a.sentence[c.first]] ?? 'und',
      evidence,
    });
  }
  return out;
}
