/**
 * What the directory shows about a provider and its contracts, the same on every page: the rating
 * with its period, whether it takes new participants, the languages it offers with where that
 * claim comes from, the "data as of" stamp, and language names for select options.
 */
import type { FC } from 'hono/jsx';
import type { DataAsOf, LanguageClaim } from '../provider-queries';
import type { RatingRow } from '../contract-queries';
import { formatDate, formatPeriod } from '../../i18n/format';
import type { Locale } from '../../i18n/locale-info';
import { t, type MessageKey } from '../../i18n/public/texts';

/**
 * A language's name for the interface language: Swedish or English where we have it (the
 * Swedish pages and easy Swedish use the Swedish name), else null (the native name stands alone).
 */
function interfaceName(locale: Locale, l: { nameSv: string; nameEn: string }): string | null {
  return locale === 'sv' || locale === 'lattlast' ? l.nameSv : locale === 'en' ? l.nameEn : null;
}

/**
 * Plain-text label of a language for a select option: "Arabiska – العربية" on Swedish pages; on
 * pages in other scripts just its own name. The native name is isolated (FSI…PDI) so
 * right-to-left names do not reorder the label.
 */
export function languageLabel(locale: Locale, l: { nameSv: string; nameEn: string; nameNative: string }): string {
  const name = interfaceName(locale, l);
  if (name === null) return `\u2068${l.nameNative}\u2069`;
  return `${name}${l.nameNative.toLowerCase() !== name.toLowerCase() ? ` – \u2068${l.nameNative}\u2069` : ''}`;
}

const NULL_REASONS = new Set(['too_new', 'below_threshold', 'not_published']);

/** Stars as glyphs for sighted readers plus a text alternative for everyone. */
export const Rating: FC<{ locale: Locale; rating: RatingRow | null; withSource?: boolean }> = ({ locale, rating, withSource }) => {
  if (!rating || rating.stars === null) {
    const reason = rating?.nullReason ?? 'not_published';
    const key = (NULL_REASONS.has(reason) ? `reason_${reason}` : 'reason_not_published') as MessageKey;
    return (
      <span class="rating">
        <strong>{t(locale, 'noRatingYet')}</strong>: {t(locale, key)}
        {rating ? <span class="muted"> ({t(locale, 'ratingPeriod', { p: formatPeriod(locale, rating.period) })})</span> : null}
      </span>
    );
  }
  return (
    <span class="rating">
      <span class="stars" aria-hidden="true">
        {'★'.repeat(rating.stars)}
        {'☆'.repeat(4 - rating.stars)}
      </span>{' '}
      <strong>{t(locale, 'ratingStars', { n: rating.stars })}</strong>{' '}
      <span class="muted">({t(locale, 'ratingPeriod', { p: formatPeriod(locale, rating.period) })})</span>
      {withSource ? (
        <span class="muted"> · {t(locale, 'ratingSource', { s: rating.sourceFile, d: formatDate(locale, rating.publishedAt) })}</span>
      ) : null}
    </span>
  );
};

/** Whether new participants are accepted; null is shown as unknown, never as yes or no. */
export const Accepting: FC<{ locale: Locale; value: boolean | null }> = ({ locale, value }) =>
  value === true ? (
    <span class="badge ok">{t(locale, 'accepting')}</span>
  ) : value === false ? (
    <span class="badge warn">{t(locale, 'notAccepting')}</span>
  ) : (
    <span class="badge">{t(locale, 'acceptingUnknown')}</span>
  );

/** Language names in the interface language and in the language itself, with whose claim it is. */
export const Languages: FC<{ locale: Locale; languages: LanguageClaim[]; showOrigin?: boolean }> = ({ locale, languages, showOrigin }) => {
  if (!languages.length) return <span class="muted">{t(locale, 'languagesNone')}</span>;
  const origins = [...new Set(languages.map((l) => l.origin))];
  return (
    <span>
      {languages.map((l, i) => (
        <>
          {i > 0 ? t(locale, 'listSeparator') : ''}
          <bdi lang={l.code === 'prs' ? 'fa-AF' : l.code}>{l.nameNative}</bdi>
          {(() => {
            const name = interfaceName(locale, l);
            return name !== null && l.nameNative.toLowerCase() !== name.toLowerCase() ? ` (${name})` : '';
          })()}
        </>
      ))}
      {showOrigin !== false ? (
        <span class="origin"> — {origins.map((o) => t(locale, `origin_${o}` as MessageKey)).join('; ')}</span>
      ) : null}
    </span>
  );
};

/** "Data as of" stamp with the source; says so plainly when the data is the fictional demo set. */
export const DataStamp: FC<{ locale: Locale; data: DataAsOf | null }> = ({ locale, data }) =>
  data ? (
    <p class="muted data-as-of">
      {t(locale, 'dataAsOf', { d: formatDate(locale, data.dataAsOf) })}. {t(locale, 'dataSource', { s: data.fileName ?? data.source })}.
      {data.source === 'demo' ? <strong> {t(locale, 'demoData')}</strong> : null}
    </p>
  ) : null;
