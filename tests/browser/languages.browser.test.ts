/**
 * Real-browser test of the public pages in all seven languages: Debian Chromium (playwright-core)
 * against the app over HTTP on 127.0.0.1 with the fixture directory. axe-core (WCAG 2.1 A/AA)
 * must report nothing on home, municipality, provider, compare, /om-betyg, /rules and the
 * self-check form in every language, on a phone and on a desktop, and no page may scroll
 * sideways on the phone. The Arabic page must be laid out right to left (computed direction,
 * mirrored frame), and the language switch must keep the page and its filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seedDirectoryFixture } from '../helpers/directory-fixture';
import { findChromium, formatViolations, runAxe } from '../helpers/browser';
import { DEVICES, useBrowserApp } from '../helpers/browser-app';
import { LOCALES, localeInfo, localePath } from '../../src/i18n/locale-info';
import { SELFCHECK_PATH } from '../../src/selfcheck/page';

const chromiumPath = findChromium();
if (!chromiumPath && !process.env.CI) {
  console.warn('[browser test] skipped: no Chromium at /usr/bin/chromium. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
}


/** The pages axe checks in every language (Swedish paths; the language prefix is added). */
const PAGES = [
  { label: 'home', path: '/' },
  { label: 'municipality', path: '/kommun/vasteras?accepting=true' },
  { label: 'provider', path: '/leverantor/1?kommun=1980', openDetails: true },
  { label: 'compare', path: '/jamfor?ids=1&ids=3&kommun=1980' },
  { label: 'about ratings', path: '/om-betyg' },
  { label: 'rules', path: '/rules' },
  { label: 'self-check form', path: '/sjalvkontroll' },
  { label: 'municipality with the nearest offices', path: '/kommun/vasteras?ort=Skultuna&sort=nearest' },
  { label: 'delivery areas', path: '/omraden' },
  { label: 'contact and report form', path: '/kontakt' },
];

describe.runIf(!!chromiumPath)('public pages in every language in a real browser', () => {
  const app = useBrowserApp(chromiumPath!, seedDirectoryFixture);

  for (const device of DEVICES) {
    describe(`on a ${device.name}`, () => {
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];

      beforeAll(async () => {
        const { name: _name, ...options } = device;
        // bypassCSP: axe is injected as an inline script, which our CSP forbids.
        context = await app.browser.newContext({ ...options, bypassCSP: true, javaScriptEnabled: true });
        context.setDefaultTimeout(10_000);
        page = await context.newPage();
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${page.url()})`);
        });
        page.on('pageerror', (err) => problems.push(`pageerror: ${err.message} (${page.url()})`));
      });

      afterAll(async () => {
        await context?.close();
      });

      for (const locale of LOCALES) {
        it(`${locale}: axe finds nothing on ${PAGES.map((p) => p.label).join(', ')}`, { timeout: 120_000 }, async () => {
          const info = localeInfo(locale);
          const failures: string[] = [];
          for (const p of PAGES) {
            const url = p.path === '/sjalvkontroll' ? SELFCHECK_PATH[locale] : localePath(locale, p.path);
            const res = await page.goto(`${app.server.url}${url}`);
            expect(res?.status(), url).toBe(200);
            expect(await page.locator('html').getAttribute('lang'), url).toBe(info.htmlLang);
            expect(await page.evaluate(() => getComputedStyle(document.body).direction), url).toBe(info.dir);
            if (p.openDetails) await page.locator('details summary').first().click();
            const violations = await runAxe(page);
            if (violations.length) failures.push(formatViolations(`${locale} ${p.label}`, violations));
            if (device.name === 'phone') {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
              if (overflow > 0) failures.push(`${locale} ${p.label} (${url}) scrolls sideways by ${overflow}px on a phone`);
            }
          }
          expect(failures, failures.join('\n')).toEqual([]);
          expect(problems, 'console or page errors').toEqual([]);
        });
      }
    });
  }

  it('lays the Arabic page out right to left and keeps filters across the language switch', { timeout: 60_000 }, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${app.server.url}/kommun/vasteras?accepting=true&lang=ar`);
      await Promise.all([page.waitForURL(`${app.server.url}/ar/kommun/vasteras?accepting=true&lang=ar`), page.getByRole('link', { name: 'العربية' }).click()]);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      // The filters came along: the same providers, the boxes still set.
      expect(await page.locator('#f-acc').isChecked()).toBe(true);
      expect(await page.locator('#f-lang').inputValue()).toBe('ar');
      expect((await page.locator('ol.providers > li h3').allTextContents()).sort()).toEqual(['Alfa Jobbcoach AB', 'Gamma Vägledning AB']);
      // The frame mirrors: the brand sits at the right edge, the notice bar on the right side.
      const brand = (await page.locator('a.brand').boundingBox())!;
      const nav = (await page.locator('nav.lang-switch').boundingBox())!;
      expect(brand.x).toBeGreaterThan(nav.x);
      expect(brand.x + brand.width).toBeGreaterThan(1366 / 2);
      // Latin names inside Arabic text keep their own order (isolated, not reordered).
      const heading = await page.locator('h1').textContent();
      expect(heading).toContain('Västerås');
      // Filtering in Arabic stays in Arabic and keeps the query; the switch back keeps it too.
      await page.locator('#f-sort').selectOption('name');
      await Promise.all([page.waitForURL(/\/ar\/kommun\/vasteras\?.*sort=name/), page.getByRole('button', { name: 'عرض' }).click()]);
      const arUrl = new URL(page.url());
      await Promise.all([page.waitForURL((u) => u.pathname === '/kommun/vasteras'), page.getByRole('link', { name: 'Svenska', exact: true }).click()]);
      const svUrl = new URL(page.url());
      expect(Object.fromEntries(svUrl.searchParams)).toEqual(Object.fromEntries(arUrl.searchParams));
      expect(await page.locator('#f-sort').inputValue()).toBe('name');
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
      // Dari is right to left too; easy Swedish is Swedish, left to right.
      await Promise.all([page.waitForURL((u) => u.pathname === '/prs/kommun/vasteras'), page.getByRole('link', { name: 'دری' }).click()]);
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('fa-AF');
      await Promise.all([page.waitForURL((u) => u.pathname === '/lattlast/kommun/vasteras'), page.getByRole('link', { name: 'Lättläst svenska' }).click()]);
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    } finally {
      await context.close();
    }
  });

  it('shows Arabic self-check results right to left without accessibility errors', { timeout: 60_000 }, async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, bypassCSP: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${app.server.url}/ar/sjalvkontroll`);
      await page.locator('#sc-text').fill('Välj oss så får du ett presentkort på 500 kr!');
      await Promise.all([page.waitForURL(`${app.server.url}/ar/sjalvkontroll`), page.getByRole('button', { name: 'افحص' }).click()]);
      expect(await page.locator('.sc-finding').count()).toBeGreaterThan(0);
      const finding = page.locator('.sc-finding').first();
      // The coloured bar follows the reading direction: on the right in Arabic.
      expect(await finding.evaluate((el) => getComputedStyle(el).borderRightWidth)).toBe('6px');
      const violations = await runAxe(page);
      expect(violations, formatViolations('ar self-check results', violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
