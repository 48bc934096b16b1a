// The body limit on a real Node server (127.0.0.1, free port): a 700 MB chunked sign-in body is cut
// off at the limit with a 413, the client cannot push more than a bounded remainder, and the
// server's memory does not keep what was sent.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { reviewTestApp, type ReviewTestApp } from '../review/review-helpers';

let t: ReviewTestApp;
let server: RunningServer;
beforeAll(async () => {
  t = await reviewTestApp();
  server = await startServer(t.app.fetch);
});
afterAll(async () => {
  await server.close();
  t.close();
});

const MB = 1024 * 1024;

/** POSTs up to `total` bytes chunked (no Content-Length) until the server answers or drops the connection. */
function sendChunked(path: string, total: number): Promise<{ status: number | null; body: string; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let answered: { status: number; body: string } | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ status: answered?.status ?? null, body: answered?.body ?? '', written });
    };
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        answered = { status: res.statusCode ?? 0, body };
        finish();
      });
    });
    // The server closing the connection while we still write is the expected end of the upload.
    req.on('error', () => setTimeout(finish, 50));
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const pump = () => {
      while (!answered && !req.destroyed && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed && written >= total) req.end();
    };
    req.write('email=a&password=');
    pump();
  });
}

describe('oversized chunked bodies on a real server', () => {
  it('a 700 MB chunked sign-in body gets 413 at the limit, is not read to the end, and leaves no memory held', async () => {
    const before = process.memoryUsage();
    const r = await sendChunked('/review/login', 700 * MB);
    expect(r.status).toBe(413);
    expect(r.body).toContain('gränsen är 64 kB');
    // The server read 64 KB, then at most a bounded remainder before closing the connection.
    expect(r.written).toBeLessThan(100 * MB);
    const after = process.memoryUsage();
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(50 * MB);
    expect(after.rss - before.rss).toBeLessThan(150 * MB);
    // And the server goes on serving.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  }, 60_000);

  it('the self-check form (1 MB limit) cuts a chunked body off the same way', async () => {
    const form = await sendChunked('/self-check', 300 * MB);
    expect(form.status).toBe(413);
    expect(form.body).toContain('the limit is 1 MB');
    expect(form.written).toBeLessThan(100 * MB);
  }, 60_000);
});
