/**
 * Real-browser test of the review workspace: Debian Chromium (playwright-core) against the app on
 * 127.0.0.1, with findings produced by a real crawl of the fixture site. An officer signs in,
 * filters the queue, opens a finding, dismisses it with a reason and finds the decision in the
 * audit log; axe-core (WCAG 2.1 A/AA) runs on the dashboard, queue and finding page. A crawled page
 * full of XSS payloads is shown as text: no dialog, no console error, nothing executed, and the
 * CSP forbids inline script. Fails in CI without Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { findings } from '../../src/db/schema';
import { ensureSite } from '../../src/crawler/crawl-sites';
import { testCrawler } from '../helpers/crawl';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';
import { startServer, type RunningServer } from '../helpers/server';
import { findChromium, formatViolations, launchChromium, runAxe } from '../helpers/browser';
import { OFFICER, reviewTestApp, type ReviewTestApp } from '../review/review-helpers';

const chromiumPath = findChromium();
const inCi = !!process.env.CI;
if (!chromiumPath && !inCi) console.warn('[browser test] skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');

describe.runIf(!chromiumPath && inCi)('browser prerequisites (review)', () => {
  it('has Debian Chromium installed in CI', () => {
    expect.fail('CI is set but no Chromium was found; `.ci/run` must `apt-get install -y chromium`.');
  });
});

const PROMO = '<!doctype html><html lang="sv"><head><title>Kampanj</title></head><body><main><h1>Kampanj</h1><p>Välj oss som leverantör och få ett presentkort på 500 kr!</p></main></body></html>';
// Markup-looking *text* (escaped in the source, so it is page text the crawler keeps), plus real
// script and handlers the extractor drops. Everything must reach the officer as inert text.
const HOSTILE = `<!doctype html><html lang="sv"><head><title>&lt;script&gt;window.__xssTitle=1&lt;/script&gt;</title>
<script>window.__xssReal = 1; alert('real')</script></head><body><main>
<h1 onmouseover="alert('h')">Erbjudande</h1>
<p>Välj oss och få ett presentkort! &lt;script&gt;window.__xss=1;alert('x')&lt;/script&gt; &lt;img src=x onerror="window.__xss=2;alert(1)"&gt; &lt;a href="javascript:alert(2)"&gt;klicka&lt;/a&gt;</p>
<p><a href="javascript:alert(3)">javascript:alert(3)</a> <img src="x" alt="x" onerror="alert(4)"></p>
</main></body></html>`;

describe.runIf(!!chromiumPath)('review workspace in a real browser', () => {
  let t: ReviewTestApp;
  let site: FixtureSite;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let hostileId: number;
  let promoId: number;
  const problems: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await reviewTestApp();
    t.now.value = new Date(); // the crawl runs on the real clock
    site = await startFixtureSite({ pages: { '/kampanj': PROMO, '/erbjudande': HOSTILE } });
    const since = new Date(Date.now() - 1000).toISOString();
    await ensureSite(t.db, `${site.url}/kampanj`, 1, since); // Alfa Jobbcoach AB
    await ensureSite(t.db, `${site.url}/erbjudande`, 2, since); // Beta Kompetens AB
    const crawler = testCrawler(t.db);
    try {
      await crawler.tick({ settings: { maxDepth: 0 } });
    } finally {
      await crawler.close();
    }
    const rows = await t.db.select().from(findings);
    promoId = rows.find((f) => f.providerId === 1 && f.ruleId === 'R22-INDUCEMENT')!.id;
    hostileId = rows.find((f) => f.providerId === 2 && f.ruleId === 'R22-INDUCEMENT')!.id;
    server = await startServer(t.app.fetch);
    browser = await launchChromium(chromiumPath!);
    // bypassCSP so axe can be injected; the XSS test uses its own context with the CSP enforced.
    context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await site?.close();
    t?.close();
  });

  async function checkPage(label: string) {
    const violations = await runAxe(page);
    expect(violations, `axe found WCAG violations on ${label}:\n${formatViolations(label, violations)}`).toEqual([]);
    expect(problems, `console or page errors on ${label}`).toEqual([]);
    expect(dialogs, `dialogs on ${label}`).toEqual([]);
  }

  it('signs in from the redirect and lands on the dashboard', async () => {
    await page.goto(`${server.url}/review/findings`);
    await page.waitForURL(/\/review\/login\?next=/);
    await checkPage('sign-in');
    await page.getByLabel('E-postadress').fill(OFFICER.email);
    await page.getByLabel('Lösenord').fill('wrong password entirely');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Logga in' }).click()]);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Inloggningen misslyckades');
    // The refused sign-in answers 401, which Chromium logs; that one is expected.
    expect(problems).toEqual([expect.stringContaining('401')]);
    problems.length = 0;
    await page.getByLabel('Lösenord').fill(OFFICER.password);
    await Promise.all([page.waitForURL(`${server.url}/review/findings`), page.keyboard.press('Enter')]);
    await page.goto(`${server.url}/review`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Översikt');
    await expect(page.locator('svg[role=img] title').first().textContent()).resolves.toBe('Nya och lösta fynd per vecka');
    await checkPage('dashboard');
  });

  it('filters the queue by provider', async () => {
    await page.getByRole('navigation', { name: 'Granskning' }).getByRole('link', { name: 'Fynd' }).click();
    await page.waitForURL(`${server.url}/review/findings`);
    const all = await page.locator('table.queue tbody tr').count();
    expect(all).toBeGreaterThanOrEqual(2);
    // The filters sit folded under "Filtrera" so the list comes first.
    await page.locator('details.filters-fold > summary').click();
    await page.getByLabel('Leverantör', { exact: true }).selectOption({ label: 'Alfa Jobbcoach AB' });
    await Promise.all([page.waitForURL(/provider=1/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    const providers = await page.locator('table.queue tbody tr td.who .muted').allTextContents();
    expect(providers.length).toBeGreaterThan(0);
    expect(new Set(providers)).toEqual(new Set(['Alfa Jobbcoach AB']));
    await expect(page.getByLabel('Leverantör', { exact: true }).inputValue()).resolves.toBe('1');
    await checkPage('queue');
  });

  it('opens a finding and dismisses it with a reason', async () => {
    await Promise.all([page.waitForURL(`${server.url}/review/findings/${promoId}?provider=1`), page.getByRole('link', { name: `#${promoId}`, exact: true }).click()]);
    await expect(page.locator('[data-testid=evidence] mark').textContent()).resolves.toMatch(/presentkort/);
    await expect(page.locator('[data-testid=page-url]').textContent()).resolves.toBe(`${site.url}/kampanj`);
    await checkPage('finding');
    // Keyboard: focus the reason field, type, then Tab to the dismiss button and press Enter.
    await page.getByLabel(/^Skäl/).focus();
    await page.keyboard.type('Kampanjen är godkänd av enheten');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avfärda som falskt larm');
    // The only finding of the filtered queue: the decision lands back on the queue, filter kept.
    await Promise.all([page.waitForURL(new RegExp(`/review/findings\\?provider=1&decided=${promoId}&outcome=dismissed$`)), page.keyboard.press('Enter')]);
    await expect(page.locator('.flash').textContent()).resolves.toContain('Fyndet är avfärdat.');
    await page.goto(`${server.url}/review/findings/${promoId}`);
    await expect(page.locator('dl.facts .st').first().textContent()).resolves.toBe('Avfärdad');
    await checkPage('finding after dismissal');
  });

  it('shows the decision in the audit log', async () => {
    await page.getByRole('link', { name: 'Händelselogg' }).click();
    await page.waitForURL(`${server.url}/review/audit`);
    const row = page.locator('[data-testid=audit] tbody tr', { hasText: 'Kampanjen är godkänd av enheten' });
    await expect(row.count()).resolves.toBe(1);
    const text = (await row.textContent())!;
    expect(text).toContain(`Olga Officer avfärdade fynd #${promoId} (R22-INDUCEMENT)`);
    expect(text).toContain('Avfärdad');
    await checkPage('audit log');
  });

  it('shows a crawled page full of XSS payloads as text, executes nothing, and sends a CSP without inline script', async () => {
    const strict = await browser.newContext({ locale: 'sv-SE' }); // CSP enforced
    try {
      await strict.addCookies((await context.cookies()).map((c) => ({ ...c })));
      const p = await strict.newPage();
      const errors: string[] = [];
      const seenDialogs: string[] = [];
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('dialog', (d) => {
        seenDialogs.push(d.message());
        void d.dismiss();
      });
      const res = await p.goto(`${server.url}/review/findings/${hostileId}`);
      expect(res?.status()).toBe(200);
      const csp = res!.headers()['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const evidence = (await p.locator('[data-testid=evidence]').textContent())!;
      expect(evidence).toContain("<script>window.__xss=1;alert('x')</script>");
      const line = (await p.locator('[data-testid=snapshot-line]').textContent())!;
      expect(line).toContain("<script>window.__xss=1;alert('x')</script>");
      expect(line).toContain('<img src=x onerror="window.__xss=2;alert(1)">');
      expect(line).toContain('<a href="javascript:alert(2)">klicka</a>');
      // The page title snapshot and the diff/queue views too.
      await expect(p.getByText('<script>window.__xssTitle=1</script>').count()).resolves.toBeGreaterThan(0);
      // Try to trigger handlers, as a curious officer would.
      await p.locator('[data-testid=evidence]').hover();
      await p.locator('[data-testid=evidence]').click();
      // The one script is the workspace's own j/k walk, from our origin; nothing from the page.
      const executed = await p.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss, title: (window as unknown as { __xssTitle?: number }).__xssTitle, real: (window as unknown as { __xssReal?: number }).__xssReal, scripts: [...document.scripts].map((s) => new URL(s.src || 'inline:', location.href).pathname.replace(/\.[a-z0-9]+\.js$/, '.js')), imgs: document.querySelectorAll('main img').length, jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length }));
      expect(executed).toEqual({ xss: undefined, title: undefined, real: undefined, scripts: ['/static/review-keys.js'], imgs: 0, jsLinks: 0 });
      await p.goto(`${server.url}/review/findings?status=all`);
      await p.goto(`${server.url}/review/providers/2`);
      expect(await p.evaluate(() => document.scripts.length)).toBe(0);
      expect(seenDialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
