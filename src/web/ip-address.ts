/**
 * IP address parsing and classification for the SSRF guard: is an address public, or loopback,
 * private, link-local (cloud metadata), CGNAT, multicast or otherwise reserved?
 *
 * IPv4 is parsed the way WHATWG URL (and so fetch) parses hosts: 1–4 parts, each decimal, octal
 * (leading 0) or hex (0x), the last part filling the remaining bytes. So "2130706433", "0x7f.1",
 * "0177.0.0.1" and "127.1" all mean 127.0.0.1. IPv6 accepts "::" compression, an embedded IPv4 tail
 * and optional brackets; IPv4-mapped/-compatible, NAT64 and 6to4 addresses are judged by the IPv4
 * address they carry.
 */

/** Why an address may not be fetched; null means public. */
export type IpBlockReason =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'this-network'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'unique-local'
  | 'unspecified';

function parseIPv4Part(s: string): number | null {
  if (s === '') return null;
  let radix = 10;
  let digits = s;
  if (/^0x/i.test(s)) {
    radix = 16;
    digits = s.slice(2);
    if (digits === '') return 0; // "0x" alone is 0 in WHATWG URL
  } else if (s.length > 1 && s.startsWith('0')) {
    radix = 8;
    digits = s.slice(1);
  }
  const re = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!re.test(digits)) return null;
  const n = parseInt(digits, radix);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Parses an IPv4 address in any form WHATWG URL accepts; returns its 32-bit value, or null if
 * `s` is not an IPv4 address.
 */
export function parseIPv4(s: string): number | null {
  let parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts = parts.slice(0, -1); // trailing dot
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const n = parseIPv4Part(p);
    if (n === null) return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - nums.length)) return null;
  let value = last;
  nums.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return value;
}

/** Dotted-quad form of a 32-bit IPv4 value. */
export function formatIPv4(v: number): string {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** Parses an IPv6 address (brackets and a zone id allowed) into eight 16-bit groups, or null. */
export function parseIPv6(input: string): number[] | null {
  let s = input;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  // An IPv4 tail ("::ffff:127.0.0.1") becomes two groups.
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(tail)) return null;
    const octets = tail.split('.').map(Number);
    if (octets.some((o) => o > 255)) return null;
    s = s.slice(0, lastColon + 1) + ((octets[0] << 8) | octets[1]).toString(16) + ':' + ((octets[2] << 8) | octets[3]).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = toGroups(halves[0]);
  const rest = halves.length === 2 ? toGroups(halves[1]) : [];
  if (!head || !rest) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - rest.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...rest];
}

function inV4(v: number, base: string, bits: number): boolean {
  const b = parseIPv4(base)!;
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : (~0 << (32 - bits)) >>> 0;
  return ((v & mask) >>> 0) === ((b & mask) >>> 0);
}

const V4_BLOCKS: [string, number, IpBlockReason][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // former 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes 255.255.255.255 broadcast
];

/** Classifies a 32-bit IPv4 value; null when it is a public unicast address. */
export function classifyIPv4(v: number): IpBlockReason | null {
  for (const [base, bits, reason] of V4_BLOCKS) if (inV4(v, base, bits)) return reason;
  return null;
}

/** Classifies an IPv6 address given as eight groups; null when it is public global unicast. */
export function classifyIPv6(g: number[]): IpBlockReason | null {
  const embedded = (hi: number, lo: number) => ((g[hi] << 16) | g[lo]) >>> 0;
  const allZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (allZero(0, 8)) return 'unspecified';
  if (allZero(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated)
  if (allZero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return classifyIPv4(embedded(6, 7)) ?? (g[5] === 0 ? 'reserved' : null);
  if (allZero(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(embedded(6, 7));
  // NAT64 well-known prefix 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is local use.
  if (g[0] === 0x64 && g[1] === 0xff9b && allZero(2, 6)) return classifyIPv4(embedded(6, 7));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private';
  // 6to4 2002::/16 carries an IPv4 address in groups 1–2.
  if (g[0] === 0x2002) return classifyIPv4(embedded(1, 2));
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation';
  if (g[0] === 0x100 && allZero(1, 4)) return 'reserved'; // discard prefix 100::/64
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local fec0::/10
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved'; // only 2000::/3 is global unicast
  return null;
}

/** What kind of IP literal a host string is. */
export type IpLiteral = { version: 4; value: number } | { version: 6; groups: number[] };

/** Parses `host` as an IPv4 (any WHATWG form) or IPv6 literal (with or without brackets). */
export function parseIpLiteral(host: string): IpLiteral | null {
  const v6 = parseIPv6(host);
  if (v6) return { version: 6, groups: v6 };
  const v4 = parseIPv4(host);
  if (v4 !== null) return { version: 4, value: v4 };
  return null;
}

/** Classifies an IP literal string; null when public. Throws if `ip` is not an IP address. */
export function classifyIp(ip: string): IpBlockReason | null {
  const lit = parseIpLiteral(ip);
  if (!lit) throw new Error(`not an IP address: ${ip}`);
  return lit.version === 4 ? classifyIPv4(lit.value) : classifyIPv6(lit.groups);
}

/** Canonical text of an IP literal (dotted quad; compressed lower-case IPv6 without brackets). */
export function canonicalIp(ip: string): string | null {
  const lit = parseIpLiteral(ip);
  if (!lit) return null;
  if (lit.version === 4) return formatIPv4(lit.value);
  // Let URL do the RFC 5952 compression.
  return new URL(`http://[${lit.groups.map((x) => x.toString(16)).join(':')}]/`).hostname.slice(1, -1);
}
