// usage: tsx replace.ts file json  — replaces single-line `    key: '...',` entries
import { readFileSync, writeFileSync } from 'node:fs';
const [file, jsonFile] = process.argv.slice(2);
const upd: Record<string, string> = JSON.parse(readFileSync(jsonFile, 'utf8'));
const q = (s: string) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/[\u2066-\u2069]/g, (c) => '\\u' + c.charCodeAt(0).toString(16)) + "'";
let src = readFileSync(file, 'utf8');
for (const [k, v] of Object.entries(upd)) {
  const re = new RegExp(`^(    ${k}: ).*,$`, 'm');
  if (!re.test(src)) { console.error('not found', k); continue; }
  src = src.replace(re, (_m, p) => `${p}${q(v)},`);
}
writeFileSync(file, src);
console.log('replaced', file);
