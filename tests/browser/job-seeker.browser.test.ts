/**
 * Real-browser test of the job seeker's way from a place to a decision (issue 15): a locality
 * search (Skultuna → Västerås with each provider's nearest office named), a typo suggestion, the
 * provider page opening on the job seeker's municipality, the compare button appearing only once
 * something is selected (CSS :has, no JavaScript needed), and axe (WCAG 2.1 A/AA) at 0 on every
 * new or changed page, on a phone (390×844) and a desktop (1366×900). Debian Chromium only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seedDirectoryFixtureWithPlaces } from '../helpers/directory-fixture';
import { findChromium, formatViolations, runAxe } from '../helpers/browser';
import { DEVICES, useBrowserApp } from '../helpers/browser-app';

const chromiumPath = findChromium();


describe.runIf(!!chromiumPath)('the job seeker’s way in a real browser', () => {
  const app = useBrowserApp(chromiumPath!, seedDirectoryFixtureWithPlaces);

  for (const device of DEVICES) {
    describe(`on a ${device.name}`, () => {
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];

      beforeAll(async () => {
        const { name: _n, ...options } = device;
        // JavaScript off: everything here must work without it (axe is injected through the driver).
        context = await app.browser.newContext({ ...options, bypassCSP: true, locale: 'sv-SE' });
        // Generous: the machine running the tests may be busy; a real failure still fails.
        context.setDefaultTimeout(15_000);
        page = await context.newPage();
        page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      });
      afterAll(async () => {
        await context?.close();
      });

      async function checkPage(label: string) {
        const violations = await runAxe(page);
        expect(violations, `axe on ${label} (${page.url()}):\n${formatViolations(label, violations)}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
      }

      it('searches Skultuna, lands on Västerås with the place kept and the nearest office named', async () => {
        await page.goto(`${app.server.url}/`);
        await page.getByLabel(/Kommun, ort eller postnummer/).fill('Skultuna');
        await Promise.all([page.waitForURL(/\/kommun\/vasteras\?ort=Skultuna$/), page.getByRole('button', { name: 'Sök' }).click()]);
        await expect(page.locator('h1').textContent()).resolves.toBe('Leverantörer i Västerås');
        await expect(page.locator('.place-note').textContent()).resolves.toContain('Skultuna');
        const delta = page.locator('ol.providers > li', { hasText: 'Delta Coachning' });
        await expect(delta.locator('.nearest').textContent()).resolves.toMatch(/Närmaste kontor:.*Skultunavägen 3, 726 20 Skultuna – ca 0,2 km/);
        const beta = page.locator('ol.providers > li', { hasText: 'Beta Kompetens AB' });
        await expect(beta.locator('.nearest').textContent()).resolves.toContain('ligger i Fagersta');
        if (device.name === 'phone') {
          // The list comes first: a provider is on the first screen, the filters are folded.
          const top = await page.locator('ol.providers > li').first().boundingBox();
          expect(top!.y).toBeLessThan(device.viewport.height);
          await expect(page.getByLabel('Språk som personalen talar').isVisible()).resolves.toBe(false);
        }
        await checkPage('municipality with a place');
      });

      it('sorts nearest first when asked', async () => {
        await page.getByText('Filtrera och sortera').click();
        await page.getByLabel('Ordning').selectOption('nearest');
        await Promise.all([page.waitForURL(/sort=nearest/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
        await expect(page.locator('ol.providers > li h3').first().textContent()).resolves.toBe('Delta Coachning');
        expect(new URL(page.url()).searchParams.get('ort')).toBe('Skultuna');
        await checkPage('nearest first');
      });

      it('shows the compare button only once something is selected', async () => {
        const button = page.getByRole('button', { name: /Jämför valda/ });
        await expect(button.isVisible()).resolves.toBe(false);
        await page.getByLabel('Jämför Delta Coachning').check();
        await expect(button.isVisible()).resolves.toBe(true);
        await page.getByLabel('Jämför Delta Coachning').uncheck();
        await expect(button.isVisible()).resolves.toBe(false);
      });

      it('opens the provider page on the job seeker’s municipality, the rest folded', async () => {
        await Promise.all([page.waitForURL(/\/leverantor\/2\?kommun=1980&ort=Skultuna/), page.getByRole('link', { name: 'Beta Kompetens AB' }).click()]);
        const focus = page.locator('section.focus');
        await expect(focus.locator('h2').textContent()).resolves.toBe('För dig i Västerås');
        await expect(focus.textContent()).resolves.toContain('KA-100002');
        await expect(focus.textContent()).resolves.toContain('Fagerstavägen 1');
        // The Eskilstuna contract is folded away, and the focus comes before it.
        await expect(page.getByText('KA-200002').isVisible()).resolves.toBe(false);
        await expect(page.getByRole('heading', { name: 'Så väljer du leverantör' }).count()).resolves.toBe(1);
        await page.locator('details.fold summary').first().click();
        await expect(page.getByText('KA-200002').first().isVisible()).resolves.toBe(true);
        await checkPage('provider from a municipality');
      });

      it('suggests the closest names for a typo', async () => {
        await page.goto(`${app.server.url}/sok?q=vsteras`);
        await expect(page.getByText('Menade du').count()).resolves.toBe(1);
        await Promise.all([page.waitForURL(/\/kommun\/vasteras$/), page.getByRole('link', { name: 'Västerås' }).first().click()]);
        await checkPage('list after a suggestion');
        await page.goto(`${app.server.url}/sok?q=vsteras`);
        await checkPage('typo suggestions');
      });

      it('has accessible contact, accessibility, privacy, rules and compare pages', async () => {
        for (const path of ['/kontakt', '/tillganglighet', '/integritet', '/en/kontakt', '/rules', '/jamfor?kommun=1980&ids=1,2,3']) {
          expect((await page.goto(`${app.server.url}${path}`))?.status(), path).toBe(200);
          await checkPage(path);
        }
        // Rule ids are never wrapped a letter per line.
        await page.goto(`${app.server.url}/rules`);
        const id = await page.locator('table tbody td a').first().boundingBox();
        expect(id!.width).toBeGreaterThan(60);
      });

      it('sends a report from /kontakt and thanks the sender', async () => {
        await page.goto(`${app.server.url}/kontakt`);
        await page.getByLabel('Ditt meddelande').fill('Adressen till Alfa är fel.');
        await Promise.all([page.waitForURL(/\/kontakt\?skickat=1$/), page.getByRole('button', { name: 'Skicka' }).click()]);
        await expect(page.getByRole('heading', { name: /Tack!/ }).count()).resolves.toBe(1);
        await checkPage('report sent');
      });
    });
  }
});
