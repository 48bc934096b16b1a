/**
 * The client's IP address for per-IP limits. Node (@hono/node-server) passes the raw request as
 * `c.env.incoming`, so the socket's peer address is used there and headers are ignored (they could
 * be forged). Without a socket (Cloudflare Workers) `cf-connecting-ip` is used: Cloudflare sets it
 * and clients cannot override it. Behind a reverse proxy on Node every client shares the proxy's
 * address; put the proxy's client-IP logic in front if that matters.
 */
import type { Context } from 'hono';

/** The client IP, or undefined when the runtime does not say. */
export function clientIp(c: Context): string | undefined {
  const socketAddr = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  if (socketAddr) return socketAddr.replace(/^::ffff:/, '');
  return c.req.header('cf-connecting-ip')?.trim() || undefined;
}
