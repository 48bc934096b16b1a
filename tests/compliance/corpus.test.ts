// The labelled corpus (tests/fixtures/copy): precision/recall per rule and overall (gated overall at
// P ≥ 0.95, R ≥ 0.90), evasion variants of flagged sentences, and negated/explanatory sentences.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { checkHtml, checkText, type Finding, type ProviderFacts } from '../../src/compliance/index';
import { readCorpus, scoreLabelled, type Sentence } from './corpus-score';
import { ROOT, diskRuleset } from './rules-on-disk';

const rs = diskRuleset();
const DIR = join(ROOT, 'tests/fixtures/copy');
const sentences: Sentence[] = existsSync(join(DIR, 'sentences.jsonl')) ? readCorpus('tests/fixtures/copy/sentences.jsonl') : [];
const labels: Record<string, { expect: string[]; url?: string; provider?: ProviderFacts }> = existsSync(join(DIR, 'pages/labels.json'))
  ? JSON.parse(readFileSync(join(DIR, 'pages/labels.json'), 'utf8'))
  : {};

const ids = (fs: Finding[]) => [...new Set(fs.map((f) => f.ruleId))];

describe('corpus precision and recall', () => {
  it('has a corpus to measure against', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(labels).length).toBeGreaterThanOrEqual(30);
  });

  it('reaches precision ≥ 0.95 and recall ≥ 0.90 overall (per-rule figures printed)', () => {
    const items = sentences.map((s) => ({ name: s.id, expect: s.expect, got: ids(checkText(rs, s.text)) }));
    for (const [file, l] of Object.entries(labels)) {
      const html = readFileSync(join(DIR, 'pages', file), 'utf8');
      items.push({ name: file, expect: l.expect, got: ids(checkHtml(rs, html, { pageUrl: l.url, provider: l.provider })) });
    }
    const { rows, precision, recall, errors } = scoreLabelled(items);
    console.log(`corpus: ${sentences.length} sentences, ${Object.keys(labels).length} pages`);
    console.table(rows);
    if (errors.length) console.log(errors.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

// --- evasion -----------------------------------------------------------------------------------
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у' };
const LEET: Record<string, string> = { e: '3', o: '0', a: '4', i: '1', s: '5' };
const WORD = /[\p{L}\p{M}]+/gu;

/** Applies `fn` to every word inside [start, end) of text. */
function inSpan(text: string, start: number, end: number, fn: (w: string) => string): string {
  return text.slice(0, start) + text.slice(start, end).replace(WORD, fn) + text.slice(end);
}
const EVASIONS: Record<string, (w: string) => string> = {
  homoglyphs: (w) => w.replace(/[aeopcxy]/g, (c) => CYRILLIC[c]),
  'zero-width': (w) => [...w].join('\u200B'),
  'soft hyphens': (w) => [...w].join('\u00AD'),
  spacing: (w) => (w.length > 1 ? ` ${[...w].join(' ')} ` : w),
  leetspeak: (w) => w.replace(/(?<=\p{L})[eoais](?=\p{L})/gu, (c) => LEET[c]),
  'upper case': (w) => w.toUpperCase(),
};

const flagged = sentences.filter((s) => s.expect.length > 0);
describe.each(Object.keys(EVASIONS))('evasion by %s', (name) => {
  it(`every flagged corpus sentence is still flagged (${flagged.length} sentences)`, () => {
    const missed: string[] = [];
    for (const s of flagged) {
      const original = checkText(rs, s.text);
      for (const f of original) {
        if (!s.expect.includes(f.ruleId)) continue;
        const variant = inSpan(s.text, f.start, f.end, EVASIONS[name]);
        if (variant === s.text) continue;
        const again = checkText(rs, variant).filter((g) => g.ruleId === f.ruleId);
        if (again.length === 0) missed.push(`${s.id} ${f.ruleId}: ${variant}`);
        for (const g of again) expect(variant.slice(g.start, g.end)).toBe(g.match);
      }
    }
    expect(missed).toEqual([]);
  });
});

// --- negation and explanation ------------------------------------------------------------------
const NEGATED = /negat|explain|förklar|rule|regel|fact|neutral|warn/i;
describe('negated and explanatory sentences', () => {
  const cases = sentences.filter((s) => s.expect.length === 0 && NEGATED.test(s.note ?? ''));
  it('are in the corpus', () => expect(cases.length).toBeGreaterThan(20));
  it.each(cases.map((s) => [s.id, s.text] as const))('%s is not flagged: %s', (_id, text) => {
    expect(checkText(rs, text).map((f) => `${f.ruleId}: ${f.match}`)).toEqual([]);
  });
});

// --- offsets -------------------------------------------------------------------------------------
describe('offsets map back to the original input', () => {
  it('text: the slice start..end is the match, line/column agree', () => {
    let n = 0;
    for (const s of sentences) {
      const text = `Rubrik\n\n  ${s.text}\n`;
      for (const f of checkText(rs, text)) {
        n++;
        expect(text.slice(f.start, f.end)).toBe(f.match);
        const before = text.slice(0, f.start).split('\n');
        expect(f.line).toBe(before.length);
        expect(f.column).toBe(before[before.length - 1].length + 1);
      }
    }
    expect(n).toBeGreaterThan(200);
  });

  it('html: the source slice, with tags removed and entities decoded, is the match', () => {
    let n = 0;
    for (const file of Object.keys(labels)) {
      const html = readFileSync(join(DIR, 'pages', file), 'utf8');
      for (const f of checkHtml(rs, html, { pageUrl: labels[file].url })) {
        if (f.line === 0 || f.context.startsWith('JSON-LD:')) continue; // page URL or JSON-LD summary
        n++;
        const slice = html.slice(f.start, f.end);
        const text = cheerio.load(`<div>${slice.replace(/<[^>]*>/g, '')}</div>`)('div').text();
        const squash = (x: string) => x.replace(/[\s\u00A0]+/g, ' ').trim();
        // File names are matched with separators read as spaces.
        expect(squash(text).replace(/[-_.]/g, ' ')).toBe(squash(f.match).replace(/[-_.]/g, ' '));
      }
    }
    expect(n).toBeGreaterThan(20);
  });
});
