/**
 * Node-only DNS resolver for the SSRF guard: the addresses the operating system would connect to
 * (getaddrinfo via dns.lookup, so /etc/hosts counts), for `checkUrlAllowed({ resolve })`.
 */
import { lookup } from 'node:dns/promises';
import type { Resolver } from './ssrf-guard';

/** Resolves `host` to every IPv4 and IPv6 address getaddrinfo returns. */
export const nodeResolve: Resolver = async (host) => {
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
};
