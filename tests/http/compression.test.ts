import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, withCompression } from '../../src/http/compression';
import { createNodeCompressor } from '../../src/http/compression.node.ts';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { testApp } from '../helpers/app';

describe('negotiateEncoding', () => {
  it('prefers br, honours q-values and refusals', () => {
    expect(negotiateEncoding('gzip, deflate, br', ['br', 'gzip'])).toBe('br');
    expect(negotiateEncoding('gzip', ['br', 'gzip'])).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5', ['br', 'gzip'])).toBe('gzip');
    expect(negotiateEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(negotiateEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(negotiateEncoding(null, ['br', 'gzip'])).toBeNull();
  });
});

describe('compressed responses with the render cache in front', () => {
  it('serves br and gzip (fresh and cached), keeps ETag/304 working and says Vary', async () => {
    const t = await testApp({ seed: seedDirectoryFixture, env: { PAGE_RENDER_CACHE_SECONDS: '60' } });
    const compressor = createNodeCompressor();
    // The app as the Node entry builds it: render cache with the compressor, compression outside.
    const { createApp } = await import('../../src/app');
    const app = createApp({ db: t.db, config: t.config, clock: () => t.now.value, log: () => {}, compressor });
    const fetch = withCompression(app.fetch, compressor);
    const get = (headers: Record<string, string>) => fetch(new Request('http://localhost/kommun/vasteras', { headers }));

    const plain = await get({});
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    const strong = plain.headers.get('etag')!;
    expect(strong).toMatch(/^"/);

    for (const round of ['fresh or cached', 'cached']) {
      const br = await get({ 'accept-encoding': 'gzip, br' });
      expect(br.headers.get('content-encoding'), round).toBe('br');
      expect(br.headers.get('vary')).toContain('Accept-Encoding');
      expect(br.headers.get('etag')).toBe(`W/${strong}`);
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
      const gz = await get({ 'accept-encoding': 'gzip' });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    }
    const notModified = await get({ 'accept-encoding': 'br', 'if-none-match': `W/${strong}` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-encoding')).toBeNull();
    expect(notModified.headers.get('vary')).toContain('Accept-Encoding');
    expect((await get({ 'if-none-match': strong })).status).toBe(304);
    t.close();
  });
  it('leaves small and non-text responses alone', async () => {
    const compressor = createNodeCompressor();
    const fetch = withCompression((req: Request) => (new URL(req.url).pathname === '/small' ? new Response('ok', { headers: { 'content-type': 'text/plain' } }) : new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } })), compressor);
    for (const path of ['/small', '/image']) {
      const res = await fetch(new Request(`http://localhost${path}`, { headers: { 'accept-encoding': 'br' } }));
      expect(res.headers.get('content-encoding'), path).toBeNull();
    }
  });
});
