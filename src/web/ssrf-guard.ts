/**
 * SSRF guard: decides whether the crawler may request a URL. Provider URLs come from outside, so
 * a URL (and every redirect hop) must not reach the machine itself, the private network, or cloud
 * metadata services.
 *
 * Refused: schemes other than http(s); user name or password in the URL; host names "localhost",
 * "*.localhost", "*.local", "*.internal" (incl. metadata.google.internal), "*.home.arpa",
 * "*.localdomain" and single-label names (they resolve through local search domains); IP literals
 * (any IPv4 spelling, IPv6) that are loopback, private, CGNAT, link-local (169.254.169.254),
 * 0.0.0.0/8, multicast, documentation or reserved. A host listed in `allowHosts` (exact host name or
 * IP, from CRAWL_ALLOW_HOSTS for the crawler, CHECK_URL_ALLOW_HOSTS for the check API) skips these
 * host and address checks; scheme and credential checks always apply. An entry `host:port`
 * (`[v6]:port` for IPv6) allows that port only; a bare host allows every port.
 *
 * DNS: with `resolve`, a host name is resolved and every address must pass. That alone does not
 * stop DNS rebinding (the name can resolve differently at connect time), so the Node fetch adapter
 * (`fetch.node.ts`) checks the address again inside the socket's lookup, at connect time.
 * On Cloudflare Workers there is no DNS API: pass no `resolve`. Workers' outbound fetch cannot
 * reach private or loopback ranges (Cloudflare refuses them), so the name and literal checks
 * here are what the Worker needs.
 */
import { canonicalIp, classifyIPv4, classifyIPv6, parseIpLiteral, type IpBlockReason } from './ip-address';
import { bareHost, parseAllowEntry } from '../lib/allow-entry';

/** Resolves a host name to its IP addresses (as strings). */
export type Resolver = (host: string) => Promise<string[]>;

export interface UrlCheckOptions {
  /** Host names or IPs (lower case) allowed even though private or loopback. */
  allowHosts?: readonly string[];
  /** DNS resolution (Node only); every resolved address is checked. */
  resolve?: Resolver;
}

export type RefusalCode = 'invalid_url' | 'scheme' | 'credentials' | 'blocked_host' | 'blocked_ip' | 'dns';

export type UrlCheck = { ok: true } | { ok: false; code: RefusalCode; reason: string };

const BLOCKED_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata', 'instance-data']);
const BLOCKED_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.localdomain'];

/** The port a URL connects to: its explicit port or the scheme's default. */
export function effectivePort(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

/**
 * True when `host` (a host name or IP, any spelling) is in `allowHosts` for `port`. `'any'` asks
 * whether the host is listed at all, for a port or not: the connect-time DNS check uses it (it
 * does not know the port; the URL check before every request did).
 */
export function isAllowListed(host: string, allowHosts: readonly string[] = [], port: number | 'any' = 'any'): boolean {
  if (allowHosts.length === 0) return false;
  const h = bareHost(host);
  const ip = canonicalIp(h);
  return allowHosts.some((raw) => {
    const entry = parseAllowEntry(raw);
    if (!entry) return false;
    if (port !== 'any' && entry.port !== undefined && entry.port !== port) return false;
    return entry.host === h || (ip !== null && canonicalIp(entry.host) === ip);
  });
}

function refuse(code: RefusalCode, reason: string): UrlCheck {
  return { ok: false, code, reason };
}

/** Checks one IP address (as text) against the block list and the allow-list (for `port`). */
export function checkAddress(ip: string, allowHosts: readonly string[] = [], port: number | 'any' = 'any'): UrlCheck {
  const lit = parseIpLiteral(ip);
  if (!lit) return refuse('blocked_ip', `not an IP address: ${ip}`);
  if (isAllowListed(ip, allowHosts, port)) return { ok: true };
  const why: IpBlockReason | null = lit.version === 4 ? classifyIPv4(lit.value) : classifyIPv6(lit.groups);
  return why ? refuse('blocked_ip', `address ${canonicalIp(ip)} is ${why}`) : { ok: true };
}

/** Checks a host name that is not an IP literal against the blocked names. */
function checkHostName(host: string): UrlCheck {
  if (BLOCKED_NAMES.has(host)) return refuse('blocked_host', `host "${host}" is local`);
  const suffix = BLOCKED_SUFFIXES.find((s) => host.endsWith(s));
  if (suffix) return refuse('blocked_host', `host "${host}" is in the local domain "${suffix.slice(1)}"`);
  if (!host.includes('.')) return refuse('blocked_host', `single-label host "${host}" resolves on the local network`);
  return { ok: true };
}

/**
 * Checks everything that can be checked without DNS: scheme, credentials, blocked names and IP
 * literals. Synchronous; `checkUrlAllowed` adds DNS on top.
 */
export function checkUrlSyntax(url: string | URL, allowHosts: readonly string[] = []): UrlCheck {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return refuse('invalid_url', `invalid URL: ${String(url).slice(0, 200)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return refuse('scheme', `scheme "${u.protocol.replace(/:$/, '')}" is not http(s)`);
  }
  if (u.username !== '' || u.password !== '') return refuse('credentials', 'URL contains credentials');
  const host = bareHost(u.hostname);
  if (host === '') return refuse('invalid_url', 'URL has no host');
  const port = effectivePort(u);
  if (isAllowListed(host, allowHosts, port)) return { ok: true };
  // WHATWG URL already turned every IPv4 spelling into a dotted quad; parse anyway for URL objects
  // built elsewhere.
  if (parseIpLiteral(host)) return checkAddress(host, allowHosts, port);
  return checkHostName(host);
}

/**
 * Decides whether the crawler may request `url`: `checkUrlSyntax`, then (when `resolve` is given
 * and the host is a name) every resolved address must be public or allow-listed. A resolution
 * failure or an empty answer refuses the URL.
 */
export async function checkUrlAllowed(url: string | URL, opts: UrlCheckOptions = {}): Promise<UrlCheck> {
  const allow = opts.allowHosts ?? [];
  const syntax = checkUrlSyntax(url, allow);
  if (!syntax.ok || !opts.resolve) return syntax;
  const u = new URL(url);
  const host = bareHost(u.hostname);
  const port = effectivePort(u);
  if (isAllowListed(host, allow, port) || parseIpLiteral(host)) return syntax;
  let addresses: string[];
  try {
    addresses = await opts.resolve(host);
  } catch (err) {
    return refuse('dns', `cannot resolve "${host}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (addresses.length === 0) return refuse('dns', `"${host}" has no addresses`);
  for (const a of addresses) {
    const c = checkAddress(a, allow, port);
    if (!c.ok) return refuse('blocked_ip', `"${host}" resolves to a forbidden address: ${c.reason}`);
  }
  return { ok: true };
}
