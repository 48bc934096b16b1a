// SSRF refusals. Nothing here touches the network: refused URLs are never requested and DNS
// answers come from fake resolvers.
import { describe, expect, it } from 'vitest';
import { canonicalIp, classifyIp, parseIPv4, parseIPv6 } from '../../src/web/ip-address';
import { checkAddress, checkUrlAllowed, checkUrlSyntax, type Resolver } from '../../src/web/ssrf-guard';

const fakeDns =
  (answers: Record<string, string[]>): Resolver =>
  async (host) => {
    if (!(host in answers)) throw new Error('ENOTFOUND');
    return answers[host];
  };

describe('IP addresses', () => {
  it('parses every IPv4 spelling that URL parsers accept', () => {
    const loopback = parseIPv4('127.0.0.1');
    for (const s of ['2130706433', '0x7f.1', '0x7F000001', '0177.0.0.1', '127.1', '127.0.1', '0177.1', '127.0.0.1.']) {
      expect(parseIPv4(s), s).toBe(loopback);
    }
    expect(parseIPv4('256.0.0.1')).toBeNull();
    expect(parseIPv4('exempel.se')).toBeNull();
    expect(parseIPv4('1.2.3.4.5')).toBeNull();
  });

  it('parses IPv6 including compression and an IPv4 tail', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('[::ffff:127.0.0.1]')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'this-network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('%s is %s', (ip, reason) => {
    expect(classifyIp(ip)).toBe(reason);
  });

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '8.8.8.8', '2a00:1450:4010:c05::64', '::ffff:8.8.8.8'])('%s is public', (ip) => {
    expect(classifyIp(ip)).toBeNull();
  });
});

describe('checkUrlSyntax / checkUrlAllowed', () => {
  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['ftp://exempel.se/fil.txt', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,<h1>hej</h1>', 'scheme'],
    ['gopher://exempel.se/', 'scheme'],
    ['https://anna:hemligt@exempel.se/', 'credentials'],
    ['https://anna@exempel.se/', 'credentials'],
    ['http://10.0.0.1/', 'blocked_ip'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked_ip'],
    ['http://127.0.0.1:8080/', 'blocked_ip'],
    ['http://2130706433/', 'blocked_ip'],
    ['http://0x7f.1/', 'blocked_ip'],
    ['http://0x7f000001/', 'blocked_ip'],
    ['http://0177.0.0.1/', 'blocked_ip'],
    ['http://127.1/', 'blocked_ip'],
    ['http://0/', 'blocked_ip'],
    ['http://[::1]/', 'blocked_ip'],
    ['http://[::ffff:127.0.0.1]/', 'blocked_ip'],
    ['http://[fd00::5]/', 'blocked_ip'],
    ['http://[fe80::1]/', 'blocked_ip'],
    ['http://localhost/', 'blocked_host'],
    ['http://LOCALHOST./', 'blocked_host'],
    ['http://api.localhost/', 'blocked_host'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'blocked_host'],
    ['http://db.internal/', 'blocked_host'],
    ['http://skrivare.local/', 'blocked_host'],
    ['http://intranet/', 'blocked_host'],
    ['not a url', 'invalid_url'],
  ])('refuses %s (%s)', async (url, code) => {
    const r = await checkUrlAllowed(url, {});
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.code).toBe(code);
    expect(r.ok === false && r.reason.length).toBeGreaterThan(5);
  });

  it('an allow-list entry host:port allows that port only; a bare host every port', async () => {
    expect(checkUrlSyntax('http://127.0.0.1:4567/', ['127.0.0.1:4567'])).toEqual({ ok: true });
    expect(checkUrlSyntax('http://127.0.0.1:4568/', ['127.0.0.1:4567']).ok).toBe(false);
    expect(checkUrlSyntax('http://127.0.0.1/', ['127.0.0.1:4567']).ok).toBe(false);
    expect(checkUrlSyntax('http://127.0.0.1:4568/', ['127.0.0.1'])).toEqual({ ok: true });
    expect(checkUrlSyntax('http://localhost/', ['localhost:80'])).toEqual({ ok: true }); // default port of http
    expect(checkUrlSyntax('https://localhost/', ['localhost:80']).ok).toBe(false); // https is 443
    expect(checkUrlSyntax('http://[::1]:9000/', ['[::1]:9000'])).toEqual({ ok: true });
    expect(checkUrlSyntax('http://[::1]:9001/', ['[::1]:9000']).ok).toBe(false);
    expect(checkUrlSyntax('http://2130706433:4567/', ['127.0.0.1:4567'])).toEqual({ ok: true }); // another spelling
    expect((await checkUrlAllowed('http://localhost:3001/', { allowHosts: ['localhost:3000'] })).ok).toBe(false);
    // An address behind a name is allowed for the listed port only.
    const resolve = async () => ['127.0.0.1'];
    expect(await checkUrlAllowed('http://intern.exempel.se:8080/', { resolve, allowHosts: ['127.0.0.1:8080'] })).toEqual({ ok: true });
    expect((await checkUrlAllowed('http://intern.exempel.se:8081/', { resolve, allowHosts: ['127.0.0.1:8080'] })).ok).toBe(false);
  });
  it('allows public URLs', async () => {
    expect(await checkUrlAllowed('https://www.exempel.se/tjanster')).toEqual({ ok: true });
    expect(await checkUrlAllowed('http://93.184.216.34/')).toEqual({ ok: true });
  });

  it('lets CRAWL_ALLOW_HOSTS entries through, by exact host or IP, and nothing more', async () => {
    const allowHosts = ['127.0.0.1'];
    expect(await checkUrlAllowed('http://127.0.0.1:4567/', { allowHosts })).toEqual({ ok: true });
    expect(checkUrlSyntax('http://2130706433:4567/', allowHosts)).toEqual({ ok: true }); // same address
    expect((await checkUrlAllowed('http://127.0.0.2/', { allowHosts })).ok).toBe(false);
    expect((await checkUrlAllowed('http://localhost/', { allowHosts })).ok).toBe(false);
    expect((await checkUrlAllowed('http://10.0.0.1/', { allowHosts })).ok).toBe(false);
    expect(await checkUrlAllowed('http://localhost:3000/', { allowHosts: ['localhost'] })).toEqual({ ok: true });
    expect(await checkUrlAllowed('http://[::1]/', { allowHosts: ['::1'] })).toEqual({ ok: true });
    // Allow-listing never permits other schemes or credentials.
    expect((await checkUrlAllowed('ftp://127.0.0.1/', { allowHosts })).ok).toBe(false);
    expect((await checkUrlAllowed('http://a:b@127.0.0.1/', { allowHosts })).ok).toBe(false);
  });

  it('checks every address a host name resolves to', async () => {
    const resolve = fakeDns({
      'exempel.se': ['93.184.216.34', '2a00:1450:4010:c05::64'],
      'blandad.exempel.se': ['93.184.216.34', '10.1.2.3'],
      'rebind.exempel.se': ['169.254.169.254'],
      'tom.exempel.se': [],
      'intern.exempel.se': ['127.0.0.1'],
    });
    expect(await checkUrlAllowed('https://exempel.se/', { resolve })).toEqual({ ok: true });
    const mixed = await checkUrlAllowed('https://blandad.exempel.se/', { resolve });
    expect(mixed).toMatchObject({ ok: false, code: 'blocked_ip' });
    expect(mixed.ok === false && mixed.reason).toMatch(/10\.1\.2\.3.*private/);
    expect(await checkUrlAllowed('https://rebind.exempel.se/', { resolve })).toMatchObject({ ok: false, code: 'blocked_ip' });
    expect(await checkUrlAllowed('https://tom.exempel.se/', { resolve })).toMatchObject({ ok: false, code: 'dns' });
    expect(await checkUrlAllowed('https://finns-inte.exempel.se/', { resolve })).toMatchObject({ ok: false, code: 'dns' });
    // An allow-listed address is fine even behind a name.
    expect(await checkUrlAllowed('https://intern.exempel.se/', { resolve, allowHosts: ['127.0.0.1'] })).toEqual({ ok: true });
  });

  it('checkAddress refuses non-addresses', () => {
    expect(checkAddress('exempel.se').ok).toBe(false);
    expect(checkAddress('8.8.8.8')).toEqual({ ok: true });
  });
});
