/**
 * Real pages as a second yardstick (issue 14, item 7): runs the rule engine on the cached plain text
 * of real pages about Rusta och matcha and scores every finding against the hand judgements in
 * tests/fixtures/real-pages/judgements.json. A finding is right when a judged violation of the same
 * rule overlaps its span (or one of its evidence spans), wrong otherwise; judged violations no finding
 * overlaps are missed. Prints right/wrong per rule, per kind of page and by certainty, the share of
 * certain findings that are right, and wrong certain findings per ten pages of AF's own text.
 *
 * Usage:
 *   npx tsx scripts/evaluate-real-pages.ts [--dir /work/realpages] [--json FILE] [--details]
 *
 * The page texts are not in the repository (copyright). `--dir` holds one `<slug>.txt` per page and
 * an `index.json` ([{ url, kind, lang, file }]); tests/fixtures/real-pages/README.md says how to
 * rebuild it. A page whose cached text is missing, or whose SHA-256 differs from the judged one, is
 * skipped and reported, because its judged offsets no longer point at the right words.
 *
 * The engine runs as the crawler would on the page's text: `checkText` with the bundled ruleset, the
 * page's language and its URL (so URL-level checks run; a URL finding has start = end = 0 and is
 * right only against a violation judged on the URL, also 0–0). A finding with
 * `certainty === 'possible'` counts as possible, one without the field as certain.
 *
 * `--json FILE` writes { generatedAt, rulesetVersion, skipped: [{ url, reason }], summary, pages:
 * [{ url, kind, lang, findings: [{ rule, certainty, right, start, end }], missed }] } (no page text).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, defaultRuleset } from '../src/compliance/index';
import { scorePage, summarise, type PageJudgement, type PageScore, type Tally } from '../tests/compliance/real-pages-score';
import { ROOT } from '../tests/compliance/rules-on-disk';

const JUDGEMENTS = join(ROOT, 'tests/fixtures/real-pages/judgements.json');

interface Args {
  dir: string;
  json?: string;
  details: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: '/work/realpages', details: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir') args.dir = argv[++i] ?? '';
    else if (a === '--json') args.json = argv[++i] ?? '';
    else if (a === '--details') args.details = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/evaluate-real-pages.ts [--dir DIR] [--json FILE] [--details]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!args.dir) throw new Error('--dir needs a directory');
  if (args.json === '') throw new Error('--json needs a file name');
  return args;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const row = (name: string, t: Tally & { pages?: number }) => ({
  slice: name,
  ...(t.pages !== undefined ? { pages: t.pages } : {}),
  'certain right': t.certainRight,
  'certain wrong': t.certainWrong,
  'possible right': t.possibleRight,
  'possible wrong': t.possibleWrong,
  missed: t.missed,
});

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const judgements: PageJudgement[] = JSON.parse(readFileSync(JUDGEMENTS, 'utf8'));
  const indexFile = join(args.dir, 'index.json');
  const index: { url: string; file: string }[] = existsSync(indexFile) ? JSON.parse(readFileSync(indexFile, 'utf8')) : [];
  const fileOf = new Map(index.map((p) => [p.url, p.file]));
  const rs = defaultRuleset({ verify: false });
  const skipped: { url: string; reason: string }[] = [];
  const scores: PageScore[] = [];

  for (const j of judgements) {
    const file = fileOf.get(j.url) ?? j.file;
    const path = file ? join(args.dir, file) : undefined;
    if (!path || !existsSync(path)) {
      skipped.push({ url: j.url, reason: 'cached text missing' });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (sha256(text) !== j.textSha256) {
      skipped.push({ url: j.url, reason: 'cached text differs from the judged one (sha256)' });
      continue;
    }
    const lang = rs.languages.includes(j.lang) ? j.lang : undefined;
    const findings = checkText(rs, text, { ...(lang ? { lang } : {}), pageUrl: j.url });
    const score = scorePage(j, findings);
    scores.push(score);
    if (args.details) {
      for (const f of score.findings) console.log(`${f.right ? 'RIGHT' : 'WRONG'} ${f.certainty} ${f.rule} ${j.kind} ${j.url}\n    «${f.match.slice(0, 160)}»`);
      for (const v of score.missed) console.log(`MISSED ${v.rule} ${j.kind} ${j.url}\n    «${text.slice(v.start, v.end).slice(0, 160)}»`);
    }
  }

  const s = summarise(scores);
  console.log(`\nreal pages: ${s.pages} scored of ${judgements.length} judged (${args.dir}); ${s.judgedViolations} judged violations`);
  for (const k of skipped) console.log(`  skipped ${k.url}: ${k.reason}`);
  const o = s.overall;
  console.log(
    `findings: certain ${o.certainRight} right / ${o.certainWrong} wrong (share right ${s.overall.certainRightShare ?? '—'}), ` +
      `possible ${o.possibleRight} right / ${o.possibleWrong} wrong, missed ${o.missed}; ` +
      `wrong certain findings per ten pages of AF's own text: ${s.afWrongCertainPerTenPages ?? '—'}`,
  );
  console.table(Object.entries(s.perKind).map(([k, t]) => row(k, t)));
  if (Object.keys(s.perRule).length) console.table(Object.entries(s.perRule).map(([r, t]) => row(r, t)));
  console.table(
    scores
      .filter((p) => p.findings.length || p.missed.length)
      .map((p) => ({ page: p.url.replace(/^https?:\/\/(www\.)?/, '').slice(0, 70), kind: p.kind, right: p.findings.filter((f) => f.right).length, wrong: p.findings.filter((f) => !f.right).length, missed: p.missed.length })),
  );

  if (args.json) {
    const pages = scores.map((p) => ({ url: p.url, kind: p.kind, lang: p.lang, findings: p.findings.map(({ match: _m, ...f }) => f), missed: p.missed.map(({ rule, start, end }) => ({ rule, start, end })) }));
    writeFileSync(args.json, JSON.stringify({ generatedAt: new Date().toISOString(), rulesetVersion: rs.version, skipped, summary: s, pages }, null, 2) + '\n');
    console.log(`wrote ${args.json}`);
  }
}

main();
