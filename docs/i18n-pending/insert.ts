// usage: tsx insert.ts file blockStartLiteral dict(public|selfcheck) json
import { readFileSync, writeFileSync } from 'node:fs';
import { MESSAGE_KEYS } from '../../src/views/i18n';
import { SELFCHECK_KEYS } from '../../src/selfcheck/texts';
const [file, startLit, dict, jsonFile] = process.argv.slice(2);
const order: string[] = dict === 'public' ? (MESSAGE_KEYS as string[]) : (SELFCHECK_KEYS as string[]);
const add: Record<string, string> = JSON.parse(readFileSync(jsonFile, 'utf8'));
const lines = readFileSync(file, 'utf8').split('\n');
const start = lines.findIndex((l) => l.includes(startLit));
if (start < 0) throw new Error('no block start ' + startLit);
const keyLine = lines[start + 1] ?? ''; 
let indent = '';
for (let i = start + 1; i < lines.length; i++) { const m = /^(\s+)[A-Za-z0-9_]+:/.exec(lines[i]); if (m) { indent = m[1]; break; } }
const q = (s: string) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/[\u2066-\u2069]/g, (c) => '\\u' + c.charCodeAt(0).toString(16)) + "'";
for (const k of order) {
  if (!(k in add)) continue;
  // locate block end each time
  let end = start + 1;
  const closeRe = new RegExp('^' + indent.slice(2) + '}');
  while (!closeRe.test(lines[end])) end++;
  const keys = new Map<string, number>();
  for (let i = start + 1; i < end; i++) { const m = new RegExp('^' + indent + '([A-Za-z0-9_]+):').exec(lines[i]); if (m) keys.set(m[1], i); }
  if (keys.has(k)) { console.error('exists', k); continue; }
  let at = start + 1;
  const idx = order.indexOf(k);
  for (let j = idx - 1; j >= 0; j--) {
    if (keys.has(order[j])) {
      let i = keys.get(order[j])! + 1;
      while (i < end && !new RegExp('^' + indent + '[A-Za-z0-9_]+:').test(lines[i])) i++;
      at = i; break;
    }
  }
  lines.splice(at, 0, `${indent}${k}: ${q(add[k])},`);
}
writeFileSync(file, lines.join('\n'));
console.log('ok', file, Object.keys(add).length);
