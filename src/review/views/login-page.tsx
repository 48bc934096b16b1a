/**
 * The sign-in page and the password change page. Sign-in works without JavaScript; its CSRF
 * token is the double-submit value also set as a cookie.
 */
import type { FC } from 'hono/jsx';
import type { Locale } from '../../i18n/locale-info';
import { CSRF_FIELD } from '../auth/csrf';
import { rp, type Reviewer } from '../context';
import { rt } from '../../i18n/review/texts';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { CsrfField } from './bits';

export interface LoginPageProps {
  locale: Locale;
  csrf: string;
  next?: string;
  email?: string;
  error?: boolean;
  notice?: string | null;
}

/** The sign-in form. */
export const LoginPage: FC<LoginPageProps> = ({ locale, csrf, next, email, error, notice }) => (
  <Layout frame={workspaceFrame({ locale, path: '/review/login' })} title={rt(locale, 'loginTitle')}>
    <div class="login">
      <h1>{rt(locale, 'loginTitle')}</h1>
      <p>{rt(locale, 'loginIntro')}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p class="error-box" role="alert" id="login-error">
          {rt(locale, 'loginFailed')}
        </p>
      ) : null}
      <form method="post" action={rp(locale, '/review/login')}>
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div class="form-row">
          <label for="email">{rt(locale, 'email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ''} aria-describedby={error ? 'login-error' : undefined} />
        </div>
        <div class="form-row">
          <label for="password">{rt(locale, 'password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">{rt(locale, 'loginButton')}</button>
      </form>
    </div>
  </Layout>
);

/** The password change form (forced after a reset). */
export const PasswordPage: FC<{ locale: Locale; reviewer: Reviewer; error?: string | null; done?: boolean }> = ({ locale, reviewer, error, done }) => (
  <Layout frame={workspaceFrame({ locale, path: '/review/password', reviewer })} title={rt(locale, 'passwordTitle')}>
    <div class="login">
      <h1>{rt(locale, 'passwordTitle')}</h1>
      {reviewer.user.mustChangePassword ? <p class="notice">{rt(locale, 'passwordMustChange')}</p> : null}
      {done ? (
        <p class="flash" role="status">
          {rt(locale, 'passwordChanged')}
        </p>
      ) : null}
      {error ? (
        <p class="error-box" role="alert" id="pw-error">
          {error}
        </p>
      ) : null}
      <form method="post" action={rp(locale, '/review/password')}>
        <CsrfField reviewer={reviewer} />
        <div class="form-row">
          <label for="current">{rt(locale, 'currentPassword')}</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
        </div>
        <div class="form-row">
          <label for="new">
            {rt(locale, 'newPassword')}
            <span class="hint" id="new-hint">
              {rt(locale, 'newPasswordHint')}
            </span>
          </label>
          <input id="new" name="new" type="password" autocomplete="new-password" minlength={12} required aria-describedby="new-hint" />
        </div>
        <div class="form-row">
          <label for="repeat">{rt(locale, 'confirmPassword')}</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength={12} required />
        </div>
        <button type="submit">{rt(locale, 'passwordButton')}</button>
      </form>
    </div>
  </Layout>
);
