/**
 * Real-browser test of the marketer's self-check, on a phone (390×844) and a desktop (1366×900):
 * a violating text is checked through the form and, after the POST, the results heading
 * (#sc-results) is inside the viewport without any script on the page; the "download the report"
 * button answers with a file (a Playwright download) holding the text and the finding; axe-core
 * (WCAG 2.1 A/AA) finds nothing on the form, the result page or the API reference it links to. Debian Chromium via playwright-core;
 * skipped with a message without it.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { findChromium, formatViolations, runAxe } from '../helpers/browser';
import { DEVICES, useBrowserApp } from '../helpers/browser-app';

const chromiumPath = findChromium();
const inCi = !!process.env.CI;
if (!chromiumPath && !inCi) console.warn('[browser test] skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');

describe.runIf(!chromiumPath && inCi)('browser prerequisites (self-check)', () => {
  it('has Debian Chromium installed in CI', () => {
    expect.fail('CI is set but no Chromium was found; `.ci/run` must `apt-get install -y chromium`.');
  });
});


// A realistic paragraph: the violation sits in the middle of ordinary copy, and the text is long
// enough that the form and its textarea push the page well past one screen.
const COPY = [
  'Välkommen till Alfa Jobbcoach!',
  'Vi hjälper dig att skriva ditt CV, öva inför intervjuer och hitta rätt arbetsgivare.',
  'Välj oss som leverantör och få ett presentkort på 500 kr!',
  'Våra coacher finns i hela Västmanland och du kan träffa oss på plats eller digitalt.',
  'Ring oss eller skicka ett mejl så berättar vi mer.',
].join('\n');

describe.runIf(!!chromiumPath)('the self-check in a real browser', () => {
  const app = useBrowserApp(chromiumPath!, seedDirectoryFixture);

  for (const device of DEVICES) {
    describe(`on a ${device.name} (${device.viewport.width}×${device.viewport.height})`, () => {
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];

      beforeAll(async () => {
        const { name: _name, ...options } = device;
        context = await app.browser.newContext({ ...options, bypassCSP: true, locale: 'sv-SE', acceptDownloads: true });
        context.setDefaultTimeout(15_000); // the shared machine can be slow; a real failure still fails
        page = await context.newPage();
        page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${page.url()})`));
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} (${page.url()})`));
      });
      afterAll(async () => {
        await context?.close();
      });

      async function checkPage(label: string) {
        const violations = await runAxe(page);
        expect(violations, `axe found WCAG violations on ${label} (${page.url()}):\n${formatViolations(label, violations)}`).toEqual([]);
        expect(problems, `console or page errors on ${label}`).toEqual([]);
        if (device.isMobile) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${label} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
        }
      }

      it('lands on the results after a check, with no script on the page', async () => {
        await page.goto(`${app.server.url}/sjalvkontroll`);
        await checkPage('self-check form');
        await page.getByLabel(/^Text att kontrollera/).fill(COPY);
        await Promise.all([page.waitForURL(`${app.server.url}/sjalvkontroll#sc-results`), page.getByRole('button', { name: 'Kontrollera', exact: true }).click()]);
        await page.waitForLoadState('load');
        // Nothing but the fragment of the form's action brings the results into view.
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        const heading = page.locator('#sc-results');
        await expect(heading.textContent()).resolves.toBe('Resultat');
        const box = await heading.boundingBox();
        expect(box, 'the results heading is rendered').not.toBeNull();
        expect(box!.y, 'results heading below the top edge').toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, 'results heading above the bottom edge').toBeLessThanOrEqual(device.viewport.height);
        // The count and the first finding follow right after it.
        await expect(page.locator('.sc-count').textContent()).resolves.toMatch(/^Vi hittade \d+ sak(er)? att ändra\.$/);
        await expect(page.locator('#finding-1 mark').first().textContent()).resolves.toContain('presentkort');
        const countBox = await page.locator('.sc-count').boundingBox();
        expect(countBox!.y).toBeLessThan(device.viewport.height);
        // The text is kept in the form below, to edit and check again.
        await expect(page.getByLabel(/^Text att kontrollera/).inputValue()).resolves.toBe(COPY);
        await checkPage('self-check results');
      });

      it('downloads the report of the same check as a file holding the text and the finding', async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner rapporten' }).click()]);
        expect(download.suggestedFilename()).toMatch(/^valkollen-sjalvkontroll-\d{4}-\d{2}-\d{2}\.html$/);
        const file = await download.path();
        const html = await readFile(file, 'utf8');
        expect(html).toMatch(/^<!doctype html>/i);
        expect(html).toContain('Rapport från självkontroll');
        expect(html).toContain('R22-INDUCEMENT');
        expect(html).toContain('presentkort på 500 kr');
        expect(html).toContain('Våra coacher finns i hela Västmanland'); // the whole checked text
        expect(html).not.toMatch(/<script/i);
        // The page itself stays where it was: a download does not navigate.
        expect(page.url()).toBe(`${app.server.url}/sjalvkontroll#sc-results`);
      });

      it('links to the API reference, which explains how to get a key, without WCAG violations', async () => {
        await Promise.all([page.waitForURL(`${app.server.url}/api/docs`), page.getByRole('link', { name: 'API-dokumentation' }).click()]);
        await expect(page.locator('#getting-an-api-key').textContent()).resolves.toBe('Getting an API key');
        await checkPage('API reference');
      });
    });
  }
});
