/**
 * /kontakt: how to reach Valkollen and a report-an-error form (no JavaScript, no account).
 * The form posts back here; errors are listed at the top with links to their fields.
 */
import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { publicFrame } from '../../views/public-frame';
import { localePath, type Locale } from '../../i18n/locale-info';
import { t } from '../../i18n/public/texts';
import { REPORT_EMAIL_MAX, REPORT_KINDS, REPORT_MESSAGE_MAX, REPORT_PAGE_MAX, type ReportInput, type ReportProblem } from '../error-reports';
import { selfCheckPath } from '../../views/selfcheck-path';

export interface ContactPageProps {
  locale: Locale;
  values?: Partial<ReportInput>;
  problems?: ReportProblem[];
  sent?: boolean;
}

const FIELD_ID = { kind: 'r-kind-wrong_data', message: 'r-message', replyTo: 'r-reply' } as const;

export const ContactPage: FC<ContactPageProps> = ({ locale, values = {}, problems = [], sent }) => {
  const has = (f: ReportProblem['field']) => problems.some((p) => p.field === f);
  const msg = (f: ReportProblem['field']) => problems.find((p) => p.field === f);
  return (
    <Layout frame={publicFrame({ locale, path: '/kontakt' })} title={t(locale, 'contactTitle')}>
      <h1>{t(locale, 'contactTitle')}</h1>
      {sent ? (
        <div class="notice" role="status">
          <h2>{t(locale, 'reportThanksTitle')}</h2>
          <p>{t(locale, 'reportThanksText')}</p>
        </div>
      ) : null}
      {problems.length ? (
        <div class="notice error-summary" role="alert" aria-labelledby="err-h">
          <h2 id="err-h">{t(locale, 'reportErrorsTitle')}</h2>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={`#${FIELD_ID[p.field]}`}>{t(locale, p.key, { n: REPORT_MESSAGE_MAX })}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t(locale, 'reportIntro')}</p>
      <p>
        {t(locale, 'contactOnlyAf')}
      </p>
      <form method="post" action={localePath(locale, '/kontakt')} class="report-form" novalidate>
        <fieldset aria-invalid={has('kind') ? 'true' : undefined}>
          <legend>{t(locale, 'reportKind')}</legend>
          {REPORT_KINDS.map((k) => (
            <div class="check">
              <input type="radio" name="kind" value={k} id={`r-kind-${k}`} checked={(values.kind ?? 'wrong_data') === k} />
              <label for={`r-kind-${k}`}>{t(locale, `kind_${k}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="r-page">
            {t(locale, 'reportPage')} <span class="hint">{t(locale, 'reportPageHint')}</span>
          </label>
          <input type="text" id="r-page" name="page" maxlength={REPORT_PAGE_MAX} value={values.pageUrl ?? ''} />
        </div>
        <div class="field">
          <label for="r-message">
            {t(locale, 'reportMessage')} <span class="hint" id="r-message-hint">{t(locale, 'reportMessageHint', { n: REPORT_MESSAGE_MAX })}</span>
          </label>
          {msg('message') ? (
            <p class="field-error" id="r-message-err">
              {t(locale, msg('message')!.key, { n: REPORT_MESSAGE_MAX })}
            </p>
          ) : null}
          <textarea
            id="r-message"
            name="message"
            rows={7}
            maxlength={REPORT_MESSAGE_MAX}
            required
            aria-invalid={has('message') ? 'true' : undefined}
            aria-describedby={has('message') ? 'r-message-hint r-message-err' : 'r-message-hint'}
          >
            {values.message ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for="r-reply">
            {t(locale, 'reportReplyTo')} <span class="hint">{t(locale, 'reportReplyToHint')}</span>
          </label>
          {msg('replyTo') ? (
            <p class="field-error" id="r-reply-err">
              {t(locale, 'reportErrorEmail')}
            </p>
          ) : null}
          <input
            type="email"
            id="r-reply"
            name="replyTo"
            autocomplete="email"
            maxlength={REPORT_EMAIL_MAX}
            value={values.replyTo ?? ''}
            aria-invalid={has('replyTo') ? 'true' : undefined}
            aria-describedby={has('replyTo') ? 'r-reply-err' : undefined}
          />
        </div>
        {/* A trap for form-filling robots: hidden from people and screen readers, so only robots fill it in. */}
        <div class="hp" aria-hidden="true">
          <label for="r-website">{t(locale, 'honeypotLabel')}</label>
          <input type="text" id="r-website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">{t(locale, 'reportSend')}</button>
      </form>
      <h2>{t(locale, 'contactOtherWays')}</h2>
      <p>
        {t(locale, 'contactMarketing', { other: t(locale, 'kind_other') })}{' '}
        <a href={selfCheckPath(locale)}>{t(locale, 'selfCheckLink').toLowerCase()}</a>.
      </p>
      <p>
        <a href={localePath(locale, '/integritet')}>{t(locale, 'privacyLink')}</a> · <a href={localePath(locale, '/tillganglighet')}>{t(locale, 'accessibility')}</a>
      </p>
    </Layout>
  );
};
