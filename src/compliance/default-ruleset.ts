/**
 * The ruleset built from the bundled rules/*.yaml (src/compliance/rules.generated.ts, made by
 * `npm run rules:bundle`), compiled once per isolate/process and cached.
 */
import { loadRuleset } from './loader';
import { loadModel } from './model-weights';
import { MODEL_DATA } from './model.generated';
import type { Ruleset } from './ruleset';
import { RULE_FILES } from './rules.generated';

let fast: Ruleset | undefined;
let verified: Ruleset | undefined;

/**
 * Returns the bundled ruleset. By default the rules' own examples are not re-run (that costs about a
 * second of CPU, too much for a Worker cold start); the test suite runs them on every change, so a
 * rule failing its examples cannot reach the bundle unnoticed. With `{ verify: true }` the examples run
 * and a failing rule is left out and listed in `ruleset.issues`.
 */
export function defaultRuleset(opts: { verify?: boolean } = {}): Ruleset {
  if (opts.verify) return (verified ??= withModel(loadRuleset(RULE_FILES, { strict: false })));
  return (fast ??= withModel(loadRuleset(RULE_FILES, { strict: false, skipExamples: true })));
}

/** Attaches the shipped model (scripts/train-model.ts) for possible findings. */
function withModel(rs: Ruleset): Ruleset {
  rs.model = loadModel(MODEL_DATA);
  return rs;
}
