/**
 * The rule engine entry points: checkText and checkHtml run a compiled ruleset over plain text or an
 * HTML page and return findings. Runtime-neutral (no node: imports); synchronous.
 */
import { analyse, ColumnBuffers } from './analyse';
import { languageParityCheck } from './checks/language-parity';
import { ratingCheck } from './checks/rating';
import { EvalContext } from './context';
import type { Piece, SourceDocument } from './document';
import { textDocument } from './document';
import { htmlDocument } from './extract-html';
import { mergeCandidates, toFindings } from './findings';
import type { Candidate } from './matcher';
import { matchRule } from './matcher';
import { modelCandidates } from './model';
import { downgradeUnvoiced } from './speaker';
import type { CompiledRule, Ruleset } from './ruleset';
import type { CheckOptions, Finding } from './types';
import { severityRank } from './types';

const rulesByIdCache = new WeakMap<Ruleset, Map<string, CompiledRule>>();

function rulesById(ruleset: Ruleset): Map<string, CompiledRule> {
  let m = rulesByIdCache.get(ruleset);
  if (!m) rulesByIdCache.set(ruleset, (m = new Map(ruleset.rules.map((r) => [r.id, r]))));
  return m;
}

/** The page's host name in lower case, or undefined without a (valid) page URL. */
function pageHost(pageUrl?: string): string | undefined {
  if (!pageUrl) return undefined;
  try {
    return new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * True when the page is on an official (AF) domain: the text is Arbetsförmedlingen speaking about its
 * own programme, so no rule about a provider's marketing applies to it (issue 14, round 5: who speaks).
 */
export function isOfficialPage(ruleset: Ruleset, pageUrl?: string): boolean {
  const host = pageHost(pageUrl);
  return host !== undefined && ruleset.officialDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Adds the page host as a `url` piece unless it is an official (AF) domain. */
function withUrlPiece(doc: SourceDocument, ruleset: Ruleset, pageUrl?: string): SourceDocument {
  const host = pageHost(pageUrl);
  if (host === undefined || isOfficialPage(ruleset, pageUrl)) return doc;
  const zone = Math.max(0, ...doc.pieces.map((p) => p.zone)) + 1;
  const text = host.replace(/[.-]/g, ' ');
  const piece: Piece = { part: 'url', text, base: 0, mapStart: new Int32Array(text.length), mapEnd: new Int32Array(text.length), zone, section: -1, synthetic: true, label: host };
  return { ...doc, pieces: [...doc.pieces, piece] };
}

/** Findings plus what was checked: the languages detected in the input (sentence counts). */
export interface DocumentResult {
  findings: Finding[];
  /** Languages detected in the input, most sentences first ('und' = could not tell). */
  languages: string[];
}

/** Runs the (optionally filtered) ruleset over a document. */
export function runDocument(ruleset: Ruleset, doc: SourceDocument, opts: CheckOptions = {}): Finding[] {
  return runDocumentDetailed(ruleset, doc, opts).findings;
}

/**
 * Token columns lent from one run to the next (the Analysis never leaves a run), so checking
 * document after document does not first-touch fresh megabytes each time. Kept up to 2^18 tokens
 * (texts up to about a megabyte; 45 bytes a token, so at most 12 MB held); a larger document's
 * columns are dropped after it.
 */
let spareColumns: ColumnBuffers | null = null;
const KEEP_COLUMNS = 1 << 18;

/** runDocument, also saying which languages the input was read in. */
export function runDocumentDetailed(ruleset: Ruleset, doc: SourceDocument, opts: CheckOptions = {}): DocumentResult {
  const columns = spareColumns ?? new ColumnBuffers();
  spareColumns = null;
  try {
    return runWithColumns(ruleset, doc, opts, columns);
  } finally {
    columns.release();
    if (columns.cap <= KEEP_COLUMNS) spareColumns = columns;
  }
}

function runWithColumns(ruleset: Ruleset, doc: SourceDocument, opts: CheckOptions, columns: ColumnBuffers): DocumentResult {
  const byId = rulesById(ruleset);
  const wanted = opts.rules ? new Set(opts.rules) : null;
  // AF's own pages are AF speaking, not a provider marketing itself: nothing to check.
  const official = isOfficialPage(ruleset, opts.pageUrl);
  const rules = official ? [] : ruleset.rules.filter((r) => !wanted || wanted.has(r.id));
  const a = analyse(withUrlPiece(doc, ruleset, opts.pageUrl), ruleset.index, columns);
  const ctx = new EvalContext(a);
  let cands: Candidate[] = [];
  const meta: CompiledRule[] = [];
  for (const rule of rules) {
    cands.push(...matchRule(ctx, rule));
    for (const check of rule.checks) {
      if (check.type === 'rating_vs_provider') cands.push(...ratingCheck(ctx, rule, check, opts.provider));
      else if (!meta.includes(rule)) meta.push(rule);
    }
  }
  // The learned second opinion: possible findings where no clause matched, confidence for the rest.
  if (ruleset.model && opts.model !== false && !official) cands.push(...modelCandidates(ctx, ruleset.model, rules, cands));
  // A claim nobody can be heard making as the provider is a lead, not a certain finding.
  downgradeUnvoiced(ctx, rules, cands, opts.provider !== undefined);
  // Meta rules look at the other rules' matches, so they run last.
  for (const rule of meta)
    for (const check of rule.checks)
      if (check.type === 'language_parity') cands.push(...languageParityCheck(ctx, rule, check, cands.filter((c) => c.certainty !== 'possible')));
  cands = mergeCandidates(cands, a);
  if (opts.minSeverity) {
    const min = severityRank(opts.minSeverity);
    cands = cands.filter((c) => severityRank(c.severity) >= min);
  }
  let findings = toFindings(cands, a, ruleset, byId, opts);
  if (opts.certainty) findings = findings.filter((f) => f.certainty === opts.certainty);
  if (opts.minConfidence !== undefined) findings = findings.filter((f) => f.confidence >= opts.minConfidence!);
  return { findings, languages: languageCounts(a.sentenceLang) };
}

function languageCounts(langs: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([l]) => l);
}

/** Checks plain text. Offsets are into `text`. */
export function checkText(ruleset: Ruleset, text: string, opts: CheckOptions = {}): Finding[] {
  return runDocument(ruleset, textDocument(text), opts);
}

/** Checks an HTML page. Offsets are into the HTML source; `match` is the extracted visible text. */
export function checkHtml(ruleset: Ruleset, html: string, opts: CheckOptions = {}): Finding[] {
  return runDocument(ruleset, htmlDocument(html), opts);
}

/** checkText/checkHtml with the detected input languages. */
export function checkDetailed(ruleset: Ruleset, input: string, isHtml: boolean, opts: CheckOptions = {}): DocumentResult {
  return runDocumentDetailed(ruleset, isHtml ? htmlDocument(input) : textDocument(input), opts);
}

/** checkText or checkHtml by flag (used by the example runner and the CLI). */
export function runRules(ruleset: Ruleset, input: string, isHtml: boolean, opts: CheckOptions = {}): Finding[] {
  return isHtml ? checkHtml(ruleset, input, opts) : checkText(ruleset, input, opts);
}
