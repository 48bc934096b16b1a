/**
 * Real-browser test of the public directory: Debian Chromium (playwright-core) against the
 * app served over HTTP on 127.0.0.1 with the fixture directory. Walks the main journey on
 * a phone and on a desktop (search, filter, provider, back, compare), partly by keyboard,
 * and runs axe-core (WCAG 2.1 A/AA) on every page visited. Fails in CI without Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { findChromium, formatViolations, runAxe } from '../helpers/browser';
import { useBrowserApp } from '../helpers/browser-app';

const chromiumPath = findChromium();
const inCi = !!process.env.CI;

if (!chromiumPath && !inCi) {
  console.warn('[browser test] skipped: no Chromium at /usr/bin/chromium. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
}

describe.runIf(!chromiumPath && inCi)('browser prerequisites', () => {
  it('has Debian Chromium installed in CI', () => {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '/usr/bin/chromium';
    expect.fail(`CI is set but no Chromium was found at ${where}. \`.ci/run\` must \`apt-get install -y chromium\`.`);
  });
});

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

describe.runIf(!!chromiumPath)('directory in a real browser', () => {
  const app = useBrowserApp(chromiumPath!, seedDirectoryFixture);

  for (const device of VIEWPORTS) {
    describe(`on a ${device.name} (${device.viewport.width}×${device.viewport.height})`, () => {
      let context: BrowserContext;
      let page: Page;
      /** Console errors and uncaught page errors; expected 404 resource errors are allowed per step. */
      const problems: string[] = [];
      let allowNotFound = false;

      beforeAll(async () => {
        // bypassCSP: our CSP forbids inline script, and axe is injected as an inline script tag.
        const { name: _name, ...options } = device;
        context = await app.browser.newContext({ ...options, bypassCSP: true, locale: 'sv-SE', javaScriptEnabled: true });
        context.setDefaultTimeout(5_000); // fail fast instead of hitting the 30 s test timeout
        page = await context.newPage();
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          if (allowNotFound && /status of 404/.test(msg.text())) return;
          problems.push(`console: ${msg.text()} (${msg.location().url || page.url()})`);
        });
        page.on('pageerror', (err) => problems.push(`pageerror: ${err.message} (${page.url()})`));
      });

      afterAll(async () => {
        await context?.close();
      });

      /** Asserts zero WCAG 2.1 A/AA violations and no console/page errors so far. */
      async function checkPage(label: string) {
        const violations = await runAxe(page);
        expect(violations, `axe found WCAG violations on ${label} (${page.url()}):\n${formatViolations(label, violations)}`).toEqual([]);
        if (device.name === 'phone') {
          // Small screens: nothing may force sideways scrolling of the whole page.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${label} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
        }
        expect(problems, `console or page errors on ${label}`).toEqual([]);
      }

      const providerNames = () => page.locator('ol.providers > li h3').allTextContents();

      it('finds Västerås from the home page by keyboard', async () => {
        const res = await page.goto(`${app.server.url}/`);
        expect(res?.status()).toBe(200);
        await expect(page.title()).resolves.toContain('Valkollen');
        await checkPage('home');

        // The first Tab reaches the skip link; Enter moves focus into main; the next Tab is the search field.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Hoppa till innehållet');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
        await page.keyboard.type('vasteras');
        await Promise.all([page.waitForURL(`${app.server.url}/kommun/vasteras`), page.keyboard.press('Enter')]);

        await expect(page.locator('h1').textContent()).resolves.toBe('Leverantörer i Västerås');
        expect((await providerNames()).sort()).toEqual(['Alfa Jobbcoach AB', 'Beta Kompetens AB', 'Delta Coachning', 'Gamma Vägledning AB']);
        await checkPage('municipality');
      });

      it('filters the list to Arabic-speaking providers', async () => {
        // The filters are folded behind one button so the list comes first on a phone.
        await page.getByText('Filtrera och sortera').click();
        await page.getByLabel('Språk som personalen talar').selectOption('ar');
        await Promise.all([page.waitForURL(/\/kommun\/vasteras\?.*lang=ar/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
        expect((await providerNames()).sort()).toEqual(['Alfa Jobbcoach AB', 'Gamma Vägledning AB']);
        for (const langs of await page.locator('ol.providers > li .langs').allTextContents()) expect(langs).toContain('العربية');
        await expect(page.getByLabel('Språk som personalen talar').inputValue()).resolves.toBe('ar');
        await checkPage('filtered municipality');
      });

      it('opens a provider page and goes back to the filtered list', async () => {
        await Promise.all([page.waitForURL(/\/leverantor\/1\?kommun=1980$/), page.getByRole('link', { name: 'Alfa Jobbcoach AB' }).click()]);
        await expect(page.locator('h1').textContent()).resolves.toBe('Alfa Jobbcoach AB');
        await expect(page.getByText('KA-100001').count()).resolves.toBeGreaterThan(0);
        await page.locator('details summary').first().click(); // rating history, so axe sees the table too
        await checkPage('provider');

        await page.goBack();
        await page.waitForURL(/\/kommun\/vasteras\?.*lang=ar/);
        expect((await providerNames()).sort()).toEqual(['Alfa Jobbcoach AB', 'Gamma Vägledning AB']);
      });

      it('compares two ticked providers side by side', async () => {
        await page.getByLabel('Jämför Alfa Jobbcoach AB').check();
        await page.getByLabel('Jämför Gamma Vägledning AB').check();
        await Promise.all([page.waitForURL(/\/jamfor\?/), page.getByRole('button', { name: /Jämför valda/ }).click()]);
        const url = new URL(page.url());
        expect(url.searchParams.getAll('ids').sort()).toEqual(['1', '3']);
        await expect(page.locator('h1').textContent()).resolves.toBe('Jämför leverantörer');
        const headers = await page.locator('table thead th[scope=col]').allTextContents();
        expect(headers.sort()).toEqual(['Alfa Jobbcoach AB', 'Gamma Vägledning AB']);
        await checkPage('compare');
      });

      it('serves search results, the ratings explainer, an English list and a helpful 404 without accessibility errors', async () => {
        expect((await page.goto(`${app.server.url}/sok?q=sto`))?.status()).toBe(200);
        await expect(page.getByRole('link', { name: 'Stockholm' }).count()).resolves.toBeGreaterThan(0);
        await checkPage('search results');

        expect((await page.goto(`${app.server.url}/om-betyg`))?.status()).toBe(200);
        await checkPage('/om-betyg');

        expect((await page.goto(`${app.server.url}/en/kommun/vasteras`))?.status()).toBe(200);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
        expect((await providerNames()).length).toBe(4);
        await checkPage('/en/kommun/vasteras');

        allowNotFound = true; // the document itself answers 404, which Chromium logs
        const res = await page.goto(`${app.server.url}/finns-inte`);
        expect(res?.status()).toBe(404);
        await expect(page.locator('h1').textContent()).resolves.toBe('Sidan finns inte');
        await expect(page.locator('input[name=q]').count()).resolves.toBe(1);
        await checkPage('404');
        allowNotFound = false;
      });
    });
  }
});
