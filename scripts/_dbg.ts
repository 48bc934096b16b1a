import { diskRuleset } from '/work/wt/detect/tests/compliance/rules-on-disk';
import { analyse } from '/work/wt/detect/src/compliance/analyse';
import { textDocument } from '/work/wt/detect/src/compliance/document';
const rs = diskRuleset();
const a = analyse(textDocument(process.argv[2]), rs.index);
console.log(a.norm.join(' '));
console.log(a.sentenceLang);
for (let id=0; id<a.hits.length; id++) if (a.hits[id]) console.log(rs.index.terms.find(t=>t.id===id)?.text, a.hits[id], rs.index.languagesOf(id));
