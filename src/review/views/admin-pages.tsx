/**
 * Admin-only pages: the account list (with disabling) and the self-check API keys (list,
 * create — the key is shown once on the response page — and revoke).
 */
import type { FC } from 'hono/jsx';
import type { ApiKeyInfo } from '../../api/api-keys';
import type { Locale } from '../../i18n/locale-info';
import type { UserRow } from '../auth/sessions';
import { rp, type Reviewer } from '../context';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { Flash, When, CsrfField } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';

/** The account list. */
export const UsersPage: FC<{ locale: Locale; reviewer: Reviewer; users: UserRow[]; now: Date; flash?: string | null }> = ({ locale, reviewer, users, now, flash }) => (
  <Layout frame={workspaceFrame({ locale, path: '/review/admin/users', reviewer, nav: 'users' })} title={rt(locale, 'usersTitle')}>
    <h1>{rt(locale, 'usersTitle')}</h1>
    <Flash text={flash} />
    <p>{rt(locale, 'usersIntro')}</p>
    <DataTable caption={rt(locale, 'usersTitle')} columns={[rt(locale, 'name'), rt(locale, 'email'), rt(locale, 'role'), rt(locale, 'accountState'), rt(locale, 'lastLogin'), rt(locale, 'actions')]}>
      {users.map((u) => {
        const locked = u.lockedUntil && Date.parse(u.lockedUntil) > now.getTime();
        return (
          <tr>
            <td>{u.displayName}</td>
            <td>{u.email}</td>
            <td>{rtDynamic(locale, 'role', u.role)}</td>
            <td>
              {u.disabledAt ? rt(locale, 'state_disabled') : rt(locale, 'state_active')}
              {locked ? (
                <>
                  {' · '}
                  {rt(locale, 'state_locked')} <When iso={u.lockedUntil} />
                </>
              ) : null}
            </td>
            <td>
              <When iso={u.lastLoginAt} />
            </td>
            <td>
              {!u.disabledAt && u.id !== reviewer.user.id ? (
                <form method="post" action={rp(locale, `/review/admin/users/${u.id}/disable`)}>
                  <CsrfField reviewer={reviewer} />
                  <button type="submit" class="danger">
                    {rt(locale, 'disableButton', { name: u.displayName })}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  </Layout>
);

export interface ApiKeysPageProps {
  locale: Locale;
  reviewer: Reviewer;
  keys: ApiKeyInfo[];
  created?: { key: string; prefix: string } | null;
  flash?: string | null;
  error?: string | null;
}

/** The API key administration page. */
export const ApiKeysPage: FC<ApiKeysPageProps> = ({ locale, reviewer, keys, created, flash, error }) => (
  <Layout frame={workspaceFrame({ locale, path: '/review/admin/api-keys', reviewer, nav: 'apikeys' })} title={rt(locale, 'apiKeysTitle')}>
    <h1>{rt(locale, 'apiKeysTitle')}</h1>
    <Flash text={flash} />
    {error ? (
      <p class="error-box" role="alert">
        {error}
      </p>
    ) : null}
    {created ? (
      <div class="flash" role="status">
        <p>{rt(locale, 'apiKeyCreated')}</p>
        <p>
          <code class="key" data-testid="new-key">
            {created.key}
          </code>
        </p>
      </div>
    ) : null}
    <p>{rt(locale, 'apiKeysIntro')}</p>
    <form method="post" action={rp(locale, '/review/admin/api-keys')}>
      <CsrfField reviewer={reviewer} />
      <fieldset class="filters">
        <legend>{rt(locale, 'apiKeyCreate')}</legend>
        <div>
          <label for="label">{rt(locale, 'apiKeyLabel')}</label>
          <input type="text" id="label" name="label" required maxlength={100} />
        </div>
        <div>
          <label for="orgnr">{rt(locale, 'apiKeyProvider')}</label>
          <input type="text" id="orgnr" name="orgnr" maxlength={13} />
        </div>
        <div>
          <label for="rate">{rt(locale, 'apiKeyRateLimit')}</label>
          <input type="number" id="rate" name="rate" min={1} max={1000000} />
        </div>
        <div>
          <button type="submit">{rt(locale, 'apiKeyCreate')}</button>
        </div>
      </fieldset>
    </form>
    {keys.length ? (
      <DataTable caption={rt(locale, 'apiKeysTitle')} columns={[rt(locale, 'apiKeyPrefix'), rt(locale, 'apiKeyLabel'), rt(locale, 'provider'), rt(locale, 'apiKeyStatus'), rt(locale, 'apiKeyCreatedAt'), rt(locale, 'apiKeyLastUsed'), rt(locale, 'actions')]}>
        {keys.map((k) => (
          <tr>
            <td>
              <code>{k.prefix}…</code>
            </td>
            <td>{k.label}</td>
            <td>{k.providerName ?? '–'}</td>
            <td>
              {k.revokedAt ? (
                <>
                  {rt(locale, 'apiKeyRevokedAt')} <When iso={k.revokedAt} />
                </>
              ) : (
                rt(locale, 'apiKeyActive')
              )}
            </td>
            <td>
              <When iso={k.createdAt} />
            </td>
            <td>{k.lastUsedAt ? <When iso={k.lastUsedAt} /> : rt(locale, 'apiKeyNever')}</td>
            <td>
              {!k.revokedAt ? (
                <form method="post" action={rp(locale, `/review/admin/api-keys/${k.id}/revoke`)}>
                  <CsrfField reviewer={reviewer} />
                  <button type="submit" class="danger">
                    {rt(locale, 'apiKeyRevoke', { prefix: k.prefix })}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p>{rt(locale, 'noApiKeys')}</p>
    )}
  </Layout>
);
