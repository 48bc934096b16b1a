/**
 * Allow-list entries for outbound requests (CRAWL_ALLOW_HOSTS, CHECK_URL_ALLOW_HOSTS): "host",
 * "host:port" or a bracketed IPv6 address with a port. Parsed where the settings are read and
 * where each request is checked.
 */

/** Host as it is compared with the allow-list: lower case, no brackets, no trailing dot. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.+$/, '');
}

/** One allow-list entry: a host name or IP, and the one port it is limited to (none: every port). */
export interface AllowEntry {
  host: string;
  port?: number;
}

/**
 * Parses an allow-list entry: "host", "host:port", "1.2.3.4:80", "[::1]", "[::1]:8080" or a bare
 * IPv6 address ("::1", no port possible). Null when malformed (a port outside 1–65535, an empty host).
 */
export function parseAllowEntry(entry: string): AllowEntry | null {
  const e = entry.trim().toLowerCase();
  let host = e;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(e);
  if (bracketed) [, host, portText] = bracketed;
  else if (e.split(':').length === 2) [host, portText] = e.split(':');
  host = bareHost(host);
  if (host === '' || /[/\s@]/.test(host)) return null;
  if (portText === undefined) return { host };
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return null;
  return { host, port: Number(portText) };
}
