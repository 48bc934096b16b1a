/**
 * The public self-check form: GET/POST /sjalvkontroll (Swedish), /self-check (English) and the
 * language prefix + /sjalvkontroll for the other public languages (/ar/sjalvkontroll …).
 * Works without JavaScript. POSTs are rate limited per client IP (bucket "form-ip:<ip>") and must
 * come from our own pages: a present Origin (or, without it, Referer) header must be same-origin,
 * else 403. No token is needed because the form has no session and changes nothing; the check only
 * stops other sites from spending our rate limit and CPU through visitors' browsers.
 */
import { Hono, type Context } from 'hono';
import { apiRuleset, checkInput } from '../api/check-service';
import { AppError } from '../http/errors';
import { hitRateLimit, setRateLimitHeaders } from '../api/rate-limit';
import { formRateLimit } from '../api/settings';
import { clientIp } from '../http/client-ip';
import type { AppEnv } from '../http/env';
import type { Locale } from '../i18n/locale-info';
import { forEachLocale, renderPage } from '../views/localized';
import { FORM_MAX_CHARS, REPORT_PATH, SELFCHECK_PATH, SelfCheckNotice, SelfCheckPage, ruleLang, type SelfCheckResult } from './page';
import { reportFileName, SelfCheckReport } from './report';
import { SELFCHECK_CSS, SELFCHECK_CSS_PATH } from './styles';
import { st } from '../i18n/selfcheck/texts';

/**
 * Form bodies up to 1 MB (URL-encoding triples non-ASCII text); the text itself is capped at
 * FORM_MAX_CHARS. Enforced by the app-wide body limit (app.ts), before the form is parsed.
 */
export const SELFCHECK_FORM_MAX_BYTES = 1024 * 1024;

/** True when the request's Origin (or Referer when there is no Origin) is our own, or absent. */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const own = new Set([new URL(c.req.url).origin, new URL(c.get('deps').config.PUBLIC_BASE_URL).origin]);
  const origin = c.req.header('origin');
  if (origin !== undefined) return own.has(origin);
  const referer = c.req.header('referer');
  if (referer === undefined) return true;
  try {
    return own.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** The posted form, checked: the text and its result, or the page to answer with instead. */
type FormCheck = { text: string; isHtml: boolean; result: SelfCheckResult } | { response: Response };

/**
 * Everything a form check goes through, for the page and the report alike: same-origin, the
 * per-IP rate limit, the text's presence and length, then the check itself (through the pool).
 */
async function runFormCheck(c: Context<AppEnv>, locale: Locale): Promise<FormCheck> {
  const { db, clock, config } = c.get('deps');
  c.header('Cache-Control', 'no-store');
  if (!isSameOrigin(c)) {
    return { response: await renderPage(c, locale, <SelfCheckNotice locale={locale} title={st(locale, 'forbiddenTitle')} text={st(locale, 'forbiddenText')} />, 403) };
  }
  const rl = await hitRateLimit(db, `form-ip:${clientIp(c) ?? 'unknown'}`, formRateLimit(config), clock());
  setRateLimitHeaders(c, rl);
  if (!rl.allowed) {
    return { response: await renderPage(c, locale, <SelfCheckNotice locale={locale} title={st(locale, 'rateTitle')} text={st(locale, 'rateText', { s: rl.resetSeconds })} />, 429) };
  }
  const form = await c.req.parseBody();
  const text = typeof form.text === 'string' ? form.text.replace(/\r\n/g, '\n') : '';
  const isHtml = form.html === '1' || form.html === 'on';
  const ruleset = apiRuleset();
  if (!text.trim() || text.length > FORM_MAX_CHARS) {
    const error = text.trim() ? st(locale, 'tooLong', { n: FORM_MAX_CHARS }) : st(locale, 'empty');
    return { response: await renderPage(c, locale, <SelfCheckPage locale={locale} text={text.slice(0, FORM_MAX_CHARS)} isHtml={isHtml} ruleset={ruleset} error={error} />, 422) };
  }
  try {
    // The form has its own lane in the check pool, and each address at most CHECKS_PER_CALLER checks at once.
    const ip = clientIp(c);
    return { text, isHtml, result: await checkInput(c.get('deps'), text, isHtml, { lang: ruleLang(locale) }, { keys: ip ? [`ip:${ip}`] : [], lane: 'form' }) };
  } catch (err) {
    // The check could not run now (busy, too slow, too many at once, shutting down): keep the pasted text in the form.
    if (!(err instanceof AppError) || (err.status !== 503 && err.code !== 'too_many_checks')) throw err;
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    const error = st(locale, err.code === 'check_timeout' ? 'timedOut' : 'busy');
    return { response: await renderPage(c, locale, <SelfCheckPage locale={locale} text={text} isHtml={isHtml} ruleset={ruleset} error={error} />, err.status as 429 | 503) };
  }
}

function register(r: Hono<AppEnv>, locale: Locale) {
  const path = SELFCHECK_PATH[locale];

  r.get(path, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return renderPage(c, locale, <SelfCheckPage locale={locale} text="" isHtml={false} ruleset={apiRuleset()} />);
  });

  r.post(path, async (c) => {
    const checked = await runFormCheck(c, locale);
    if ('response' in checked) return checked.response;
    return renderPage(c, locale, <SelfCheckPage locale={locale} text={checked.text} isHtml={checked.isHtml} ruleset={apiRuleset()} result={checked.result} />);
  });

  // The same check, answered as a file to keep or send on; nothing is stored on our side.
  r.post(REPORT_PATH[locale], async (c) => {
    const checked = await runFormCheck(c, locale);
    if ('response' in checked) return checked.response;
    const { clock, config } = c.get('deps');
    const now = clock();
    c.header('Content-Disposition', `attachment; filename="${reportFileName(locale, now)}"`);
    const site = new URL(config.PUBLIC_BASE_URL).origin;
    return c.html(<SelfCheckReport locale={locale} text={checked.text} isHtml={checked.isHtml} result={checked.result} ruleset={apiRuleset()} now={now} site={site} />);
  });
}

/** Router with the form in every public language and its stylesheet. */
export function selfCheckRoutes() {
  const r = new Hono<AppEnv>();
  forEachLocale((_prefix, locale) => register(r, locale));
  // The layout's language switch points at /en + the Swedish path.
  r.get('/en/sjalvkontroll', (c) => c.redirect(SELFCHECK_PATH.en, 301));
  r.get('/en/self-check', (c) => c.redirect(SELFCHECK_PATH.en, 301));
  r.get(SELFCHECK_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(SELFCHECK_CSS);
  });
  return r;
}
