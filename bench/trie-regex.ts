/**
 * Builds one regular expression from many alternatives, factored as a trie
 * ("ab|ac" → "a(?:b|c)"), so the regex engine rejects a position after a character or two instead
 * of trying every alternative. Used as the benchmark floor.
 */

type Atom = string; // one literal character (escaped) or a class like \s+ / \d+
interface Node {
  end: boolean;
  kids: Map<Atom, Node>;
}

const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Splits a term into atoms: words separated by \s+, "#" as \d+, "*" dropped (prefix/infix globs). */
export function termAtoms(term: string): Atom[] {
  const atoms: Atom[] = [];
  term
    .trim()
    .split(/\s+/)
    .forEach((w, i) => {
      if (i > 0) atoms.push('\\s+');
      if (w === '#') atoms.push('\\d+');
      else for (const ch of w.replace(/\*/g, '')) atoms.push(esc(ch));
    });
  return atoms;
}

function serialise(node: Node): string {
  const alts = [...node.kids.entries()].map(([atom, kid]) => atom + serialise(kid));
  if (alts.length === 0) return '';
  const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  if (!node.end) return body;
  return alts.length === 1 && alts[0].length === 1 ? `${body}?` : `(?:${body})?`;
}

/** One regex (flags gu) matching any of the alternatives, each given as atoms. */
export function trieRegex(alternatives: Atom[][]): RegExp {
  const root: Node = { end: false, kids: new Map() };
  for (const atoms of alternatives) {
    if (atoms.length === 0) continue;
    let n = root;
    for (const a of atoms) {
      let k = n.kids.get(a);
      if (!k) n.kids.set(a, (k = { end: false, kids: new Map() }));
      n = k;
    }
    n.end = true;
  }
  return new RegExp(serialise(root), 'gu');
}
