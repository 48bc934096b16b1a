/**
 * Public pages for the chapter 22 rules: /rules lists them and /rules/{id} explains one
 * (what is wrong, what to write instead, its basis and sources, examples). Findings link here.
 * Every public language under its prefix (/en/rules, /ar/rules …); the rules' own texts are
 * Swedish or English. Rendered from the loaded ruleset, so YAML edits show up directly.
 */
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { Layout } from '../views/layout';
import { publicFrame } from '../views/public-frame';
import { localePath, type Locale } from '../i18n/locale-info';
import { t } from '../i18n/public/texts';
import { forEachLocale, renderPage } from '../views/localized';
import { backArrow } from '../views/components';
import { SELFCHECK_PATH, ruleLang } from './page';
import { rpt, rptDynamic } from '../i18n/rule-pages/texts';
import { apiRuleset } from '../api/check-service';
import { ruleCatalogue, type RuleJson } from '../api/rule-catalogue';
import { publicCache } from '../directory/request-context';
import { basisNote, sourceText } from '../views/rule-basis';

const pick = (m: Record<string, string>, locale: Locale) => m[ruleLang(locale)] ?? m.sv;

/** `lang` for an element holding rule data, when it differs from the page's language. */
const dataLang = (locale: Locale) => (ruleLang(locale) === locale ? undefined : ruleLang(locale));

/** The note that the rule texts are Swedish, on pages in the other languages. */
const RuleTextNote: FC<{ locale: Locale }> = ({ locale }) => (rpt(locale, 'ruleTextNote') ? <p class="notice">{rpt(locale, 'ruleTextNote')}</p> : null);

const RuleList: FC<{ locale: Locale; rules: RuleJson[]; version: string }> = ({ locale, rules, version }) => {
  return (
    <Layout frame={publicFrame({ locale, path: '/rules' })} title={rpt(locale, 'rules')}>
      <h1>{rpt(locale, 'rules')}</h1>
      <p>{rpt(locale, 'intro')}</p>
      <RuleTextNote locale={locale} />
      <div class="table-wrap" tabindex={0} role="region" aria-label={rpt(locale, 'rules')}>
        <table class="reflow">
          <caption class="visually-hidden">{rpt(locale, 'rules')}</caption>
          <thead>
            <tr>
              <th scope="col">{rpt(locale, 'id')}</th>
              <th scope="col">{rpt(locale, 'rules')}</th>
              <th scope="col">{rpt(locale, 'severity')}</th>
              <th scope="col">{rpt(locale, 'basis')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr>
                <td data-label={rpt(locale, 'id')}>
                  <a href={localePath(locale, `/rules/${r.id}`)}>{r.id}</a>
                </td>
                <td lang={dataLang(locale)} data-label={rpt(locale, 'rules')}>{pick(r.title, locale)}</td>
                <td data-label={rpt(locale, 'severity')}>{rptDynamic(locale, 'sev', r.severity)}</td>
                <td data-label={rpt(locale, 'basis')}>{rptDynamic(locale, 'level', r.basis.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        {rpt(locale, 'version')}: {version}
      </p>
    </Layout>
  );
};

const Example: FC<{ e: RuleJson['examples']['flag'][number] }> = ({ e }) => (
  <li dir="auto">
    {e.text !== undefined ? <q>{e.text}</q> : <code>{e.html}</code>}
    {e.note ? <span class="muted"> — {e.note}</span> : null}
  </li>
);

const RulePage: FC<{ locale: Locale; rule: RuleJson; version: string }> = ({ locale, rule, version }) => {
  return (
    <Layout frame={publicFrame({ locale, path: `/rules/${rule.id}` })} title={`${rule.id}: ${pick(rule.title, locale)}`}>
      <p>
        <a href={localePath(locale, '/rules')}>{backArrow(locale)} {rpt(locale, 'all')}</a>
      </p>
      <h1>
        <bdi>{rule.id}</bdi>: <span lang={dataLang(locale)}>{pick(rule.title, locale)}</span>
      </h1>
      <RuleTextNote locale={locale} />
      <dl>
        <dt>{rpt(locale, 'severity')}</dt>
        <dd>{rptDynamic(locale, 'sev', rule.severity)}</dd>
        <dt>{rpt(locale, 'basis')}</dt>
        <dd>
          {rptDynamic(locale, 'level', rule.basis.level)}
          {basisNote(rule, ruleLang(locale)) ? <span lang={dataLang(locale)}> — {basisNote(rule, ruleLang(locale))}</span> : ''}
        </dd>
      </dl>
      <h2>{rpt(locale, 'trust')}</h2>
      {rule.measuredRecall && rule.measuredRecall.recall !== null ? (
        <>
          <p data-testid="measured-recall">
            {rpt(locale, 'trustText', {
              corpora: rule.measuredRecall.corpora.join(', '),
              pct: Math.round(rule.measuredRecall.recall * 100),
              n: rule.measuredRecall.violations,
            })}
          </p>
          <p class="muted">
            {rpt(locale, 'trustLang')}:{' '}
            {Object.entries(rule.measuredRecall.perLanguage)
              .filter(([, v]) => v.recall !== null)
              .map(([lang, v]) => `${lang} ${Math.round(v.recall! * 100)} % (${v.violations})`)
              .join(' · ')}
          </p>
        </>
      ) : (
        <p data-testid="measured-recall">{rpt(locale, 'trustNone')}</p>
      )}
      <h2>{rpt(locale, 'wrong')}</h2>
      <p lang={dataLang(locale)}>{pick(rule.message, locale)}</p>
      <h2>{rpt(locale, 'instead')}</h2>
      <p lang={dataLang(locale)}>{pick(rule.suggestion, locale)}</p>
      <h2>{rpt(locale, 'sources')}</h2>
      <ul>
        {rule.basis.sources.map((s) => (
          <li>
            <strong>{s.id}</strong>: <span lang={dataLang(locale)}>{sourceText(s, ruleLang(locale))}</span>
          </li>
        ))}
      </ul>
      <h2>{rpt(locale, 'flag')}</h2>
      <ul>
        {rule.examples.flag.map((e) => (
          <Example e={e} />
        ))}
      </ul>
      <h2>{rpt(locale, 'pass')}</h2>
      <ul>
        {rule.examples.pass.map((e) => (
          <Example e={e} />
        ))}
      </ul>
      <p>
        <a href={SELFCHECK_PATH[locale]}>{rpt(locale, 'check')}</a> ·{' '}
        <span class="muted">
          {rpt(locale, 'version')}: {version}
        </span>
      </p>
    </Layout>
  );
};

/** Router for /rules and /rules/{id} in every public language. */
export function rulePageRoutes() {
  const r = new Hono<AppEnv>();
  forEachLocale((prefix, locale) => {
    r.get(`${prefix}/rules`, (c) => {
      const cat = ruleCatalogue(apiRuleset());
      publicCache(c);
      return renderPage(c, locale, <RuleList locale={locale} rules={cat.rules} version={cat.rulesetVersion} />);
    });
    r.get(`${prefix}/rules/:id`, (c) => {
      const cat = ruleCatalogue(apiRuleset());
      const id = c.req.param('id').toUpperCase();
      const rule = cat.rules.find((x) => x.id === id);
      if (!rule) throw notFound(t(locale, 'errNoRule', { id: id.slice(0, 40) }));
      publicCache(c);
      return renderPage(c, locale, <RulePage locale={locale} rule={rule} version={cat.rulesetVersion} />);
    });
  });
  return r;
}
