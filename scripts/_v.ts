import { loadRuleset, verifyExamples } from '../src/compliance/index';
import { ruleFiles } from '../tests/compliance/rules-on-disk';
const rs = loadRuleset(ruleFiles(), { skipExamples: true });
for (const i of verifyExamples(rs)) console.log(i.ruleId, i.field, i.message);
