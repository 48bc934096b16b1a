import { writeFileSync } from 'node:fs';
import { readCorpus } from '../tests/compliance/corpus-score';
import { diskRuleset } from '../tests/compliance/rules-on-disk';
import { checkText } from '../src/compliance/index';
const rs = diskRuleset();
const out: any = { corpora: {} };
for (const n of process.argv.slice(3)) {
  const path = n === 'tuned' ? 'tests/fixtures/copy/sentences.jsonl' : `tests/fixtures/copy/${n}/sentences.jsonl`;
  const perRule: any = {}; const perLanguage: any = {}; let tp=0, fp=0, fn=0, tpc=0, fpc=0, fine=0, fineFlag=0;
  for (const s of readCorpus(path)) {
    const fs = checkText(rs, s.text, { lang: s.lang });
    const got = new Set(fs.map(f => f.ruleId)); const cert = new Set(fs.filter(f=>f.certainty==='certain').map(f=>f.ruleId));
    if (!s.expect.length) { fine++; if (cert.size) fineFlag++; }
    for (const r of new Set([...s.expect, ...got])) {
      const e = (perRule[r] ??= { tp: 0, fn: 0, fp: 0 }); const l = (perLanguage[s.lang] ??= { tp: 0, fn: 0, fp: 0 });
      if (s.expect.includes(r) && got.has(r)) { e.tp++; l.tp++; tp++; } else if (got.has(r)) { e.fp++; l.fp++; fp++; } else { e.fn++; l.fn++; fn++; }
      if (cert.has(r)) { if (s.expect.includes(r)) tpc++; else fpc++; }
    }
  }
  out.corpora[n] = { precision: tp/(tp+fp), precisionCertain: tpc/(tpc+fpc), recall: tp/(tp+fn), recallCertain: tpc/(tp+fn), fineFlaggedRate: fineFlag/fine, perRule, perLanguage };
  console.log(n, 'P', (tp/(tp+fp)).toFixed(3), 'Pcert', (tpc/(tpc+fpc)).toFixed(3), 'R', (tp/(tp+fn)).toFixed(3), 'Rcert', (tpc/(tp+fn)).toFixed(3), 'fine certain-flagged', fineFlag, '/', fine, 'perLang', Object.entries(perLanguage).map(([l,v]:any)=>`${l}:${(v.tp/(v.tp+v.fn)).toFixed(2)}(${v.tp+v.fn})`).join(' '));
}
writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
