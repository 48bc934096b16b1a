/**
 * Lists, per public language, the dictionary keys without a text (the pages show Swedish for
 * them), keys out of Swedish order and placeholder mismatches. Use it after adding sv/en keys:
 *
 *   npx tsx scripts/i18n-missing.ts           # report; exit 0
 *   npx tsx scripts/i18n-missing.ts --strict  # exit 1 when anything is missing or wrong
 */
import { languagesAwaitingReview, translationReport } from '../src/i18n/report';

const strict = process.argv.includes('--strict');
let problems = 0;
for (const r of translationReport()) {
  const issues = r.missing.length + r.outOfOrder.length + r.placeholderMismatch.length;
  if (!issues) continue;
  problems += issues;
  console.log(`${r.locale}  ${r.dictionary}  (${r.file})`);
  if (r.missing.length) console.log(`  missing, shown in Swedish (${r.missing.length}): ${r.missing.join(', ')}`);
  if (r.outOfOrder.length) console.log(`  not in Swedish key order: ${r.outOfOrder.join(', ')}`);
  for (const p of r.placeholderMismatch) console.log(`  placeholders of ${p.key}: expected {${p.expected.join('}, {')}}, found {${p.found.join('}, {')}}`);
}
if (!problems) console.log('Every public language has every key, in Swedish order, with the right placeholders.');
console.log(`Awaiting native review: ${languagesAwaitingReview().join(', ') || 'none'}`);
if (strict && problems) process.exit(1);
