/**
 * Worker-thread entry of the Node check pool (check-pool.node.ts): compiles the bundled ruleset once,
 * says { ready: true }, then answers each { id, job } message with { id, outcome } or { id, error }.
 * Node-only.
 */
import { parentPort } from 'node:worker_threads';
import { runCheckJob, type CheckJob } from './check-runner';
import { defaultRuleset } from '../compliance/default-ruleset';

const ruleset = defaultRuleset();
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (msg: { id: number; job: CheckJob }) => {
  try {
    parentPort!.postMessage({ id: msg.id, outcome: runCheckJob(msg.job, ruleset) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
