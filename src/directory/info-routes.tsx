/**
 * The site's own pages in every public language (/en/…, /ar/… ): the accessibility statement
 * (/tillganglighet), privacy (/integritet) and contact with the report-an-error form (/kontakt).
 * The form needs no token (no session, nothing to take over) but must come from our own pages,
 * is rate limited per client IP, has bounded fields and a honeypot; reports are stored for officers.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { hitRateLimit, pruneRateLimitCounters, setRateLimitHeaders } from '../api/rate-limit';
import { clientIp } from '../http/client-ip';
import type { AppEnv } from '../http/env';
import { isSameOrigin } from '../selfcheck/routes';
import { localePath, type Locale } from '../i18n/locale-info';
import { t } from '../i18n/public/texts';
import { Layout } from '../views/layout';
import { publicFrame } from '../views/public-frame';
import { forEachLocale, renderPage } from '../views/localized';
import { REPORT_RATE_LIMIT, REPORT_RATE_WINDOW_SECONDS, storeReport, validateReport } from './error-reports';
import { AccessibilityPage } from './pages/accessibility-page';
import { ContactPage } from './pages/contact-page';
import { PrivacyPage } from './pages/privacy-page';
import { publicCache } from './request-context';

const field = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function register(r: Hono<AppEnv>, locale: Locale) {
  const p = (path: string) => localePath(locale, path);

  r.get(p('/tillganglighet'), (c) => {
    publicCache(c);
    return renderPage(c, locale, <AccessibilityPage locale={locale} />);
  });

  r.get(p('/integritet'), (c) => {
    publicCache(c);
    return renderPage(c, locale, <PrivacyPage locale={locale} />);
  });

  r.get(p('/kontakt'), (c) => {
    // ?skickat=1 after a report (Post/Redirect/Get); both variants are the same for everyone.
    publicCache(c);
    return renderPage(c, locale, <ContactPage locale={locale} sent={c.req.query('skickat') === '1'} />);
  });

  // The body is bounded by the app-wide limit (REPORT_MAX_BODY_BYTES, listed in app.ts) before this runs.
  r.post(
    p('/kontakt'),
    async (c) => {
      const { db, clock } = c.get('deps');
      c.header('Cache-Control', 'no-store');
      if (!isSameOrigin(c)) {
        return renderPage(
          c,
          locale,
          <Layout frame={publicFrame({ locale, path: '/kontakt', noindex: true })} title={t(locale, 'contactTitle')}>
            <h1>{t(locale, 'contactTitle')}</h1>
            <p>{t(locale, 'reportForbidden')}</p>
            <p>
              <a href={p('/kontakt')}>{t(locale, 'contactLink')}</a>
            </p>
          </Layout>,
          403,
        );
      }
      const now = clock();
      const rl = await hitRateLimit(db, `report-ip:${clientIp(c) ?? 'unknown'}`, REPORT_RATE_LIMIT, now, REPORT_RATE_WINDOW_SECONDS);
      setRateLimitHeaders(c, rl);
      if (!rl.allowed) {
        return renderPage(
          c,
          locale,
          <Layout frame={publicFrame({ locale, path: '/kontakt', noindex: true })} title={t(locale, 'reportRateTitle')}>
            <h1>{t(locale, 'reportRateTitle')}</h1>
            <p>{t(locale, 'reportRateText', { s: rl.resetSeconds })}</p>
          </Layout>,
          429,
        );
      }
      const form = await c.req.parseBody();
      const values = {
        kind: field(form.kind, 40),
        pageUrl: field(form.page, 2000),
        // One character over the limit is enough to say "too long"; more is never read.
        message: field(form.message, 20_000),
        replyTo: field(form.replyTo, 400),
      };
      // The honeypot: people never see the field, robots fill it in. Answer as if stored, store nothing.
      if (field(form.website, 200).trim()) return c.redirect(`${p('/kontakt')}?skickat=1`, 303);
      const checked = validateReport(values);
      if (!checked.ok) return renderPage(c, locale, <ContactPage locale={locale} values={{ ...values, message: values.message.slice(0, 2000) }} problems={checked.problems} />, 422);
      await storeReport(db, checked.value, locale, now);
      if (Math.random() < 0.05) await pruneRateLimitCounters(db, now).catch(() => undefined);
      return c.redirect(`${p('/kontakt')}?skickat=1`, 303);
    },
  );
}

/** Router for /tillganglighet, /integritet and /kontakt in every public language. */
export function infoRoutes() {
  const r = new Hono<AppEnv>();
  r.get('*', etag());
  forEachLocale((_prefix, locale) => register(r, locale));
  return r;
}
