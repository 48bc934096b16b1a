/**
 * Test helper: serves a fetch handler (e.g. `createApp(...).fetch`) over real HTTP with
 * @hono/node-server on 127.0.0.1 and a free port, for browser tests and benchmarks.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Stops accepting connections, drops idle keep-alive sockets and resolves when closed. */
  close(): Promise<void>;
}

type FetchHandler = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/** Starts the handler on 127.0.0.1 (port 0 = any free port unless `port` is given). */
export function startServer(fetch: FetchHandler, opts: { port?: number; hostname?: string } = {}): Promise<RunningServer> {
  const hostname = opts.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fetch as never, hostname, port: opts.port ?? 0 }, (info: AddressInfo) => {
      const url = `http://${hostname}:${info.port}`;
      resolve({
        url,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            const http = server as Server;
            http.close((err) => (err ? fail(err) : done()));
            // Browsers keep connections alive; without this close() would wait for them.
            http.closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
