/**
 * Runs one self-check: validates the rule ids and language against the loaded ruleset, gets the
 * input (text, HTML or a fetched page) and calls the rule engine. Shared by the JSON API; the web
 * form calls `checkInput` directly.
 */
import { checkCoverage, defaultRuleset, type Coverage, type Finding, type Ruleset, type Severity } from '../compliance';
import { CheckUnavailableError, inlineCheckRunner, type CheckRunner } from '../runner/check-runner';
import type { AppDeps } from '../http/env';
import { AppError } from '../http/errors';
import type { TruncationCap } from '../compliance/document';
import { InFlightLimiter } from './check-fairness';
import type { CheckRequest } from './schemas';
import { fetchPageForCheck } from './url-source';

/**
 * The bundled ruleset as the API, the form and the CLI use it: compiled once, without re-running the
 * rules' own examples (the test suite verifies them; on Workers that would cost ~2 s of CPU on every
 * cold start).
 */
export function apiRuleset(): Ruleset {
  return defaultRuleset({ verify: false });
}

export interface CheckResult {
  rulesetVersion: string;
  findings: Finding[];
  /** Which rules ran, in which languages, and what "no findings" means. */
  coverage: Coverage;
  stats: { characters: number; ms: number };
  /** Caps on hostile input that were hit (absent = read whole). */
  truncated?: TruncationCap[];
  url?: string;
}

/** Who runs a check and how: the caller keys its in-flight limit counts against, its lane, its time limit. */
export interface CheckCaller {
  /** E.g. "key:12", "ip:192.0.2.1" (CHECKS_PER_CALLER applies to each). */
  keys: string[];
  /** 'form' may use the pool's worker reserved for the public form. */
  lane?: 'form';
}

const limiters = new WeakMap<AppDeps, InFlightLimiter>();

/** The in-flight limiter of one app (one per app, so apps in one process, e.g. tests, do not share counts). */
export function checkLimiterOf(deps: AppDeps): InFlightLimiter {
  let l = limiters.get(deps);
  if (!l) limiters.set(deps, (l = new InFlightLimiter()));
  return l;
}

/** Runs `fn` holding one of the caller's check slots (429 too_many_checks when none frees up in time). */
export async function withCallerSlot<T>(deps: AppDeps, caller: CheckCaller | undefined, fn: () => Promise<T>): Promise<T> {
  if (!caller || !caller.keys.length) return fn();
  const release = await checkLimiterOf(deps).acquire(caller.keys, deps.config.CHECKS_PER_CALLER ?? 2);
  try {
    return await fn();
  } finally {
    release();
  }
}

export interface InputOptions {
  lang?: string;
  minSeverity?: Severity;
  minConfidence?: number;
  certainty?: 'certain' | 'possible';
  rules?: string[];
  pageUrl?: string;
}

/** Throws 422 naming "rules" / "lang" when they are not in the ruleset. */
export function validateAgainstRuleset(ruleset: Ruleset, opts: { rules?: string[]; lang?: string }): void {
  if (opts.rules) {
    const known = new Set(ruleset.rules.map((r) => r.id));
    const unknown = [...new Set(opts.rules.filter((id) => !known.has(id)))];
    if (unknown.length) {
      throw new AppError(422, 'unknown_rule', `Unknown rule id${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 10).join(', ')}. GET /api/v1/rules lists the rules.`, 'rules');
    }
  }
  if (opts.lang && !ruleset.languages.includes(opts.lang)) {
    throw new AppError(422, 'unsupported_language', `Language "${opts.lang}" is not supported; use one of ${ruleset.languages.join(', ')}.`, 'lang');
  }
}

const inline = inlineCheckRunner();

/** The app's way of running checks: its worker-thread pool on Node, else this thread. */
function runnerOf(deps: AppDeps): CheckRunner {
  return deps.checkRunner ?? inline;
}

/** 503 for a check the runner could not run now (busy, too slow, shutting down). */
function unavailable(err: CheckUnavailableError): AppError {
  if (err.reason === 'timeout') {
    return new AppError(503, 'check_timeout', `${err.message} Send a shorter text, or the page in parts (or its HTML instead of its URL).`);
  }
  if (err.reason === 'busy') {
    return new AppError(503, 'checks_busy', 'Too many checks are waiting right now; try again in a few seconds.', undefined, { 'Retry-After': '5' });
  }
  return new AppError(503, 'checks_unavailable', `${err.message} Try again in a few seconds.`, undefined, { 'Retry-After': '5' });
}

/**
 * Checks text or HTML with the bundled ruleset; `stats.ms` is the engine's own time. With a caller,
 * the check counts against the caller's in-flight limit; `timeoutMs` overrides the runner's limit.
 */
export async function checkInput(
  deps: AppDeps,
  input: string,
  isHtml: boolean,
  opts: InputOptions = {},
  caller?: CheckCaller,
  timeoutMs?: number,
): Promise<CheckResult> {
  return withCallerSlot(deps, caller, () => engineCheck(deps, input, isHtml, opts, caller?.lane, timeoutMs));
}

async function engineCheck(deps: AppDeps, input: string, isHtml: boolean, opts: InputOptions, lane?: 'form', timeoutMs?: number): Promise<CheckResult> {
  const engineOpts = { lang: opts.lang, minSeverity: opts.minSeverity, minConfidence: opts.minConfidence, certainty: opts.certainty, rules: opts.rules, pageUrl: opts.pageUrl };
  const { findings, ms, truncated, languages } = await runnerOf(deps)({ input, isHtml, opts: engineOpts, lane, timeoutMs }).catch((err: unknown) => {
    throw err instanceof CheckUnavailableError ? unavailable(err) : err;
  });
  const coverage = checkCoverage(apiRuleset(), { rules: opts.rules, lang: opts.lang, count: findings.length, inputLanguages: languages });
  const result: CheckResult = { rulesetVersion: apiRuleset().version, findings, coverage, stats: { characters: input.length, ms } };
  if (truncated?.length) result.truncated = truncated;
  return result;
}

/**
 * Runs a validated API request for `caller`. A URL check holds the caller's slot while the page is
 * fetched too, and its engine time is limited by CHECK_URL_TIMEOUT_MS.
 */
export async function runCheck(deps: AppDeps, req: CheckRequest, caller?: CheckCaller): Promise<CheckResult> {
  validateAgainstRuleset(apiRuleset(), req);
  const opts: InputOptions = { lang: req.lang, minSeverity: req.minSeverity, minConfidence: req.minConfidence, certainty: req.certainty, rules: req.rules };
  return withCallerSlot(deps, caller, async () => {
    if (req.text !== undefined) return engineCheck(deps, req.text, false, opts);
    if (req.html !== undefined) return engineCheck(deps, req.html, true, opts);
    const page = await fetchPageForCheck(deps, req.url!);
    const result = await engineCheck(deps, page.html, true, { ...opts, pageUrl: page.finalUrl }, undefined, deps.config.CHECK_URL_TIMEOUT_MS ?? 5_000);
    return { ...result, url: page.finalUrl };
  });
}
