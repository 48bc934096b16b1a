/**
 * The self-check page: the form (works without JavaScript) and, after a check, the submitted text
 * with findings highlighted inline plus the list of findings with explanation and suggestion.
 * All user text is rendered through JSX, which escapes it; no raw HTML from the input ever.
 */
import type { FC } from 'hono/jsx';
import type { Coverage, Finding, Ruleset } from '../compliance';
import { Layout } from '../views/layout';
import type { Locale } from '../views/i18n';
import { highlightSegments } from './highlight';
import { SELFCHECK_CSS_PATH } from './styles';
import { st } from './texts';

export const FORM_MAX_CHARS = 100_000;

/** Canonical paths per language (the language switch of the layout uses /en + the Swedish path). */
export const SELFCHECK_PATH: Record<Locale, string> = { sv: '/sjalvkontroll', en: '/self-check' };

export interface SelfCheckResult {
  findings: Finding[];
  rulesetVersion: string;
  /** Which rules ran, in which languages, and what the result means (see compliance/coverage.ts). */
  coverage?: Coverage;
}

export interface SelfCheckPageProps {
  locale: Locale;
  text: string;
  isHtml: boolean;
  result?: SelfCheckResult;
  error?: string;
  ruleset: Ruleset;
}

const Highlighted: FC<{ locale: Locale; text: string; findings: Finding[] }> = ({ locale, text, findings }) => (
  <pre class="sc-text">
    {highlightSegments(text, findings).map((seg) => {
      const refs = seg.endsHere.map((i) => (
        <a class="sc-ref" href={`#finding-${i + 1}`} aria-label={st(locale, 'findingRef', { n: i + 1 })}>
          [{i + 1}]
        </a>
      ));
      return seg.findings.length ? (
        <>
          <mark class={`sev-${seg.severity}`}>{seg.text}</mark>
          {refs}
        </>
      ) : (
        <>
          {seg.text}
          {refs}
        </>
      );
    })}
  </pre>
);

const FindingItem: FC<{ locale: Locale; f: Finding; n: number; title?: string }> = ({ locale, f, n, title }) => (
  <li id={`finding-${n}`} class={`sc-finding sev-${f.severity}`}>
    <h3>
      {n}. {title ?? f.ruleId}
    </h3>
    <p>
      <span class={`badge sev-${f.severity}`}>
        {st(locale, 'severity')}: {st(locale, `sev_${f.severity}`)}
      </span>{' '}
      {f.line > 0 ? <span class="muted">{st(locale, 'line', { l: f.line, c: f.column })}</span> : null}
      {f.certainty === 'possible' ? (
        <>
          {' '}
          <span class="badge" data-testid="possible">
            {st(locale, 'possible', { pct: Math.round(f.confidence * 100) })}
          </span>
        </>
      ) : null}
    </p>
    <dl>
      <dt>{st(locale, 'matched')}</dt>
      <dd>
        <mark class={`sev-${f.severity}`}>{f.match}</mark>
      </dd>
      <dt>{st(locale, 'why')}</dt>
      <dd>{f.message}</dd>
      <dt>{st(locale, 'suggestion')}</dt>
      <dd>{f.suggestion}</dd>
      <dt>{st(locale, 'rule')}</dt>
      <dd>
        <a href={f.link}>{f.ruleId}</a>
      </dd>
    </dl>
  </li>
);

/** The page, with or without results. */
export const SelfCheckPage: FC<SelfCheckPageProps> = ({ locale, text, isHtml, result, error, ruleset }) => {
  const action = SELFCHECK_PATH[locale];
  const titles = new Map(ruleset.rules.map((r) => [r.id, (r.spec.title as Record<string, string>)[locale] ?? r.spec.title.sv]));
  return (
    <Layout locale={locale} title={st(locale, 'title')} path={SELFCHECK_PATH.sv} description={st(locale, 'intro')}>
      <link rel="stylesheet" href={SELFCHECK_CSS_PATH} />
      <h1>{st(locale, 'title')}</h1>
      <p class="lead">{st(locale, 'intro')}</p>
      <p class="muted">{st(locale, 'privacy')}</p>
      <form method="post" action={action} class="sc-form">
        <div class="field">
          <label for="sc-text">
            {st(locale, 'textLabel')} <span class="hint" id="sc-text-hint">{st(locale, 'textHint', { n: FORM_MAX_CHARS.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB') })}</span>
          </label>
          {error ? (
            <p class="sc-error" id="sc-text-error" role="alert">
              {error}
            </p>
          ) : null}
          <textarea
            id="sc-text"
            name="text"
            rows={12}
            maxlength={FORM_MAX_CHARS}
            required
            aria-describedby={error ? 'sc-text-hint sc-text-error' : 'sc-text-hint'}
            aria-invalid={error ? 'true' : undefined}
          >
            {/* A leading newline is dropped by HTML parsers; this one keeps the text's own. */}
            {'\n' + text}
          </textarea>
        </div>
        <label class="check">
          <input type="checkbox" name="html" value="1" checked={isHtml} /> {st(locale, 'htmlLabel')}
        </label>
        <p>
          <button type="submit">{st(locale, 'submit')}</button>
        </p>
      </form>
      {result ? (
        <section aria-labelledby="sc-results" class="sc-results">
          <h2 id="sc-results" tabindex={-1}>
            {st(locale, 'resultsTitle')}
          </h2>
          <p role="status">
            {result.findings.length === 0
              ? st(locale, 'noFindings', { n: result.coverage?.rules.length ?? ruleset.rules.length })
              : result.findings.length === 1
                ? st(locale, 'findingsCountOne')
                : st(locale, 'findingsCount', { n: result.findings.length })}
          </p>
          {result.findings.length ? (
            <>
              <h3>{st(locale, isHtml ? 'yourHtml' : 'yourText')}</h3>
              <Highlighted locale={locale} text={text} findings={result.findings} />
              <h3>{st(locale, 'findingsList')}</h3>
              <ol class="sc-findings">
                {result.findings.map((f, i) => (
                  <FindingItem locale={locale} f={f} n={i + 1} title={titles.get(f.ruleId)} />
                ))}
              </ol>
            </>
          ) : null}
          {result.coverage ? (
            <>
              <p data-testid="coverage-note">{result.coverage.note}</p>
              <p class="muted" data-testid="coverage">
                {st(locale, 'checkedRules', {
                  n: result.coverage.rules.length,
                  langs: result.coverage.ruleLanguages.join(', '),
                  input: result.coverage.inputLanguages.filter((l) => l !== 'und').join(', ') || '–',
                })}
              </p>
            </>
          ) : null}
          <p class="muted">{st(locale, 'rulesetVersion', { v: result.rulesetVersion })}</p>
        </section>
      ) : null}
      <p>
        {st(locale, 'apiNote')} <a href="/api/docs">{st(locale, 'apiLink')}</a>
      </p>
    </Layout>
  );
};

/** A short page for refusals (429 rate limit, 403 cross-site form). */
export const SelfCheckNotice: FC<{ locale: Locale; title: string; text: string }> = ({ locale, title, text }) => (
  <Layout locale={locale} title={title} path={SELFCHECK_PATH.sv} noindex>
    <h1>{title}</h1>
    <p>{text}</p>
    <p>
      <a href={SELFCHECK_PATH[locale]}>{st(locale, 'title')}</a>
    </p>
  </Layout>
);
