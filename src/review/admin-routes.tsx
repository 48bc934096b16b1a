/**
 * Admin-only routes (officers get 403): the account list with disabling, and the self-check API
 * keys (src/api/api-keys.ts) — list, create (shown once) and revoke — each recorded in audit_events.
 */
import type { Hono } from 'hono';
import { createApiKey, listApiKeys, revokeApiKey } from '../api/api-keys';
import { providers } from '../db/schema';
import { normaliseOrgnr } from '../lib/orgnr';
import { notFound } from '../http/errors';
import type { Locale } from '../i18n/locale-info';
import { eq } from 'drizzle-orm';
import { recordAudit } from './audit';
import { AccountError, disableUser, listUsers } from './auth/users';
import { requireAdmin, rp, type ReviewContext, type ReviewEnv } from './context';
import { rt } from '../i18n/review/texts';
import { ApiKeysPage, UsersPage } from './views/admin-pages';

/** Registers the admin routes for one locale. */
export function registerAdminRoutes(r: Hono<ReviewEnv>, locale: Locale) {
  const usersPath = rp(locale, '/review/admin/users');
  const keysPath = rp(locale, '/review/admin/api-keys');

  r.get(usersPath, async (c) => {
    requireAdmin(c);
    const { db, clock } = c.get('deps');
    const flash = c.req.query('done') !== undefined ? rt(locale, 'userDisabled') : null;
    return c.html(<UsersPage locale={locale} reviewer={c.get('reviewer')} users={await listUsers(db)} now={clock()} flash={flash} />);
  });

  r.post(rp(locale, '/review/admin/users/:id{[0-9]+}/disable'), async (c) => {
    requireAdmin(c);
    const { db, clock } = c.get('deps');
    try {
      await disableUser(db, { id: Number(c.req.param('id')), actor: `user:${c.get('reviewer').user.id}`, now: clock() });
    } catch (e) {
      if (e instanceof AccountError) throw notFound(e.message);
      throw e;
    }
    return c.redirect(`${usersPath}?done`, 303);
  });

  const keysPage = async (c: ReviewContext, extra: { created?: { key: string; prefix: string }; flash?: string; error?: string } = {}, status: 200 | 400 = 200) =>
    c.html(<ApiKeysPage locale={locale} reviewer={c.get('reviewer')} keys={await listApiKeys(c.get('deps').db)} {...extra} />, status);

  r.get(keysPath, async (c) => {
    requireAdmin(c);
    return keysPage(c, c.req.query('revoked') !== undefined ? { flash: rt(locale, 'apiKeyRevoked') } : {});
  });

  r.post(keysPath, async (c) => {
    requireAdmin(c);
    const { db, clock } = c.get('deps');
    const form = await c.req.parseBody();
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
    const label = str('label').slice(0, 100);
    const rateRaw = str('rate');
    const rate = rateRaw ? Number(rateRaw) : null;
    if (!label || (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > 1_000_000))) return keysPage(c, { error: rt(locale, 'apiKeyBadInput') }, 400);
    let providerId: number | null = null;
    if (str('orgnr')) {
      const digits = normaliseOrgnr(str('orgnr'));
      const [p] = digits ? await db.select({ id: providers.id }).from(providers).where(eq(providers.orgnr, digits)).limit(1) : [];
      if (!p) return keysPage(c, { error: rt(locale, 'apiKeyNoProvider') }, 400);
      providerId = p.id;
    }
    const actor = `user:${c.get('reviewer').user.id}`;
    const now = clock();
    const created = await createApiKey(db, { label, providerId, createdBy: actor, now, rateLimitPerMinute: rate });
    await recordAudit(db, { at: now.toISOString(), actor, action: 'apikey_created', subjectType: 'api_key', subjectId: created.id, detail: { prefix: created.prefix, label, providerId } });
    // Shown once, on this response (no-store); never stored or logged in clear.
    return keysPage(c, { created: { key: created.key, prefix: created.prefix } });
  });

  r.post(rp(locale, '/review/admin/api-keys/:id{[0-9]+}/revoke'), async (c) => {
    requireAdmin(c);
    const { db, clock } = c.get('deps');
    const now = clock();
    let key;
    try {
      key = await revokeApiKey(db, c.req.param('id') ?? '', now);
    } catch (e) {
      throw notFound((e as Error).message);
    }
    await recordAudit(db, { at: now.toISOString(), actor: `user:${c.get('reviewer').user.id}`, action: 'apikey_revoked', subjectType: 'api_key', subjectId: key.id, detail: { prefix: key.prefix } });
    return c.redirect(`${keysPath}?revoked`, 303);
  });
}
