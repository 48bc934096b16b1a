/**
 * AF's published results of one contract in plain words, for provider and area pages:
 * "Av 98 deltagare som började för 11–22 månader sedan fick 40 jobb eller började studera …",
 * built only from what AF's columns say (participants who started 11–22 months before the
 * measurement, result payments RR1/RR2 per level, the weighted result measure), followed by
 * AF's "Riskerar hävning" in AF's own wording with its period and source. Unknown stays unknown.
 */
import type { FC } from 'hono/jsx';
import { formatDate, formatPeriod } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { ContractResultRow } from '../contract-queries';

/** Sum of three level counts, or null when AF left any of them out. */
function levelSum(a: number | null, b: number | null, c: number | null): number | null {
  return a === null || b === null || c === null ? null : a + b + c;
}

/** The plain-words sentences for one results row (exported for tests and the JSON-free pages). */
export function resultSentences(locale: Locale, r: ContractResultRow): string[] {
  const out: string[] = [];
  const rr1 = levelSum(r.rr1A, r.rr1B, r.rr1C);
  const rr2 = levelSum(r.rr2A, r.rr2B, r.rr2C);
  if (r.participants === null) out.push(t(locale, 'resultsParticipantsUnknown'));
  else if (r.participants === 0) out.push(t(locale, 'resultsNoParticipants'));
  else if (rr1 === null) out.push(t(locale, 'resultsNoCounts', { n: r.participants }));
  else {
    out.push(t(locale, r.participants === 1 ? 'resultsSentenceOne' : 'resultsSentence', { n: r.participants, r1: rr1 }));
    if (rr2 !== null) out.push(t(locale, 'resultsSecond', { r2: rr2 }));
  }
  if (r.weightedScore !== null) out.push(t(locale, 'resultsWeighted', { s: formatScore(locale, r.weightedScore) }));
  return out;
}

/** AF's weighted result measure with a decimal comma in Swedish, at most three decimals. */
export function formatScore(locale: Locale, n: number): string {
  return n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 3 });
}

/** AF's "Riskerar hävning" for the period: Ja / Nej, or that AF's file did not have it. */
export const RiskFlag: FC<{ locale: Locale; result: ContractResultRow }> = ({ locale, result }) => {
  const v = result.atRiskOfTermination;
  return (
    <p class="risk">
      <strong>{t(locale, 'riskLabel')}:</strong>{' '}
      {v === true ? <strong class="badge warn">{t(locale, 'riskYes')}</strong> : v === false ? t(locale, 'riskNo') : <span class="muted">{t(locale, 'riskUnknown')}</span>}{' '}
      <span class="muted">
        {t(locale, 'riskContext', { p: formatPeriod(locale, result.period) })}{' '}
        <a href={`${localePath(locale, '/om-betyg')}#resultat`}>{t(locale, 'riskExplain')}</a>
      </span>
    </p>
  );
};

/** The latest results of a contract in plain words, with period, source, revision and AF's risk flag. */
export const ContractResults: FC<{ locale: Locale; result: ContractResultRow | null; heading?: boolean }> = ({ locale, result, heading }) => {
  if (!result) return heading ? <p class="muted">{t(locale, 'resultsNotPublished')}</p> : null;
  return (
    <div class="results">
      {heading ? <h4>{t(locale, 'resultsHeading')}</h4> : null}
      {resultSentences(locale, result).map((s) => (
        <p>{s}</p>
      ))}
      {result.active22Months === null ? null : <p class="muted">{t(locale, result.active22Months ? 'active22Yes' : 'active22No')}</p>}
      <RiskFlag locale={locale} result={result} />
      <p class="muted">
        {t(locale, 'resultsPeriodSource', { p: formatPeriod(locale, result.period), f: result.sourceFile, d: formatDate(locale, result.publishedAt) })}
        {result.revision > 1 ? ` ${t(locale, 'resultsRevisedNote', { n: result.revision })}` : ''}
      </p>
    </div>
  );
};
