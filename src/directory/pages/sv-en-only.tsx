/**
 * The frame of a page whose body is written only in Swedish and English (the accessibility
 * statement, privacy, parts of contact). In the other languages it says so in the reader's
 * language, links both versions (each named in its own language, like the language switch), and shows the body in the fallback language with its own `lang`
 * and `dir`, so screen readers switch voice: Swedish for easy Swedish, English for the others.
 */
import type { Child, FC } from 'hono/jsx';
import { localeInfo, localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';

/** The language the body is shown in for `locale`. */
export const bodyLocale = (locale: Locale): 'sv' | 'en' => (locale === 'sv' || locale === 'lattlast' ? 'sv' : 'en');

export const SvEnOnly: FC<{ locale: Locale; path: string; render: (body: 'sv' | 'en') => Child }> = ({ locale, path, render }) => {
  const body = bodyLocale(locale);
  if (locale === 'sv' || locale === 'en') return <>{render(body)}</>;
  return (
    <>
      <p class="notice" role="note">
        {t(locale, 'pageOnlySvEn')}{' '}
        <a href={localePath('sv', path)} lang="sv" hreflang="sv" dir="ltr">
          {localeInfo('sv').nativeName}
        </a>{' '}
        ·{' '}
        <a href={localePath('en', path)} lang="en" hreflang="en" dir="ltr">
          {localeInfo('en').nativeName}
        </a>
      </p>
      <div lang={body} dir="ltr">
        {render(body)}
      </div>
    </>
  );
};
