/**
 * The self-check page: the form (works without JavaScript) and, after a check, the submitted text
 * with findings highlighted inline plus the list of findings with explanation and suggestion.
 * All user text is rendered through JSX, which escapes it; no raw HTML from the input ever.
 */
import type { FC } from 'hono/jsx';
import type { Coverage, Finding, Ruleset } from '../compliance';
import { Layout } from '../views/layout';
import { publicFrame } from '../views/public-frame';
import { LOCALES, localePath, localeInfo, type Locale } from '../i18n/locale-info';
import { formatNumber } from '../i18n/format';
import { highlightSegments } from './highlight';
import { SELFCHECK_CSS_PATH } from './styles';
import { st } from '../i18n/selfcheck/texts';
import { selfCheckPath } from '../views/selfcheck-path';

export const FORM_MAX_CHARS = 100_000;

/**
 * Canonical paths per language: /sjalvkontroll, /self-check and the language prefix + the Swedish
 * path for the others (the layout's switch links prefix + Swedish path; /en/sjalvkontroll redirects).
 */
export const SELFCHECK_PATH = Object.fromEntries(LOCALES.map((l) => [l, selfCheckPath(l)])) as Record<Locale, string>;

/** The language the rules' own texts (messages, suggestions, titles) are shown in: English or Swedish. */
export const ruleLang = (locale: Locale): 'sv' | 'en' => (locale === 'en' ? 'en' : 'sv');

export interface SelfCheckResult {
  findings: Finding[];
  rulesetVersion: string;
  /** Caps on hostile HTML that were hit (the page was read only in part). */
  truncated?: string[];
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

const FindingItem: FC<{ locale: Locale; f: Finding; n: number; title?: string; linkBase?: string }> = ({ locale, f, n, title, linkBase = '' }) => {
  // The rule's own texts are Swedish or English; mark them so screen readers pronounce them right.
  const textLang = ruleLang(locale) === locale ? undefined : ruleLang(locale);
  return (
  <li id={`finding-${n}`} class={`sc-finding sev-${f.severity}`}>
    <h3>
      {n}. <span lang={textLang}>{title ?? f.ruleId}</span>
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
          {f.possibleReason ? (
            <>
              {' '}
              <span class="muted" data-testid="possible-reason">
                {st(locale, `possible_${f.possibleReason}`)}
              </span>
            </>
          ) : null}
        </>
      ) : null}
    </p>
    <dl>
      <dt>{st(locale, 'matched')}</dt>
      <dd>
        <mark class={`sev-${f.severity}`}>{f.match}</mark>
      </dd>
      <dt>{st(locale, 'why')}</dt>
      <dd lang={textLang}>{f.message}</dd>
      <dt>{st(locale, 'suggestion')}</dt>
      <dd lang={textLang}>{f.suggestion}</dd>
      <dt>{st(locale, 'rule')}</dt>
      <dd>
        <a href={linkBase + f.link}>{f.ruleId}</a>
      </dd>
    </dl>
  </li>
  );
};

/** Canonical paths of the downloadable report per language. */
export const REPORT_PATH: Record<Locale, string> = {
  sv: '/sjalvkontroll/rapport',
  en: '/self-check/report',
  ar: localePath('ar', '/sjalvkontroll/rapport'),
  so: localePath('so', '/sjalvkontroll/rapport'),
  ti: localePath('ti', '/sjalvkontroll/rapport'),
  prs: localePath('prs', '/sjalvkontroll/rapport'),
  lattlast: localePath('lattlast', '/sjalvkontroll/rapport'),
};

/** The result of a check: the count, the highlighted text and each finding explained. */
export const SelfCheckResults: FC<{ locale: Locale; text: string; isHtml: boolean; result: SelfCheckResult; titles: Map<string, string>; linkBase?: string }> = ({ locale, text, isHtml, result, titles, linkBase }) => (
  <>
    <p role="status" class="sc-count">
      {result.findings.length === 0
        ? st(locale, 'noFindings', { n: result.coverage?.rules.length ?? titles.size })
        : result.findings.length === 1
          ? st(locale, 'findingsCountOne')
          : st(locale, 'findingsCount', { n: result.findings.length })}
    </p>
    {result.truncated?.length ? <p class="muted">{st(locale, 'truncated', { caps: result.truncated.join(', ') })}</p> : null}
    {result.findings.length ? (
      <>
        {st(locale, 'ruleTextNote') ? <p class="notice">{st(locale, 'ruleTextNote')}</p> : null}
        <h3>{st(locale, 'findingsList')}</h3>
        <ol class="sc-findings">
          {result.findings.map((f, i) => (
            <FindingItem locale={locale} f={f} n={i + 1} title={titles.get(f.ruleId)} linkBase={linkBase} />
          ))}
        </ol>
        <h3>{st(locale, isHtml ? 'yourHtml' : 'yourText')}</h3>
        <Highlighted locale={locale} text={text} findings={result.findings} />
      </>
    ) : null}
    {result.coverage ? (
      <>
        {/* The note is worded in the rules' language (sv/en); other languages already say it in noFindings. */}
        {ruleLang(locale) === locale ? <p data-testid="coverage-note">{result.coverage.note}</p> : null}
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
  </>
);

/** Rule titles in the page's language, for the findings list. */
export const ruleTitles = (ruleset: Ruleset, locale: Locale) => new Map(ruleset.rules.map((r) => [r.id, (r.spec.title as Record<string, string>)[ruleLang(locale)] ?? r.spec.title.sv]));

/**
 * The page, with or without results. After a check the results come first (the form's action
 * carries #sc-results, so the browser lands on them without JavaScript), then the form to edit
 * and check again, then a way to keep the result: print it or download it as a file.
 */
export const SelfCheckPage: FC<SelfCheckPageProps> = ({ locale, text, isHtml, result, error, ruleset }) => {
  const action = `${SELFCHECK_PATH[locale]}#sc-results`;
  const titles = ruleTitles(ruleset, locale);
  const form = (
    <form method="post" action={action} class="sc-form">
      <div class="field">
        <label for="sc-text">
          {st(locale, 'textLabel')} <span class="hint" id="sc-text-hint">{st(locale, 'textHint', { n: formatNumber(locale, FORM_MAX_CHARS) })}</span>
        </label>
        {error ? (
          <p class="sc-error" id="sc-text-error" role="alert">
            {error}
          </p>
        ) : null}
        <textarea
          id="sc-text"
          name="text"
          rows={result ? 6 : 12}
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
        <button type="submit">{st(locale, result ? 'submitAgain' : 'submit')}</button>
      </p>
    </form>
  );
  return (
    <Layout frame={publicFrame({ locale, path: SELFCHECK_PATH.sv })} title={result ? `${st(locale, 'resultsTitle')} – ${st(locale, 'title')}` : st(locale, 'title')} description={st(locale, 'intro')}>
      <link rel="stylesheet" href={SELFCHECK_CSS_PATH} />
      <h1>{st(locale, 'title')}</h1>
      {result ? (
        <>
          <section aria-labelledby="sc-results" class="sc-results">
            <h2 id="sc-results" tabindex={-1}>
              {st(locale, 'resultsTitle')}
            </h2>
            <SelfCheckResults locale={locale} text={text} isHtml={isHtml} result={result} titles={titles} />
            <div class="sc-keep no-print">
              <h3>{st(locale, 'keepTitle')}</h3>
              <p>{st(locale, 'keepPrint')}</p>
              <form method="post" action={REPORT_PATH[locale]}>
                <input type="hidden" name="text" value={text} />
                {isHtml ? <input type="hidden" name="html" value="1" /> : null}
                <button type="submit" class="secondary">
                  {st(locale, 'downloadReport')}
                </button>{' '}
                <span class="hint">{st(locale, 'downloadHint')}</span>
              </form>
            </div>
          </section>
          <section aria-labelledby="sc-again" class="no-print">
            <h2 id="sc-again">{st(locale, 'editAgain')}</h2>
            {form}
          </section>
        </>
      ) : (
        <>
          <p class="lead">{st(locale, 'intro')}</p>
          <p class="muted">{st(locale, 'privacy')}</p>
          {form}
        </>
      )}
      <p class="no-print">
        {st(locale, 'apiNote')} <a href="/api/docs">{st(locale, 'apiLink')}</a>
      </p>
    </Layout>
  );
};

/** A short page for refusals (429 rate limit, 403 cross-site form). */
export const SelfCheckNotice: FC<{ locale: Locale; title: string; text: string }> = ({ locale, title, text }) => (
  <Layout frame={publicFrame({ locale, path: SELFCHECK_PATH.sv, noindex: true })} title={title}>
    <h1>{title}</h1>
    <p>{text}</p>
    <p>
      <a href={SELFCHECK_PATH[locale]}>{st(locale, 'title')}</a>
    </p>
  </Layout>
);
