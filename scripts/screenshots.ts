/**
 * Regenerates docs/screenshots/*.png: the main public pages at phone (390×844) and desktop
 * (1366×900) size, first screen only, in Swedish and a few pages in Arabic (right to left), Somali and
 * easy Swedish, so reviewers can see the layout without running anything.
 * Starts the service itself on 127.0.0.1 (free port) over a temporary database with the demo
 * data, drives Debian's Chromium through playwright-core, and removes the database afterwards.
 * Run: npx tsx scripts/screenshots.ts   (needs /usr/bin/chromium or CHROMIUM_PATH)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createNodeCompressor } from '../src/http/compression.node.ts';
import { withCompression } from '../src/http/compression';
import { prepareNodeDatabase } from '../src/node';
import { findChromium, launchChromium } from '../tests/helpers/browser';
import { startServer } from '../tests/helpers/server';

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
] as const;

/** Page name → path, or an action that leads there from the page before. */
const PAGES: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'search-typo', path: '/sok?q=vsteras' },
  { name: 'municipality', path: '/kommun/vasteras' },
  { name: 'municipality-nearest', path: '/kommun/vasteras?ort=Skultuna&sort=nearest' },
  { name: 'provider-from-municipality', path: '' /* filled in: first provider of the Skultuna list */ },
  { name: 'compare', path: '' /* filled in: first three providers */ },
  { name: 'rules', path: '/rules' },
  { name: 'contact', path: '/kontakt' },
  { name: 'accessibility', path: '/tillganglighet' },
  // Other languages: right to left, and easy Swedish.
  { name: 'municipality-nearest-ar', path: '/ar/kommun/vasteras?ort=Skultuna&sort=nearest' },
  { name: 'provider-from-municipality-so', path: '' /* filled in: as provider-from-municipality, in Somali */ },
  { name: 'home-lattlast', path: '/lattlast/' },
];

async function main() {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('No Chromium at /usr/bin/chromium (apt-get install -y chromium) and no CHROMIUM_PATH.');
  const dir = mkdtempSync(join(tmpdir(), 'valkollen-shots-'));
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'shots.db')}`, LOG_LEVEL: 'silent', CRAWL_INTERVAL_MINUTES: '0', CHECK_WORKERS: '0' });
  const database = await prepareNodeDatabase(config, () => {});
  const compressor = createNodeCompressor();
  const app = createApp({ db: database.db, config, clock: () => new Date(), log: () => {}, compressor });
  const server = await startServer(withCompression(app.fetch, compressor));
  const browser = await launchChromium(chromiumPath);
  const out = new URL('../docs/screenshots/', import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  try {
    // Real ids from the demo data: the first providers of the Skultuna list.
    const list = (await (await fetch(`${server.url}/api/v1/municipalities/1980/providers?ort=Skultuna&sort=nearest`)).json()) as { providers: { id: number }[] };
    const ids = list.providers.map((p) => p.id);
    PAGES.find((p) => p.name === 'provider-from-municipality')!.path = `/leverantor/${ids[0]}?kommun=1980&ort=Skultuna`;
    PAGES.find((p) => p.name === 'provider-from-municipality-so')!.path = `/so/leverantor/${ids[0]}?kommun=1980&ort=Skultuna`;
    PAGES.find((p) => p.name === 'compare')!.path = `/jamfor?kommun=1980&ids=${ids.slice(0, 3).join(',')}`;
    for (const size of SIZES) {
      const { name: sizeName, ...options } = size;
      const context = await browser.newContext({ ...options, deviceScaleFactor: 1, locale: 'sv-SE' });
      const page = await context.newPage();
      for (const p of PAGES) {
        await page.goto(server.url + p.path, { waitUntil: 'load' });
        const file = join(out, `${p.name}-${sizeName}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(`wrote docs/screenshots/${p.name}-${sizeName}.png`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
