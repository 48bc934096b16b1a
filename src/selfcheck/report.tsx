/**
 * The downloadable report of one self-check: a standalone HTML file (its own styles inside, no
 * links back to load anything) with the checked text highlighted, every finding explained, when
 * and with which ruleset it was checked. Made on request from the posted text; nothing is stored.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Ruleset } from '../compliance';
import { localeInfo, type Locale } from '../i18n/locale-info';
import { ruleTitles, SelfCheckResults, type SelfCheckResult } from './page';
import { SELFCHECK_CSS } from './styles';
import { st } from '../i18n/selfcheck/texts';

/** Base styles of the file: it is opened from disk, so it cannot use the site's stylesheet. */
const REPORT_BASE_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;max-width:48rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem}h3{font-size:1.1rem}
.muted{color:#4a4a4a}
a{color:#1f4e8c}
`;

/** File name of the report: valkollen-sjalvkontroll-2026-12-04.html */
export function reportFileName(locale: Locale, now: Date): string {
  return `valkollen-${locale === 'sv' ? 'sjalvkontroll' : 'self-check'}-${now.toISOString().slice(0, 10)}.html`;
}

/** The whole report document. */
export const SelfCheckReport: FC<{ locale: Locale; text: string; isHtml: boolean; result: SelfCheckResult; ruleset: Ruleset; now: Date; site: string }> = ({ locale, text, isHtml, result, ruleset, now, site }) => {
  const when = new Intl.DateTimeFormat(localeInfo(locale).intl, { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }).format(now);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={localeInfo(locale).htmlLang} dir={localeInfo(locale).dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${st(locale, 'reportTitle')} – Valkollen`}</title>
          <style>{raw(REPORT_BASE_CSS + SELFCHECK_CSS)}</style>
        </head>
        <body>
          <main>
            <h1>{st(locale, 'reportTitle')}</h1>
            <p class="muted">{st(locale, 'reportMade', { when, v: result.rulesetVersion, site })}</p>
            <SelfCheckResults locale={locale} text={text} isHtml={isHtml} result={result} titles={ruleTitles(ruleset, locale)} linkBase={site} />
            <p class="muted">{st(locale, 'reportNote')}</p>
          </main>
        </body>
      </html>
    </>
  );
};
