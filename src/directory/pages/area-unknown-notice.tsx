/**
 * The delivery-area line of a municipality page. When AF's delivery-area document tells us
 * which area(s) cover the municipality, it names them (linking to each area page, with the
 * basis). When it does not, it says so plainly, lists the providers with an office in the
 * municipality (not as "providers here": an office is not a contract), and points to the
 * delivery-area list and to Arbetsförmedlingen's own chooser. It never guesses an area.
 */
import type { FC } from 'hono/jsx';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import type { MunicipalityAreaInfo } from '../area-queries';
import { basisLabel } from './area-labels';
import { areaListPath, areaPath } from '../../views/area-paths';

/** Arbetsförmedlingen's public chooser "Sök leverantör inom rusta och matcha" (a link only; never fetched). */
export const AF_CHOOSER_PAGE = 'https://arbetsformedlingen.se/for-arbetssokande/extra-stod/stod-a-o/rusta-och-matcha/sok-leverantor-inom-rusta-och-matcha';

export const AreaNotice: FC<{ locale: Locale; name: string; info: MunicipalityAreaInfo }> = ({ locale, name, info }) => {
  if (info.areas.length) {
    return (
      <p class="muted area-line">
        {t(locale, 'areaOfMunicipality')}:{' '}
        {info.areas.map((a, i) => (
          <>
            {i ? ', ' : ''}
            <a href={areaPath(locale, a.slug)}>
              <bdi>{a.name}</bdi>
            </a> ({basisLabel(locale, a.basis)})
          </>
        ))}
      </p>
    );
  }
  return (
    <section class="notice area-unknown" aria-labelledby="area-unknown">
      <h2 id="area-unknown">{t(locale, 'areaUnknownTitle', { name })}</h2>
      <p>{t(locale, 'areaUnknownText', { name })}</p>
      <h3>{t(locale, 'areaUnknownOffices', { name })}</h3>
      {info.officeProviders.length ? (
        <>
          <ul>
            {info.officeProviders.map((p) => (
              <li>
                <a href={localePath(locale, `/leverantor/${p.id}`)}>{p.name}</a>
                <span class="muted"> — {p.offices.map((o) => `${o.street}, ${o.postcode.slice(0, 3)} ${o.postcode.slice(3)} ${o.town}`).join('; ')}</span>
              </li>
            ))}
          </ul>
          <p class="muted">{t(locale, 'areaUnknownOfficesNote')}</p>
        </>
      ) : (
        <p>{t(locale, 'areaUnknownNoOffices')}</p>
      )}
      <ul>
        <li>
          <a href={areaListPath(locale)}>{t(locale, 'areasLink')}</a>
        </li>
        <li>
          <a href={AF_CHOOSER_PAGE} rel="external noopener">{t(locale, 'afChooserLink')}</a> <span class="muted">{t(locale, 'afChooserNote')}</span>
        </li>
      </ul>
    </section>
  );
};
