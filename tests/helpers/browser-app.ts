/**
 * Test helper for the real-browser suites: the devices they test on, and one seeded app served
 * on 127.0.0.1 plus one Debian Chromium per describe block, started before its tests and closed
 * after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/types';
import { testApp, type TestApp } from './app';
import { launchChromium } from './browser';
import { startServer, type RunningServer } from './server';

/** A phone (390×844) and a desktop (1366×900), the sizes issue 15 measured the pages at. */
export const DEVICES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

/** What a browser suite reads inside its tests (set once its beforeAll has run). */
export interface BrowserApp {
  t: TestApp;
  server: RunningServer;
  browser: Browser;
}

/**
 * Registers the beforeAll/afterAll that start the app seeded with `seed` on loopback and Chromium
 * from `chromiumPath`, and close all three afterwards. Call it inside a describe block.
 */
export function useBrowserApp(chromiumPath: string, seed: (db: Db) => Promise<unknown>): BrowserApp {
  const running = {} as BrowserApp;
  beforeAll(async () => {
    running.t = await testApp({ seed: async (db) => void (await seed(db)) });
    running.server = await startServer(running.t.app.fetch);
    running.browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
    running.t?.close();
  });
  return running;
}
