/**
 * Public pages for the chapter 22 rules: /rules lists them and /rules/{id} explains one
 * (what is wrong, what to write instead, its basis and sources, examples). Findings link here.
 * English under /en/rules. Rendered from the loaded ruleset, so YAML edits show up directly.
 */
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { Layout } from '../views/layout';
import { localePath, type Locale } from '../views/i18n';
import { apiRuleset } from '../api/check-service';
import { ruleCatalogue, type RuleJson } from '../api/rule-catalogue';
import { publicCache } from '../directory/request-context';

const L = {
  sv: {
    rules: 'Reglerna för marknadsföring (kapitel 22)',
    intro: 'Leverantörer av Rusta och matcha ska följa kapitel 22 (Marknadsföring) i Arbetsförmedlingens allmänna villkor. Reglerna här är en rekonstruktion från offentliga källor; varje regel säger hur säker grunden är.',
    severity: 'Allvarlighet',
    basis: 'Grund',
    sources: 'Källor',
    wrong: 'Vad som är fel',
    instead: 'Skriv så här i stället',
    flag: 'Exempel som flaggas',
    pass: 'Exempel som är tillåtna',
    version: 'Regelverkets version',
    all: 'Alla regler',
    check: 'Kontrollera en text',
    levels: { found: 'hittad i källa', 'partly found': 'delvis hittad', inferred: 'härledd' } as Record<string, string>,
    sev: { critical: 'kritisk', high: 'hög', medium: 'medel', low: 'låg' } as Record<string, string>,
  },
  en: {
    rules: 'The marketing rules (chapter 22)',
    intro: "Rusta och matcha providers must follow chapter 22 (Marketing) of Arbetsförmedlingen's general terms. The rules here are reconstructed from public sources; each rule says how certain its basis is.",
    severity: 'Severity',
    basis: 'Basis',
    sources: 'Sources',
    wrong: 'What is wrong',
    instead: 'Write this instead',
    flag: 'Examples that are flagged',
    pass: 'Examples that are allowed',
    version: 'Ruleset version',
    all: 'All rules',
    check: 'Check a text',
    levels: { found: 'found in a source', 'partly found': 'partly found', inferred: 'inferred' } as Record<string, string>,
    sev: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' } as Record<string, string>,
  },
};

const pick = (m: Record<string, string>, locale: Locale) => m[locale] ?? m.sv;

const RuleList: FC<{ locale: Locale; rules: RuleJson[]; version: string }> = ({ locale, rules, version }) => {
  const l = L[locale];
  return (
    <Layout locale={locale} title={l.rules} path="/rules">
      <h1>{l.rules}</h1>
      <p>{l.intro}</p>
      <div class="table-wrap" tabindex={0} role="region" aria-label={l.rules}>
        <table class="reflow">
          <caption class="visually-hidden">{l.rules}</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">{l.rules}</th>
              <th scope="col">{l.severity}</th>
              <th scope="col">{l.basis}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr>
                <td data-label="Id">
                  <a href={localePath(locale, `/rules/${r.id}`)}>{r.id}</a>
                </td>
                <td data-label={locale === 'sv' ? 'Regel' : 'Rule'}>{pick(r.title, locale)}</td>
                <td data-label={l.severity}>{l.sev[r.severity]}</td>
                <td data-label={l.basis}>{l.levels[r.basis.level]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        {l.version}: {version}
      </p>
    </Layout>
  );
};

const Example: FC<{ e: RuleJson['examples']['flag'][number] }> = ({ e }) => (
  <li>
    {e.text !== undefined ? <q>{e.text}</q> : <code>{e.html}</code>}
    {e.note ? <span class="muted"> — {e.note}</span> : null}
  </li>
);

const RulePage: FC<{ locale: Locale; rule: RuleJson; version: string }> = ({ locale, rule, version }) => {
  const l = L[locale];
  return (
    <Layout locale={locale} title={`${rule.id}: ${pick(rule.title, locale)}`} path={`/rules/${rule.id}`}>
      <p>
        <a href={localePath(locale, '/rules')}>← {l.all}</a>
      </p>
      <h1>
        {rule.id}: {pick(rule.title, locale)}
      </h1>
      <dl>
        <dt>{l.severity}</dt>
        <dd>{l.sev[rule.severity]}</dd>
        <dt>{l.basis}</dt>
        <dd>
          {l.levels[rule.basis.level]}
          {rule.basis.note ? ` — ${rule.basis.note}` : ''}
        </dd>
      </dl>
      <h2>{l.wrong}</h2>
      <p>{pick(rule.message, locale)}</p>
      <h2>{l.instead}</h2>
      <p>{pick(rule.suggestion, locale)}</p>
      <h2>{l.sources}</h2>
      <ul>
        {rule.basis.sources.map((s) => (
          <li>
            <strong>{s.id}</strong>: {s.text}
          </li>
        ))}
      </ul>
      <h2>{l.flag}</h2>
      <ul>
        {rule.examples.flag.map((e) => (
          <Example e={e} />
        ))}
      </ul>
      <h2>{l.pass}</h2>
      <ul>
        {rule.examples.pass.map((e) => (
          <Example e={e} />
        ))}
      </ul>
      <p>
        <a href={localePath(locale, locale === 'sv' ? '/sjalvkontroll' : '/self-check')}>{l.check}</a> ·{' '}
        <span class="muted">
          {l.version}: {version}
        </span>
      </p>
    </Layout>
  );
};

/** Router for /rules and /rules/{id} in both languages. */
export function rulePageRoutes() {
  const r = new Hono<AppEnv>();
  for (const [prefix, locale] of [['', 'sv'], ['/en', 'en']] as const) {
    r.get(`${prefix}/rules`, (c) => {
      const cat = ruleCatalogue(apiRuleset());
      publicCache(c);
      return c.html(<RuleList locale={locale} rules={cat.rules} version={cat.rulesetVersion} />);
    });
    r.get(`${prefix}/rules/:id`, (c) => {
      const cat = ruleCatalogue(apiRuleset());
      const id = c.req.param('id').toUpperCase();
      const rule = cat.rules.find((x) => x.id === id);
      if (!rule) throw notFound(locale === 'sv' ? `Det finns ingen regel ${id.slice(0, 40)}.` : `There is no rule ${id.slice(0, 40)}.`);
      publicCache(c);
      return c.html(<RulePage locale={locale} rule={rule} version={cat.rulesetVersion} />);
    });
  }
  return r;
}
