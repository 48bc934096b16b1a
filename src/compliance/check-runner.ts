/**
 * Where a self-check runs: a CheckRunner takes one job (text or HTML with options) and resolves to
 * the findings and the engine time. The inline runner calls the engine on the calling thread (the
 * Worker runtime, tests, the CLI); the Node entry passes a pool of worker threads instead
 * (check-pool.node.ts), so a 20 KB page never holds up the event loop that serves the directory.
 * Runtime-neutral.
 */
import { defaultRuleset } from './default-ruleset';
import { checkDetailed } from './engine';
import type { Ruleset } from './ruleset';
import type { CheckOptions, Finding } from './types';

export interface CheckJob {
  input: string;
  isHtml: boolean;
  opts: CheckOptions;
}

export interface CheckOutcome {
  findings: Finding[];
  /** Engine time in ms (two decimals), without any queueing before it. */
  ms: number;
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
  const { findings, languages } = checkDetailed(ruleset, job.input, job.isHtml, job.opts);
  return { findings, languages, ms: Math.round((performance.now() - started) * 100) / 100 };
}

/** A runner on the calling thread. */
export function inlineCheckRunner(ruleset?: Ruleset): CheckRunner {
  return async (job) => runCheckJob(job, ruleset);
}
