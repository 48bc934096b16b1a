/**
 * "How you choose": the choice is made at Arbetsförmedlingen, not here. Shown on every
 * provider page and list, with where to go (Mina sidor, the job seeker's AF contact, AF's
 * customer service) and what to bring (the provider's name and the office's address).
 */
import type { FC } from 'hono/jsx';
import { t } from '../i18n/public/texts';
import type { Locale } from '../i18n/locale-info';

/** Arbetsförmedlingen's start page; Mina sidor is reached from it. */
export const AF_URL = 'https://arbetsformedlingen.se/';
/** Arbetsförmedlingen's customer service for job seekers. */
export const AF_PHONE = '0771-416 416';

/** The next-step box; `compact` for lists (one paragraph), full on a provider page. */
export const NextStep: FC<{ locale: Locale; compact?: boolean; providerName?: string }> = ({ locale, compact, providerName }) => (
  <section class="next-step" aria-labelledby="next-step-h">
    <h2 id="next-step-h">{t(locale, 'chooseHeading')}</h2>
    <p>{t(locale, 'chooseText')}</p>
    {compact ? null : (
      <ol>
        <li>{t(locale, 'chooseStep1')}</li>
        <li>{providerName ? t(locale, 'chooseStep2Named', { name: providerName }) : t(locale, 'chooseStep2')}</li>
        <li>{t(locale, 'chooseStep3')}</li>
      </ol>
    )}
    <p>
      <a href={AF_URL} rel="noopener external">
        {t(locale, 'chooseLink')}
      </a>{' '}
      · {t(locale, 'chooseCall')}{' '}
      <a href={`tel:+46771416416`} dir="ltr">
        {AF_PHONE}
      </a>
    </p>
  </section>
);
