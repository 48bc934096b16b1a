/**
 * Test helper: the rule files from rules/ on disk and a strictly loaded ruleset (cached).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset, type Ruleset } from '../../src/compliance/index';

export const ROOT = join(import.meta.dirname, '..', '..');

export function ruleFiles(): { path: string; text: string }[] {
  const dir = join(ROOT, 'rules');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `rules/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

let cached: Ruleset | undefined;
/** The rules on disk, loaded strictly (throws if any rule fails its examples). */
export function diskRuleset(): Ruleset {
  cached ??= loadRuleset(ruleFiles(), { strict: true, skipExamples: true });
  return cached;
}
