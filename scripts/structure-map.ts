/**
 * Structure map of src/: which folder (floor) imports which, checked against the floor plan
 * below. Fails (exit 1) on an import from a lower floor to a higher one, on an import loop
 * between files, and on a loop between folders. Type-only imports count: they tie the files
 * together for a reader just as much. Run by .ci/run.
 *
 *   npx tsx scripts/structure-map.ts          # check, print the map
 *   npx tsx scripts/structure-map.ts --quiet  # check, print only problems
 *
 * scripts/structure-known.txt lists problems known and not yet mended (one per line, as printed):
 * they are reported but do not fail; anything not listed fails. Empty it as they are mended.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SRC = join(ROOT, 'src');

/**
 * The floor plan, lowest first. A room may import from its own floor's other rooms and from any
 * floor below, never from above. A room is a folder under src/ (or a top-level file).
 */
export const FLOORS: readonly (readonly string[])[] = [
  ['lib'],
  ['config.ts', 'version.ts'],
  ['db', 'compliance', 'i18n', 'web'],
  ['http', 'keys', 'runner'],
  ['views', 'crawler'],
  ['directory', 'import', 'selfcheck'],
  ['api', 'sync', 'review'],
  ['demo'],
  ['app.ts', 'cli'],
  ['node.ts', 'worker.ts'],
];

const floorOf = new Map<string, number>();
FLOORS.forEach((rooms, i) => rooms.forEach((r) => floorOf.set(r, i)));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// Static imports/exports (type-only included) and dynamic import('…') of relative paths.
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(cand) && statSync(cand).isFile()) return cand;
  }
  return undefined;
}

/** The room of a file: its first folder under src/, or the file itself when it is at the top. */
export function roomOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

type Graph = Map<string, Set<string>>;

function buildGraph(files: string[]): Graph {
  const g: Graph = new Map();
  for (const f of files) {
    const deps = new Set<string>();
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const target = resolveImport(f, spec);
      if (target && target.startsWith(SRC) && target !== f) deps.add(target);
    }
    g.set(f, deps);
  }
  return g;
}

/** Strongly connected components with more than one member (Tarjan, iterative). */
function loops<T>(nodes: Iterable<T>, edges: (n: T) => Iterable<T>): T[][] {
  let index = 0;
  const idx = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  for (const root of nodes) {
    if (idx.has(root)) continue;
    const work: { node: T; it: Iterator<T> }[] = [];
    const visit = (n: T) => {
      idx.set(n, index);
      low.set(n, index);
      index++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, it: edges(n)[Symbol.iterator]() });
    };
    visit(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const step = top.it.next();
      if (!step.done) {
        const w = step.value;
        if (!idx.has(w)) visit(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: T[] = [];
        let w: T;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        if (comp.length > 1) out.push(comp);
      }
    }
  }
  return out;
}

function main() {
  const quiet = process.argv.includes('--quiet');
  const files = sourceFiles(SRC);
  const g = buildGraph(files);
  const problems: string[] = [];
  const rel = (f: string) => relative(ROOT, f);

  const roomEdges = new Map<string, Map<string, number>>();
  for (const [f, deps] of g) {
    const from = roomOf(f);
    const fromFloor = floorOf.get(from);
    if (fromFloor === undefined) problems.push(`room not on the floor plan: src/${from}`);
    for (const d of deps) {
      const to = roomOf(d);
      if (to === from) continue;
      const edges = roomEdges.get(from) ?? new Map<string, number>();
      edges.set(to, (edges.get(to) ?? 0) + 1);
      roomEdges.set(from, edges);
      const toFloor = floorOf.get(to);
      if (fromFloor !== undefined && toFloor !== undefined && toFloor > fromFloor) {
        problems.push(`upward import: ${rel(f)} (floor ${fromFloor}) -> ${rel(d)} (floor ${toFloor})`);
      }
    }
  }
  for (const comp of loops(g.keys(), (n) => g.get(n) ?? [])) {
    problems.push(`import loop between files: ${comp.map(rel).sort().join(', ')}`);
  }
  for (const comp of loops(roomEdges.keys(), (n) => roomEdges.get(n)?.keys() ?? [])) {
    problems.push(`import loop between rooms: ${comp.sort().join(', ')}`);
  }

  if (!quiet) {
    console.log(`structure map of src/ (${files.length} files), top floor first:`);
    for (let i = FLOORS.length - 1; i >= 0; i--) {
      for (const room of FLOORS[i]!) {
        const edges = roomEdges.get(room);
        const list = edges ? [...edges].sort().map(([r, n]) => `${r}(${n})`).join(' ') : '—';
        console.log(`  floor ${i}  ${room.padEnd(14)} -> ${list}`);
      }
    }
  }
  const knownFile = join(ROOT, 'scripts', 'structure-known.txt');
  const known = new Set(existsSync(knownFile) ? readFileSync(knownFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : []);
  const fresh = problems.filter((p) => !known.has(p));
  for (const p of problems.filter((p) => known.has(p))) console.log(`  known, not yet mended: ${p}`);
  if (fresh.length) {
    console.error(`structure map: ${fresh.length} new problem(s)`);
    for (const p of fresh) console.error(`  ${p}`);
    process.exit(1);
  }
  if (problems.length) {
    console.log(`structure map: no new problem (${problems.length} known, listed in scripts/structure-known.txt)`);
    return;
  }
  console.log('structure map: no upward import, no import loop');
}

main();
