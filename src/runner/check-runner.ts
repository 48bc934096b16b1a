/**
 * Where a self-check runs: a CheckRunner takes one job (text or HTML with options) and resolves to
 * the findings and the engine time. The inline runner calls the engine on the calling thread (the
 * Worker runtime, tests, the CLI); the Node entry passes a pool of worker threads instead
 * (check-pool.node.ts), so a 20 KB page never holds up the event loop that serves the directory.
 * Runtime-neutral.
 */
import { defaultRuleset } from '../compliance/default-ruleset';
import { textDocument, type TruncationCap } from '../compliance/document';
import { runDocumentDetailed } from '../compliance/engine';
import { htmlDocument } from '../compliance/extract-html';
import type { Ruleset } from '../compliance/ruleset';
import { extractLinks, type ExtractedLinks } from '../web/links';
import { snapshotText } from '../compliance/snapshot-text';
import type { CheckOptions, Finding } from '../compliance/types';

export interface CheckJob {
  input: string;
  isHtml: boolean;
  opts: CheckOptions;
  /**
   * Who asks: 'form' (the public self-check form) may use the pool's reserved worker, so the form
   * answers while API or crawl checks fill the others. Default: any other caller.
   */
  lane?: 'form';
  /** Longest the job may run (a pool stops it after this; default: the pool's limit). */
  timeoutMs?: number;
  /** Also return the page's title and snapshot text (the crawler stores them). */
  snapshot?: boolean;
  /** Also return the page's links, resolved against `pageUrl` (the crawler follows them). */
  links?: { pageUrl: string };
  /** false = links only, no rules (an unchanged page). Default true. */
  analyse?: boolean;
}

export interface CheckOutcome {
  findings: Finding[];
  /** Engine time in ms (two decimals), without any queueing before it. */
  ms: number;
  /** Caps on hostile input that were hit (absent = the whole input was read); see extract-html.ts. */
  truncated?: TruncationCap[];
  /** With `snapshot`: the page title (at most 500 characters) and the extracted text as stored. */
  title?: string | null;
  text?: string;
  /** With `links`: the page's links (crawler/links.ts). */
  links?: ExtractedLinks;
  /** Languages detected in the input, most sentences first. */
  languages?: string[];
}

export type CheckRunner = (job: CheckJob) => Promise<CheckOutcome>;

/**
 * A runner could not run a job now: `busy` (its queue is full), `timeout` (the job ran too long and
 * was stopped) or `closed` (shutting down). Other errors are failures of the engine itself.
 */
export class CheckUnavailableError extends Error {
  constructor(
    public readonly reason: 'busy' | 'timeout' | 'closed',
    message: string,
  ) {
    super(message);
    this.name = 'CheckUnavailableError';
  }
}

/** Runs one job synchronously with `ruleset` (default: the bundled rules, compiled once). */
export function runCheckJob(job: CheckJob, ruleset: Ruleset = defaultRuleset()): CheckOutcome {
  const started = performance.now();
  const links = job.links ? extractLinks(job.input, job.links.pageUrl) : undefined;
  if (job.analyse === false) return { findings: [], ms: Math.round((performance.now() - started) * 100) / 100, links };
  const doc = job.isHtml ? htmlDocument(job.input) : textDocument(job.input);
  const { findings, languages } = runDocumentDetailed(ruleset, doc, job.opts);
  const outcome: CheckOutcome = { findings, languages, ms: Math.round((performance.now() - started) * 100) / 100 };
  if (doc.truncated) outcome.truncated = doc.truncated;
  if (links) outcome.links = links;
  if (job.snapshot) {
    outcome.title = doc.pieces.find((p) => p.part === 'title')?.text.slice(0, 500) ?? null;
    outcome.text = snapshotText(doc);
  }
  return outcome;
}

/** A runner on the calling thread. */
export function inlineCheckRunner(ruleset?: Ruleset): CheckRunner {
  return async (job) => runCheckJob(job, ruleset);
}
