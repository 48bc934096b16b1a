// The API key CLI (src/cli/apikey.ts), run through its command function against a migrated database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiKeyCommand } from '../../src/cli/apikey';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { apiTestApp, type ApiTestApp } from './api-helpers';

let t: ApiTestApp;
beforeAll(async () => {
  t = await apiTestApp({ seed: seedDirectoryFixture });
});
afterAll(() => t.close());

const run = (...argv: string[]) => runApiKeyCommand(t.db, argv, t.now.value);

describe('npm run apikey', () => {
  it('create --provider shows the key once; it works on the API; list shows prefix, provider and last use; revoke stops it', async () => {
    const created = await run('create', '--provider', '556000-0001', '--label', 'Alfa CI');
    expect(created.code).toBe(0);
    const key = created.out.match(/\b(vk_[0-9A-Za-z]{43})\b/)?.[1];
    expect(key).toBeTruthy();
    expect(created.out).toContain('shown only this once');

    expect((await t.check({ text: 'Hej' }, { key })).status).toBe(200);

    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${key!.slice(0, 9)}…`);
    expect(list.out).toContain('Alfa Jobbcoach AB (556000-0001)');
    expect(list.out).toContain('Alfa CI');
    expect(list.out).toContain(t.now.value.toISOString());
    expect(list.out).not.toContain(key);

    const json = JSON.parse((await run('list', '--json')).out);
    expect(json[0]).toMatchObject({ prefix: key!.slice(0, 9), label: 'Alfa CI', providerOrgnr: '556000-0001', revokedAt: null });
    expect(JSON.stringify(json)).not.toContain(key);

    const revoked = await run('revoke', key!.slice(0, 9));
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('stops working at once');
    expect((await t.check({ text: 'Hej' }, { key })).status).toBe(401);
    expect((await run('list')).out).toContain('revoked');
  });
  it('uses the provider name as the default label and masks sole traders in lists', async () => {
    const r = await run('create', '--provider', '8503122387');
    expect(r.code).toBe(0);
    expect(r.out).toContain('for Delta Coachning');
    expect((await run('list')).out).not.toContain('850312-2387');
  });
  it('create --no-provider --label with a rate limit', async () => {
    const r = await run('create', '--no-provider', '--label', 'bench', '--rate-limit', '100000');
    expect(r.code).toBe(0);
    expect((await run('list')).out).toMatch(/bench\s+\S+\s+never\s+100000\/min/);
  });
  it.each([
    [['create'], 2, /--provider/],
    [['create', '--provider', '123'], 2, /not a valid organisation number/],
    [['create', '--provider', '556000-0100'], 1, /no provider/],
    [['create', '--no-provider'], 2, /--label/],
    [['create', '--provider', '5560000001', '--rate-limit', 'many'], 2, /--rate-limit/],
    [['revoke'], 2, /revoke needs/],
    [['revoke', 'vk_nomatch'], 1, /no active API key/],
    [['revoke', '99999'], 1, /no API key/],
    [['frobnicate'], 2, /unknown command/],
    [[], 2, /give a command/],
    [['list', '--bogus'], 2, /Unknown option/],
  ])('%j exits %i with a message', async (argv, code, msg) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(msg);
  });
});
