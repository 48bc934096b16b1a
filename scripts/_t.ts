import { defaultRuleset, checkText } from '../src/compliance/index';
const rs = defaultRuleset();
for (const t of process.argv.slice(2)) console.log(checkText(rs, t, { lang: 'sv' }).map(f => `${f.ruleId}/${f.certainty}/${f.confidence}`).join(' ') || 'none', '|', t);
