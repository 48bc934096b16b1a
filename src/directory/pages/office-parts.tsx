/**
 * View pieces about offices, shared by the municipality list, the provider page and the
 * comparison: an office's address, the contact details AF publishes for it, and the nearest
 * office with its approximate distance (naming the municipality when it lies outside).
 */
import type { FC } from 'hono/jsx';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/public/texts';
import type { Locale } from '../../i18n/locale-info';
import type { NearestOffice } from '../nearest-office';
import type { OfficeRow } from '../office-queries';
import type { ReferencePoint } from '../reference-point';

/** "Storgatan 1, 722 11 Västerås" */
export const officeAddress = (o: OfficeRow) => `${o.street}, ${o.postcode.slice(0, 3)} ${o.postcode.slice(3)} ${o.town}`;

/** A distance as text: "ca 4,2 km" / "about 4.2 km". */
export function distanceText(locale: Locale, km: number): string {
  return t(locale, 'distanceAbout', { km: formatNumber(locale, km, { maximumFractionDigits: 1 }) });
}

/** Phone and e-mail AF publishes for the office, as links; nothing when AF publishes none. */
export const OfficeContact: FC<{ locale: Locale; office: OfficeRow }> = ({ locale, office }) =>
  office.phone || office.email ? (
    <span class="contact">
      {office.phone ? (
        <>
          {t(locale, 'contactPhone')}: <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
        </>
      ) : null}
      {office.phone && office.email ? ' · ' : null}
      {office.email ? (
        <>
          {t(locale, 'contactEmail')}: <a href={`mailto:${office.email}`}>{office.email}</a>
        </>
      ) : null}
    </span>
  ) : null;

/** Where the distance is measured from, and how exact it is. */
export const ReferenceNote: FC<{ locale: Locale; reference: ReferencePoint }> = ({ locale, reference }) => (
  <span>
    {reference.input.postnummer || reference.input.ort
      ? t(locale, 'distanceFromPlace', {
          place: reference.input.postnummer ? `${reference.input.postnummer.slice(0, 3)} ${reference.input.postnummer.slice(3)} (${reference.locality})` : reference.locality,
          m: reference.municipality.name,
        })
      : t(locale, 'distanceFromCentre', { place: reference.locality, m: reference.municipality.name })}{' '}
    {reference.approximate ? t(locale, `approx_${reference.basis}`) : t(locale, 'approx_locality')}
  </span>
);

/** "Närmaste kontor: Storgatan 1, 722 11 Västerås – ca 4 km (i Surahammar)" with contact details. */
export const NearestOfficeLine: FC<{ locale: Locale; nearest: NearestOffice | null; providerName: string }> = ({ locale, nearest, providerName }) => {
  if (!nearest) return <p class="muted">{t(locale, 'noOfficeCoordinates')}</p>;
  const o = nearest.office;
  return (
    <p class="nearest">
      <strong>{t(locale, 'nearestOffice')}:</strong> <span class="visually-hidden">{providerName}, </span>
      {officeAddress(o)} – <strong class="distance">{distanceText(locale, nearest.distanceKm)}</strong>
      {nearest.outsideMunicipality ? (
        <span class="outside"> ({o.municipalityName ? t(locale, 'officeOutside', { m: o.municipalityName }) : t(locale, 'unknownMunicipality')})</span>
      ) : null}
      {o.phone || o.email ? (
        <>
          <br />
          <OfficeContact locale={locale} office={o} />
        </>
      ) : null}
    </p>
  );
};
