/**
 * Loads rule files: parses YAML, validates against the schema, resolves glossary references,
 * compiles terms into one shared index, and runs every rule's own examples. A rule that fails an
 * example is not loaded.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { runRules } from './engine';
import type { CompiledCheck, CompiledClause, CompiledRule, CompiledUnless, Ruleset, RulesetIssue, TermSet, Within } from './ruleset';
import { RulesetError } from './ruleset';
import { RuleSchema, RulesetSchema, type RuleSpec, type RulesetSpec, type TermList, type UnlessSpec } from './schema';
import { TermIndex } from './terms';
import type { Part } from './types';

export interface LoadOptions {
  /** Throw when a rule fails its own examples (default true). With false the rule is skipped and listed in `ruleset.issues`. */
  strict?: boolean;
  /** Skip running the examples (only for tools that run them separately). */
  skipExamples?: boolean;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

function zodIssues(file: string, ruleId: string | undefined, err: z.ZodError): RulesetIssue[] {
  return err.issues.map((i) => ({ file, ruleId, field: fieldOf(i.path), message: i.message }));
}

function parseFile(file: { path: string; text: string }, issues: RulesetIssue[]): unknown {
  try {
    return parseYaml(file.text, { prettyErrors: true });
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
    issues.push({ file: file.path, field: '(yaml)', message: msg });
    return undefined;
  }
}

/** Builds a Ruleset from rules/*.yaml contents. Throws RulesetError on invalid files. */
export function loadRuleset(files: { path: string; text: string }[], opts: LoadOptions = {}): Ruleset {
  const strict = opts.strict ?? true;
  const issues: RulesetIssue[] = [];
  const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const rsFile = yamlFiles.find((f) => baseName(f.path) === 'ruleset.yaml');
  if (!rsFile) throw new RulesetError([{ file: 'rules/ruleset.yaml', field: '(file)', message: 'ruleset.yaml is missing' }]);
  const rsParsed = RulesetSchema.safeParse(parseFile(rsFile, issues));
  if (!rsParsed.success) issues.push(...zodIssues(rsFile.path, undefined, rsParsed.error));
  if (issues.length) throw new RulesetError(issues);
  const rs = rsParsed.data as RulesetSpec;
  for (const [key, langs] of Object.entries(rs.glossary))
    for (const lang of Object.keys(langs))
      if (lang !== 'any' && !rs.languages.includes(lang))
        issues.push({ file: rsFile.path, field: `glossary.${key}.${lang}`, message: `language "${lang}" is not in languages (${rs.languages.join(', ')})` });

  const index = new TermIndex();
  // Compile glossary terms once so syntax errors point at ruleset.yaml.
  const badGlossary = new Set<string>();
  for (const [key, langs] of Object.entries(rs.glossary))
    for (const [lang, terms] of Object.entries(langs))
      terms.forEach((t, i) => {
        try {
          // Vocabulary of one language applies to sentences in that language (and the languages
          // that borrow from it, see language.ts); `any` is shared by all (proper names).
          index.tagLanguage(index.add(t, lang), lang);
        } catch (e) {
          badGlossary.add(t);
          issues.push({ file: rsFile.path, field: `glossary.${key}.${lang}[${i}]`, message: `bad term "${t}": ${(e as Error).message}` });
        }
      });
  const sets = new Map<string, TermSet>();
  const glossaryTerms = (ref: string): [string, string][] | undefined => {
    const [key, lang] = ref.slice(1).split('.');
    const entry = rs.glossary[key];
    if (!entry) return undefined;
    if (lang) return entry[lang]?.map((t): [string, string] => [t, lang]);
    return Object.entries(entry).flatMap(([l, ts]) => ts.map((t): [string, string] => [t, l]));
  };

  // Resolves a term list into a term set, reporting unknown references and bad syntax at `field`.
  const compileTerms = (list: TermList, file: string, ruleId: string, field: string): TermSet => {
    const entries: [string, string, string][] = Array.isArray(list)
      ? list.map((t, i) => [t, `${field}[${i}]`, 'sv'])
      : Object.entries(list).flatMap(([lang, ts]) => {
          if (lang !== 'any' && !rs.languages.includes(lang)) issues.push({ file, ruleId, field: `${field}.${lang}`, message: `language "${lang}" is not in ruleset languages` });
          return ts.map((t, i): [string, string, string] => [t, `${field}.${lang}[${i}]`, lang]);
        });
    const ids = new Set<number>();
    for (const [term, f, termLang] of entries) {
      const expanded = term.startsWith('@') ? glossaryTerms(term) : [[term, termLang] as [string, string]];
      if (!expanded) {
        issues.push({ file, ruleId, field: f, message: `unknown glossary reference "${term}"` });
        continue;
      }
      for (const [t, lang] of expanded) {
        if (badGlossary.has(t)) continue;
        try {
          ids.add(index.add(t, lang));
        } catch (e) {
          issues.push({ file, ruleId, field: f, message: `bad term "${t}": ${(e as Error).message}` });
        }
      }
    }
    const sorted = [...ids].sort((a, b) => a - b);
    const key = sorted.join(',');
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { id: sets.size, terms: sorted }));
    return set;
  };

  const compileUnless = (list: UnlessSpec[] | undefined, file: string, ruleId: string, field: string): CompiledUnless[] =>
    (list ?? []).map((u, i) => ({
      set: compileTerms(u.terms, file, ruleId, `${field}[${i}].terms`),
      where: u.where,
      within: u.within ?? (u.where === 'window' ? rs.window : 4),
      except: u.except ? compileTerms(u.except, file, ruleId, `${field}[${i}].except`) : undefined,
      without: u.without ? compileTerms(u.without, file, ruleId, `${field}[${i}].without`) : undefined,
    }));

  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const file of yamlFiles) {
    if (file === rsFile) continue;
    const before = issues.length;
    const raw = parseFile(file, issues);
    if (raw === undefined) continue;
    const rawId = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(file.path, rawId, parsed.error));
      continue;
    }
    const spec = parsed.data as RuleSpec;
    const id = spec.id;
    if (baseName(file.path) !== `${id}.yaml`) issues.push({ file: file.path, ruleId: id, field: 'id', message: `file must be named ${id}.yaml` });
    if (seen.has(id)) issues.push({ file: file.path, ruleId: id, field: 'id', message: `duplicate rule id (also in ${seen.get(id)})` });
    seen.set(id, file.path);
    spec.languages.forEach((l, i) => {
      if (!rs.languages.includes(l)) issues.push({ file: file.path, ruleId: id, field: `languages[${i}]`, message: `language "${l}" is not in ruleset languages` });
    });
    const scope = new Set<Part>(spec.scope);
    const clauses: CompiledClause[] = (spec.match ?? []).map((c, i) => ({
      trigger: compileTerms(c.trigger, file.path, id, `match[${i}].trigger`),
      near: (c.near ?? []).map((n, j) => ({
        set: compileTerms(n.terms, file.path, id, `match[${i}].near[${j}].terms`),
        within: (n.within ?? rs.window) as Within,
      })),
      unless: compileUnless(c.unless, file.path, id, `match[${i}].unless`),
      atStart: c.at === 'start',
      scope: c.scope ? new Set<Part>(c.scope) : scope,
      severity: c.severity ?? spec.severity,
      ...(c.certainty === 'possible' ? { possible: true as const } : {}),
    }));
    const checks: CompiledCheck[] = (spec.checks ?? []).map((c, i) => {
      if (c.type === 'rating_vs_provider')
        return {
          type: c.type,
          scaleMax: c.scale_max,
          near: compileTerms(c.near, file.path, id, `checks[${i}].near`),
          within: c.within as Within,
          unless: compileUnless(c.unless, file.path, id, `checks[${i}].unless`),
        };
      return {
        type: c.type,
        base: c.base,
        claims: c.claim_terms.map((k, j) => ({ key: k.slice(1), set: compileTerms([k], file.path, id, `checks[${i}].claim_terms[${j}]`) })),
        rules: c.rules,
        standaloneLanguages: c.standalone_languages,
      };
    });
    if (issues.length > before) continue;
    rules.push({
      id,
      file: file.path,
      spec,
      severity: spec.severity,
      scope,
      clauses,
      unless: compileUnless(spec.unless, file.path, id, 'unless'),
      ...(spec.speaker ? { speaker: { set: compileTerms(spec.speaker.terms, file.path, id, 'speaker.terms'), where: spec.speaker.where, ...(spec.speaker.except ? { except: compileTerms(spec.speaker.except, file.path, id, 'speaker.except') } : {}) } } : {}),
      checks,
      checkSpecs: spec.checks ?? [],
    });
  }
  // Rules referenced by meta checks must exist.
  for (const r of rules)
    r.checkSpecs.forEach((c, i) => {
      if (c.type === 'language_parity')
        c.rules.forEach((ref, j) => {
          if (!seen.has(ref)) issues.push({ file: r.file, ruleId: r.id, field: `checks[${i}].rules[${j}]`, message: `unknown rule "${ref}"` });
        });
    });
  if (issues.length) throw new RulesetError(issues);

  const ruleset: Ruleset = {
    version: rs.version,
    languages: rs.languages,
    officialDomains: rs.official_domains,
    rules,
    index,
    setCount: sets.size,
    issues: [],
  };
  if (opts.skipExamples) return ruleset;

  const failed = verifyExamples(ruleset);
  if (failed.length) {
    if (strict) throw new RulesetError(failed);
    const bad = new Set(failed.map((f) => f.ruleId));
    ruleset.rules = rules.filter((r) => !bad.has(r.id));
    ruleset.issues = failed;
  }
  return ruleset;
}

/** Runs each rule's examples against that rule alone (plus the rules a meta rule needs). */
export function verifyExamples(ruleset: Ruleset): RulesetIssue[] {
  const out: RulesetIssue[] = [];
  for (const rule of ruleset.rules) {
    const deps = rule.checks.flatMap((c) => (c.type === 'language_parity' ? c.rules : []));
    const only = [rule.id, ...deps];
    const check = (kind: 'flag' | 'pass') =>
      rule.spec.examples[kind].forEach((ex, i) => {
        const e = typeof ex === 'string' ? { text: ex } : ex;
        const findings = runRules(ruleset, e.html ?? e.text ?? '', e.html !== undefined, {
          rules: only,
          provider: e.provider,
          pageUrl: e.pageUrl,
        }).filter((f) => f.ruleId === rule.id);
        const sample = (e.html ?? e.text ?? '').slice(0, 80);
        if (kind === 'flag' && findings.length === 0)
          out.push({ file: rule.file, ruleId: rule.id, field: `examples.flag[${i}]`, message: `not flagged by its rule: "${sample}"` });
        if (kind === 'pass' && findings.length > 0)
          out.push({
            file: rule.file,
            ruleId: rule.id,
            field: `examples.pass[${i}]`,
            message: `flagged by its rule (match "${findings[0].match}"): "${sample}"`,
          });
      });
    check('flag');
    check('pass');
  }
  return out;
}
