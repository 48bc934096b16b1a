// The Node adapter's connect-time SSRF check (DNS rebinding). Host names are answered by a fake
// lookup that points at the fixture site on 127.0.0.1, so no real DNS query is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePageFetcher, guardedLookup, type BaseLookup } from '../../src/web/fetch.node';
import { crawlerUserAgent } from '../../src/version';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

const UA = crawlerUserAgent('https://valkollen.example');
let site: FixtureSite;

/** dns.lookup stand-in: every name resolves to 127.0.0.1 (in both the single and the `all` form). */
const toLoopback: BaseLookup = (_host, options, cb) => {
  if ((options as { all?: boolean }).all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
};
/** The URL check's resolver says "public address" — the rebinding attacker's first answer. */
const publicAnswer = async () => ['93.184.216.34'];

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

describe('connect-time SSRF check (fetch.node.ts)', () => {
  it('refuses 127.0.0.1 when it is not allow-listed, without connecting', async () => {
    const fetcher = createNodePageFetcher({ userAgent: UA, allowHosts: [] });
    try {
      site.reset();
      const r = await fetcher.fetch(`${site.url}/`);
      expect(r).toMatchObject({ kind: 'refused', status: 0 });
      expect(r.error).toMatch(/127\.0\.0\.1 is loopback/);
      expect(site.requests).toHaveLength(0);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses a host name that resolves to loopback at connect time, without connecting', async () => {
    const fetcher = createNodePageFetcher({ userAgent: UA, allowHosts: [], resolve: publicAnswer, lookup: toLoopback });
    try {
      site.reset();
      const r = await fetcher.fetch(`http://rebind.exempel.se:${site.port}/`);
      expect(r.kind).toBe('refused');
      expect(r.error).toMatch(/rebind\.exempel\.se.*127\.0\.0\.1.*loopback/);
      expect(site.requests).toHaveLength(0);
    } finally {
      await fetcher.close();
    }
  });

  it('connects through the guarded lookup when the resolved address is allow-listed', async () => {
    const fetcher = createNodePageFetcher({ userAgent: UA, allowHosts: ['127.0.0.1'], resolve: async () => ['127.0.0.1'], lookup: toLoopback });
    try {
      const r = await fetcher.fetch(`http://fixture.exempel.se:${site.port}/kontakt`);
      expect(r.kind).toBe('html');
      expect(r.text).toContain('Kontakta oss');
    } finally {
      await fetcher.close();
    }
  });

  it('the guarded lookup checks every address of an `all: true` answer', async () => {
    const mixed: BaseLookup = (_h, _o, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]);
    const lookup = guardedLookup([], mixed) as unknown as BaseLookup;
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('blandad.exempel.se', { all: true }, (e) => resolve(e)));
    expect(err?.code).toBe('ERR_SSRF_BLOCKED');
    const ok = guardedLookup([], (_h, _o, cb) => cb(null, '93.184.216.34', 4)) as unknown as BaseLookup;
    const res = await new Promise<unknown[]>((resolve) => ok('exempel.se', {}, (e, a, f) => resolve([e, a, f])));
    expect(res).toEqual([null, '93.184.216.34', 4]);
  });
});
