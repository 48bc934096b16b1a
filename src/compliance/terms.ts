/**
 * Rule terms: parsing the term syntax (words, `*` globs, `{a,b}` alternatives, `#` numbers) into
 * per-token patterns, and an index that finds, for a normalised token, the terms that can start
 * there. Lookups are cached per distinct token, so the cost per token of running text is one Map get.
 */
import { candidateForms, compileMorph, compoundMin, type Morph, type MorphLang, MORPH_LANGS } from './morphology';
import { foldLiteral } from './normalise';
import { tokenizeTerm } from './tokenize';

export type PatternKind = 'exact' | 'prefix' | 'suffix' | 'infix' | 'regex' | 'number' | 'any' | 'morph';
export interface TokenPattern {
  kind: PatternKind;
  lit: string;
  re?: RegExp;
  /** For `~lemma`: the lemma compiled for its language (see morphology.ts). */
  morph?: Morph;
}
/**
 * A compiled term variant: for each word position, the alternative patterns. `id` is the term's id
 * (shared by all variants of a term with `{a b,c}` alternatives spanning words).
 */
export interface CompiledTerm {
  id: number;
  text: string;
  positions: TokenPattern[][];
}

const NUMBER_RE = /^[0-9]+$/;

/** Expands `{a,b}` alternatives (cartesian product), e.g. "gåv{a,an}" → ["gåva", "gåvan"]. */
export function expandBraces(s: string): string[] {
  const open = s.indexOf('{');
  if (open < 0) return [s];
  const close = s.indexOf('}', open);
  if (close < 0) throw new Error(`unclosed "{" in "${s}"`);
  const head = s.slice(0, open);
  const tail = expandBraces(s.slice(close + 1));
  const out: string[] = [];
  for (const alt of s.slice(open + 1, close).split(',')) for (const t of tail) out.push(head + alt + t);
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles one glob (no braces) for one word position. */
function compileGlob(glob: string, lang: MorphLang): TokenPattern {
  if (glob.startsWith('~')) {
    const lemma = foldLiteral(glob.slice(1));
    if (!/^[\p{L}\p{M}]{2,}$/u.test(lemma)) throw new Error(`"~" must be followed by a word of at least two letters ("${glob}")`);
    const morph = compileMorph(lemma, lang);
    return { kind: 'morph', lit: morph.base, morph };
  }
  if (glob === '#') return { kind: 'number', lit: '' };
  if (glob === '*') return { kind: 'any', lit: '' };
  if (glob === '\\#') return { kind: 'exact', lit: '#' };
  const pieces = glob.split('*').map((p) => foldLiteral(p));
  if (pieces.length === 1) return { kind: 'exact', lit: pieces[0] };
  if (pieces.length === 2 && pieces[0] && !pieces[1]) return { kind: 'prefix', lit: pieces[0] };
  if (pieces.length === 2 && !pieces[0] && pieces[1]) return { kind: 'suffix', lit: pieces[1] };
  if (pieces.length === 3 && !pieces[0] && !pieces[2] && pieces[1]) return { kind: 'infix', lit: pieces[1] };
  if (pieces.every((p) => !p)) throw new Error(`"${glob}" matches every word`);
  return { kind: 'regex', lit: glob, re: new RegExp('^' + pieces.map(escapeRe).join('.*') + '$') };
}

/**
 * Parses a term into its variants (alternatives in `{…}` may contain spaces or be empty), each a
 * list of word positions. Throws an Error with a readable reason on bad syntax.
 */
export function parseTerm(text: string, lang: MorphLang = 'sv'): TokenPattern[][][] {
  const variants = expandBraces(text);
  if (variants.length > 1024) throw new Error(`"${text}" expands to more than 1024 alternatives`);
  return variants.map((v) => {
    const parts = tokenizeTerm(v);
    if (parts.length === 0) throw new Error(`term "${text}" has a variant without words ("${v}")`);
    if (parts[0] === '*') throw new Error(`term "${text}" cannot start with a bare "*"`);
    return parts.map((part) => [compileGlob(part, lang)]);
  });
}

/** True when the normalised token matches the pattern. */
export function patternMatches(p: TokenPattern, tok: string): boolean {
  switch (p.kind) {
    case 'exact':
      return tok === p.lit;
    case 'prefix':
      return tok.startsWith(p.lit);
    case 'suffix':
      return tok.length >= p.lit.length && tok.endsWith(p.lit);
    case 'infix':
      return tok.includes(p.lit);
    case 'number':
      return NUMBER_RE.test(tok);
    case 'regex':
      return p.re!.test(tok);
    case 'any':
      return true;
    case 'morph':
      return morphMatches(p.morph!, tok);
  }
}

/** True when the normalised token is a form (or, in Swedish, a compound head) of the lemma. */
export function morphMatches(m: Morph, tok: string): boolean {
  const min = compoundMin(m.lang);
  const { cores, ended } = candidateForms(tok, m.lang);
  for (let i = 0; i < cores.length; i++) {
    if (m.needsEnding && !ended[i]) continue;
    const c = cores[i];
    if (c === m.base) return true;
    if (min > 0 && m.base.length >= 3 && c.length >= m.base.length + min && c.endsWith(m.base)) return true;
  }
  return false;
}

/**
 * Finds the terms whose first word matches a token. Exact, prefix and suffix patterns are Map
 * lookups; infix, regex and number patterns are tested directly. Results are cached per token.
 */
export class TermIndex {
  /** Term variants; `first()` and `joinedTerms()` return indexes into this list. */
  readonly terms: CompiledTerm[] = [];
  private count = 0;
  private byText = new Map<string, number>();
  private exact = new Map<string, number[]>();
  private prefix = new Map<number, Map<string, number[]>>();
  private suffix = new Map<number, Map<string, number[]>>();
  private scan: { p: TokenPattern; id: number }[] = [];
  /** `~lemma` first words: language → base → variant indexes. */
  private morph = new Map<MorphLang, Map<string, { v: number; needsEnding: boolean }[]>>();
  /** Multi-word terms written together ("väljoss"), for merged spaced-out letters and hyphen joins. */
  private joined = new Map<string, number[]>();
  /** Literal cores (≥ 4 characters) of terms, searched inside merged spaced-out runs. */
  private cores: { core: string; v: number }[] = [];
  private insideCache = new Map<string, readonly number[]>();
  private cache = new Map<string, readonly number[]>();
  private startsCache = new Map<string, Starts>();
  private joinedCache = new Map<string, readonly number[]>();

  /** Number of distinct terms (ids are 0 … termCount - 1). */
  get termCount(): number {
    return this.count;
  }

  /**
   * Adds a term (deduplicated by text and, for `~lemma` terms, language) and returns its id.
   * `lang` is the vocabulary's language; it decides how `~lemma` words inflect (default sv).
   */
  add(text: string, lang: string = 'sv'): number {
    const ml: MorphLang = (MORPH_LANGS as readonly string[]).includes(lang) ? (lang as MorphLang) : 'sv';
    const trimmed = text.trim();
    const key = trimmed.includes('~') ? `${ml}:${trimmed}` : trimmed;
    const known = this.byText.get(key);
    if (known !== undefined) return known;
    const variants = parseTerm(trimmed, ml);
    const id = this.count++;
    this.byText.set(key, id);
    this.textOf[id] = trimmed;
    for (const positions of variants) this.addVariant(id, key, positions);
    this.cache.clear();
    this.startsCache.clear();
    this.joinedCache.clear();
    this.insideCache.clear();
    this.secondWords = null;
    return id;
  }

  private addVariant(id: number, key: string, positions: TokenPattern[][]): void {
    const v = this.terms.length;
    this.terms.push({ id, text: key, positions });
    for (const p of positions[0]) {
      if (p.kind === 'morph') {
        const lang = p.morph!.lang;
        let m = this.morph.get(lang);
        if (!m) this.morph.set(lang, (m = new Map()));
        const list = m.get(p.morph!.base);
        const entry = { v, needsEnding: p.morph!.needsEnding };
        if (list) list.push(entry);
        else m.set(p.morph!.base, [entry]);
      } else if (p.kind === 'exact') push(this.exact, p.lit, v);
      else if (p.kind === 'prefix' || p.kind === 'suffix') {
        const table = p.kind === 'prefix' ? this.prefix : this.suffix;
        let m = table.get(p.lit.length);
        if (!m) table.set(p.lit.length, (m = new Map()));
        push(m, p.lit, v);
      } else this.scan.push({ p, id: v });
    }
    if (positions.length > 1 && positions.every((alts) => alts.every((a) => a.kind === 'exact'))) {
      const joined = positions.map((alts) => alts[0].lit).join('');
      push(this.joined, joined, v);
      if (joined.length >= 4) this.cores.push({ core: joined, v });
    } else if (positions.length === 1 && positions[0][0].kind !== 'regex' && positions[0][0].lit.length >= 4) {
      this.cores.push({ core: positions[0][0].lit, v });
    }
  }

  private secondWords: Set<string> | null = null;
  /** Term id → its text. */
  private textOf: string[] = [];
  /** Term id → languages of the vocabularies it came from (glossary terms only). */
  private langs = new Map<number, Set<string>>();

  /** Records that term `id` belongs to the vocabulary of `lang` (`any` = every language). */
  tagLanguage(id: number, lang: string): void {
    // Numbers and symbols ("# kr", years) read the same in every language.
    const text = this.textOf[id] ?? '';
    if (!/\p{L}/u.test(text.replace(/[{},*#~]/g, ''))) lang = 'any';
    let set = this.langs.get(id);
    if (!set) this.langs.set(id, (set = new Set()));
    set.add(lang);
  }

  /** Languages whose vocabulary holds the term, or undefined when it applies to every language. */
  languagesOf(id: number): ReadonlySet<string> | undefined {
    const set = this.langs.get(id);
    return set === undefined || set.has('any') ? undefined : set;
  }

  /**
   * True when the token is the exact second word of some multi-word term (a key of some
   * `Starts.bySecond`); lets the analyser skip that lookup for most tokens.
   */
  isSecondWord(tok: string): boolean {
    if (this.secondWords === null) {
      const set = new Set<string>();
      for (const t of this.terms) if (t.positions.length > 1 && t.positions[1].length === 1 && t.positions[1][0].kind === 'exact') set.add(t.positions[1][0].lit);
      this.secondWords = set;
    }
    return this.secondWords.has(tok);
  }

  /** Term variant indexes whose first word matches the normalised token. */
  first(tok: string): readonly number[] {
    const hit = this.cache.get(tok);
    if (hit !== undefined) return hit;
    const out = new Set<number>();
    const ex = this.exact.get(tok);
    if (ex) for (const id of ex) out.add(id);
    for (const [len, m] of this.prefix) {
      if (tok.length < len) continue;
      const ids = m.get(tok.slice(0, len));
      if (ids) for (const id of ids) out.add(id);
    }
    for (const [len, m] of this.suffix) {
      if (tok.length < len) continue;
      const ids = m.get(tok.slice(tok.length - len));
      if (ids) for (const id of ids) out.add(id);
    }
    for (const { p, id } of this.scan) if (patternMatches(p, tok)) out.add(id);
    if (this.morph.size > 0 && tok.length >= 2 && !NUMBER_RE.test(tok)) this.morphFirst(tok, out);
    const result = out.size ? [...out].sort((a, b) => a - b) : EMPTY;
    // Keep memory bounded on endless streams of new tokens.
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(tok, result);
    return result;
  }

  /** Adds the `~lemma` variants a token is a form of (every language's affixes are tried). */
  private morphFirst(tok: string, out: Set<number>): void {
    for (const [lang, bases] of this.morph) {
      const min = compoundMin(lang);
      const { cores, ended } = candidateForms(tok, lang);
      for (let k = 0; k < cores.length; k++) {
        const c = cores[k];
        const add = (list: { v: number; needsEnding: boolean }[] | undefined) => {
          if (list) for (const e of list) if (ended[k] || !e.needsEnding) out.add(e.v);
        };
        add(bases.get(c));
        // Swedish compounds: the lemma is the head, after a modifier of at least `min` letters.
        if (min > 0) for (let i = min; i <= c.length - 3; i++) add(bases.get(c.slice(i)));
      }
    }
  }

  /** Like first(), partitioned for fast multi-word matching (cached per token). */
  starts(tok: string): Starts {
    const hit = this.startsCache.get(tok);
    if (hit !== undefined) return hit;
    const ids = this.first(tok);
    let out = NO_STARTS;
    if (ids.length) {
      const single: number[] = [];
      const otherMulti: number[] = [];
      let bySecond: Map<string, number[]> | null = null;
      for (const v of ids) {
        const pos = this.terms[v].positions;
        if (pos.length === 1) single.push(v);
        else if (pos[1].length === 1 && pos[1][0].kind === 'exact') {
          bySecond ??= new Map();
          const k = pos[1][0].lit;
          const list = bySecond.get(k);
          if (list) list.push(v);
          else bySecond.set(k, [v]);
        } else otherMulti.push(v);
      }
      out = { single, singleIds: single.map((v) => this.terms[v].id), bySecond, otherMulti };
    }
    if (this.startsCache.size > 200_000) this.startsCache.clear();
    this.startsCache.set(tok, out);
    return out;
  }

  /**
   * Term variants whose literal core occurs anywhere inside a token. Used only for runs of spaced-out
   * letters ("p r e s e n t k o r t t i l l a l l a"), whose word boundaries are lost.
   */
  inside(tok: string): readonly number[] {
    const hit = this.insideCache.get(tok);
    if (hit !== undefined) return hit;
    // Find every core occurrence; drop those lying inside a longer found core ("ingen" inside
    // "arbetsformedlingen"), since they are most likely part of that word.
    const found: { s: number; e: number; v: number }[] = [];
    for (const { core, v } of this.cores) {
      for (let at = tok.indexOf(core); at >= 0; at = tok.indexOf(core, at + 1)) found.push({ s: at, e: at + core.length, v });
    }
    const out: number[] = [];
    for (const h of found) {
      // Covered = inside a longer core that starts earlier (a shared start means a shared word start).
      const covered = found.some((o) => o.e - o.s > h.e - h.s && o.s < h.s && o.e >= h.e);
      if (!covered && !out.includes(h.v)) out.push(h.v);
    }
    if (this.insideCache.size > 10_000) this.insideCache.clear();
    this.insideCache.set(tok, out);
    return out;
  }

  /** Multi-word term variant indexes that equal the token when their words are written together. */
  joinedTerms(tok: string): readonly number[] {
    const hit = this.joinedCache.get(tok);
    if (hit !== undefined) return hit;
    const ids = this.joined.get(tok) ?? EMPTY;
    if (this.joinedCache.size > 50_000) this.joinedCache.clear();
    this.joinedCache.set(tok, ids);
    return ids;
  }
}

const EMPTY: readonly number[] = Object.freeze([]);

/**
 * Term variants that can start at a token, split for speed: one-word variants, multi-word variants
 * keyed by their exact second word, and the other multi-word variants.
 */
export interface Starts {
  single: readonly number[];
  /** Term ids of `single` (same order). */
  singleIds: readonly number[];
  bySecond: Map<string, number[]> | null;
  otherMulti: readonly number[];
}
const NO_STARTS: Starts = Object.freeze({ single: EMPTY, singleIds: EMPTY, bySecond: null, otherMulti: EMPTY });

function push(m: Map<string, number[]>, k: string, v: number): void {
  const a = m.get(k);
  if (a) {
    if (!a.includes(v)) a.push(v);
  } else m.set(k, [v]);
}
