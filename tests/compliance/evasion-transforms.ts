/**
 * Evasion transforms for the sweep (issue 14, item 3): each one disguises a word the way a provider
 * hiding a violation from a checker might, while a human still reads the same word. Used by
 * scripts/evasion-sweep.ts and tests/compliance/evasion-sweep.test.ts on the rules' own flag examples
 * (material that is tuned on), never on a measurement corpus.
 */

const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ', j: 'ј', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', X: 'Х', T: 'Т', H: 'Н', K: 'К', M: 'М', B: 'В' };
const GREEK: Record<string, string> = { a: 'α', o: 'ο', i: 'ι', k: 'κ', p: 'ρ', t: 'τ', v: 'ν', x: 'χ', u: 'υ', A: 'Α', B: 'Β', E: 'Ε', O: 'Ο', P: 'Ρ', T: 'Τ', K: 'Κ', M: 'Μ', N: 'Ν', H: 'Η', X: 'Χ', I: 'Ι' };
const LEET: Record<string, string> = { a: '4', e: '3', o: '0', i: '1', s: '5', t: '7' };
const LEET_LIGHT: Record<string, string> = { e: '3', o: '0' };
const SYMBOLS: Record<string, string> = { a: '@', s: '$' };

const mapChars = (table: Record<string, string>) => (w: string) => [...w].map((c) => table[c] ?? c).join('');
const between = (sep: string | string[]) => (w: string) => {
  const chars = [...w];
  return chars.map((c, i) => (i === 0 ? c : (Array.isArray(sep) ? sep[i % sep.length] : sep) + c)).join('');
};
const middle = (mark: string) => (w: string) => {
  const chars = [...w];
  const at = Math.floor(chars.length / 2);
  return chars.slice(0, at).join('') + mark + chars.slice(at).join('');
};
const fullwidth = (w: string) => [...w].map((c) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

/** Word transforms by name; each takes one word and returns its disguised form. */
export const EVASION_TRANSFORMS: Record<string, (word: string) => string> = {
  'zero-width space': between('\u200B'),
  'zero-width joiner/non-joiner': between(['\u200D', '\u200C']),
  'word joiner': middle('\u2060'),
  'soft hyphen': middle('\u00AD'),
  'bidi marks': middle('\u200E\u200F'),
  'bidi isolate': (w) => middle('\u2066')(w).replace(/$/, '\u2069'),
  'Cyrillic look-alikes': mapChars(CYRILLIC),
  'Greek look-alikes': mapChars(GREEK),
  fullwidth,
  leetspeak: mapChars(LEET),
  'light leetspeak': mapChars(LEET_LIGHT),
  'symbols (@ $)': mapChars(SYMBOLS),
  'spaced letters': between(' '),
  'dotted letters': between('.'),
  'dashed letters': between('-'),
  'upper case': (w) => w.toUpperCase(),
};

/** Words of at least three letters in a span of text, as [start, end) offsets into `text`. */
export function wordsIn(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.slice(start, end).matchAll(/\p{L}{3,}/gu)) out.push([start + m.index, start + m.index + m[0].length]);
  return out;
}

/** Applies `transform` to each of the given word spans of `text` (spans must not overlap). */
export function disguise(text: string, spans: [number, number][], transform: (w: string) => string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += text.slice(at, s) + transform(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}
