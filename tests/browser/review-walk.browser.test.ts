/**
 * Real-browser test of the officer's day in the review workspace, on a phone (390×844) and a
 * desktop (1366×900): the queue opens severity-first with a filter, a finding is opened, the j / k
 * keys walk the filtered queue, a confirm lands on the next finding with the filter kept (URL and
 * "Fynd N av M i kön"), "Tillbaka till kön" returns to the filtered queue, and the last decision
 * lands back on the queue. axe-core (WCAG 2.1 A/AA) runs on the queue, the finding page, the audit
 * log and the dashboard. Debian Chromium via playwright-core; skipped with a message without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { findChromium, formatViolations, launchChromium, runAxe } from '../helpers/browser';
import { OFFICER, reviewTestApp, seedFindings, type ReviewTestApp } from '../review/review-helpers';

const chromiumPath = findChromium();
const inCi = !!process.env.CI;
if (!chromiumPath && !inCi) console.warn('[browser test] skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');

describe.runIf(!chromiumPath && inCi)('browser prerequisites (review walk)', () => {
  it('has Debian Chromium installed in CI', () => {
    expect.fail('CI is set but no Chromium was found; `.ci/run` must `apt-get install -y chromium`.');
  });
});

const DEVICES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

// In queue order (most severe first, then surest first): 3 critical · 5 high 1.0 · 1 high 0.9 ·
// 4 high 0.6 · 2 low. With severity=high the officer walks 5 → 1 → 4.
const SEEDS = [
  { id: 1, severity: 'high', certainty: 'possible' as const, confidence: 0.9, firstSeenAt: '2026-11-20T08:00:00.000Z', match: 'surfplatta', context: 'Alla som väljer oss får en surfplatta att behålla.' },
  { id: 2, severity: 'low', firstSeenAt: '2026-11-21T08:00:00.000Z' },
  { id: 3, severity: 'critical', firstSeenAt: '2026-11-10T08:00:00.000Z' },
  { id: 4, severity: 'high', certainty: 'possible' as const, confidence: 0.6, firstSeenAt: '2026-11-22T08:00:00.000Z' },
  { id: 5, severity: 'high', firstSeenAt: '2026-11-01T08:00:00.000Z' },
];

describe.runIf(!!chromiumPath)('the officer walks a filtered queue in a real browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const device of DEVICES) {
    describe(`on a ${device.name} (${device.viewport.width}×${device.viewport.height})`, () => {
      let t: ReviewTestApp;
      let server: RunningServer;
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];

      beforeAll(async () => {
        // A fresh workspace per device: the decisions below change the queue.
        t = await reviewTestApp({ seed: (db) => seedFindings(db, SEEDS).then(() => undefined) });
        t.now.value = new Date();
        server = await startServer(t.app.fetch);
        const { name: _name, ...options } = device;
        // bypassCSP so axe can be injected (our CSP forbids inline script).
        context = await browser.newContext({ ...options, bypassCSP: true, locale: 'sv-SE' });
        context.setDefaultTimeout(15_000); // the shared machine can be slow; a real failure still fails
        page = await context.newPage();
        page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${page.url()})`));
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} (${page.url()})`));
      });

      afterAll(async () => {
        await context?.close();
        await server?.close();
        t?.close();
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

      const path = () => new URL(page.url()).pathname + new URL(page.url()).search;
      const position = () => page.getByRole('navigation', { name: 'Gå igenom kön' }).locator('span').first().textContent();
      const queueIds = async () => (await page.locator('table.queue tbody td.id > a').allTextContents()).map((s) => Number(s.replace('#', '')));

      it('signs in from a filtered queue link and opens that queue, most severe and surest first', async () => {
        await page.goto(`${server.url}/review/findings?severity=high`);
        await page.waitForURL(/\/review\/login\?next=/);
        await page.getByLabel('E-postadress').fill(OFFICER.email);
        await page.getByLabel('Lösenord').fill(OFFICER.password);
        await Promise.all([page.waitForURL(`${server.url}/review/findings?severity=high`), page.getByRole('button', { name: 'Logga in' }).click()]);
        expect(await queueIds()).toEqual([5, 1, 4]);
        await expect(page.locator('#result-count').textContent()).resolves.toMatch(/3/);
        await expect(page.locator('#severity').inputValue()).resolves.toBe('high');
        const first = await page.locator('table.queue tbody tr').first().boundingBox();
        expect(first, 'first queue row is rendered').not.toBeNull();
        if (device.name === 'desktop') expect(first!.y, 'first queue row starts above the fold at 1366×900').toBeLessThan(900);
        await checkPage('queue (severity=high)');
      });

      it('opens a finding on its place in the filtered queue', async () => {
        await Promise.all([page.waitForURL(/\/review\/findings\/5\?severity=high$/), page.getByRole('link', { name: '#5', exact: true }).click()]);
        await expect(position()).resolves.toBe('Fynd 1 av 3 i kön');
        await expect(page.locator('a[data-walk=prev]').count()).resolves.toBe(0);
        await expect(page.locator('a[data-walk=next]').getAttribute('href')).resolves.toBe('/review/findings/1?severity=high');
        await checkPage('finding #5');
      });

      it('walks to the next finding with j and back with k (the keys script loads from our origin)', async () => {
        await Promise.all([page.waitForURL(/\/review\/findings\/1\?severity=high$/), page.keyboard.press('j')]);
        await expect(position()).resolves.toBe('Fynd 2 av 3 i kön');
        await Promise.all([page.waitForURL(/\/review\/findings\/5\?severity=high$/), page.keyboard.press('k')]);
        await expect(position()).resolves.toBe('Fynd 1 av 3 i kön');
        // Typing in a field never walks away from the page.
        await page.getByLabel(/^Skäl/).focus();
        await page.keyboard.type('jk');
        expect(path()).toBe('/review/findings/5?severity=high');
        await page.getByLabel(/^Skäl/).fill('');
      });

      it('confirms and lands on the next finding with the filter still applied', async () => {
        await Promise.all([page.waitForURL(/\/review\/findings\/1\?/), page.getByRole('button', { name: 'Bekräfta fyndet' }).click()]);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/review/findings/1');
        expect(url.searchParams.get('severity')).toBe('high');
        expect(url.searchParams.get('decided')).toBe('5');
        expect(url.searchParams.get('outcome')).toBe('confirmed');
        // A confirmed finding stays in the active queue, so #1 is still second of three.
        await expect(position()).resolves.toBe('Fynd 2 av 3 i kön');
        await expect(page.locator('.flash').textContent()).resolves.toMatch(/^Fynd 5: .*Här är nästa fynd i kön\.$/);
        await expect(page.locator('a[data-walk=prev]').getAttribute('href')).resolves.toBe('/review/findings/5?severity=high');
        await checkPage('finding #1 after confirming #5');
      });

      it('"Tillbaka till kön" returns to the filtered queue', async () => {
        await Promise.all([page.waitForURL(`${server.url}/review/findings?severity=high`), page.getByRole('link', { name: 'Tillbaka till kön' }).click()]);
        await expect(page.locator('#severity').inputValue()).resolves.toBe('high');
        expect(await queueIds()).toEqual([5, 1, 4]);
        await expect(page.locator('table.queue tbody tr').first().locator('.st').textContent()).resolves.toBe('Bekräftad');
      });

      it('dismisses the last finding of the filtered queue and lands on the queue with the filter kept', async () => {
        await Promise.all([page.waitForURL(/\/review\/findings\/4\?severity=high$/), page.getByRole('link', { name: '#4', exact: true }).click()]);
        await expect(position()).resolves.toBe('Fynd 3 av 3 i kön');
        await expect(page.locator('a[data-walk=next]').count()).resolves.toBe(0);
        await page.getByLabel(/^Skäl/).fill('Namnet på ett program, inget erbjudande');
        await Promise.all([page.waitForURL(/\/review\/findings\?/), page.getByRole('button', { name: 'Avfärda som falskt larm' }).click()]);
        const url = new URL(page.url());
        expect(url.searchParams.get('severity')).toBe('high');
        expect(url.searchParams.get('decided')).toBe('4');
        expect(url.searchParams.get('outcome')).toBe('dismissed');
        await expect(page.locator('.flash').textContent()).resolves.toMatch(/^Fynd 4: .*inga fler fynd i kön med dina filter\.$/);
        expect(await queueIds()).toEqual([5, 1]);
        await checkPage('queue after the last decision');
      });

      it('shows both decisions in the audit log as sentences, and the dashboard, without WCAG violations', async () => {
        await Promise.all([page.waitForURL(`${server.url}/review/audit`), page.getByRole('link', { name: 'Händelselogg' }).click()]);
        const log = await page.locator('[data-testid=audit] tbody').innerText(); // rendered text: closed folds stay out
        expect(log).toContain('Olga Officer');
        expect(log).toContain('Namnet på ett program, inget erbjudande');
        expect(log).not.toMatch(/"(action|kind|subjectType)":/); // the raw event sits behind a closed fold
        await checkPage('audit log');
        await Promise.all([page.waitForURL(`${server.url}/review`), page.getByRole('link', { name: 'Översikt' }).click()]);
        await expect(page.locator('h1').textContent()).resolves.toBe('Översikt');
        await checkPage('dashboard');
      });
    });
  }
});
