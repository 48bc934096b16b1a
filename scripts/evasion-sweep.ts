/**
 * Prints the evasion sweep (issue 14, item 3): every text flag example of every rule with the words
 * that carry its finding disguised by each evasion transform, and the share still found per
 * transform. Runs on the rules' own examples only (tuned-on material), never on a measurement corpus.
 *
 * Usage: npx tsx scripts/evasion-sweep.ts [--misses "TRANSFORM / MODE"]
 */
import { diskRuleset } from '../tests/compliance/rules-on-disk';
import { runEvasionSweep, summariseSweep } from '../tests/compliance/evasion-sweep';

const cases = runEvasionSweep(diskRuleset());
console.log('transform / mode'.padEnd(44) + 'cases  found  rate   same certainty');
for (const row of summariseSweep(cases)) {
  console.log(`${row.key.padEnd(44)}${String(row.cases).padStart(5)}  ${String(row.found).padStart(5)}  ${row.rate.toFixed(3)}  ${row.sameCertainty.toFixed(3)}`);
}
const missed = cases.filter((c) => c.found === null);
console.log(`missed ${missed.length} of ${cases.length}`);
const which = process.argv.indexOf('--misses');
if (which > 0) for (const m of missed.filter((c) => `${c.transform} / ${c.mode}` === process.argv[which + 1])) console.log(m.ruleId, JSON.stringify(m.text));
