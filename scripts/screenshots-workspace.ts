/**
 * Regenerates the screenshots of the officers' workspace and the self-check in docs/screenshots/
 * (review-*.png, selfcheck-*.png) at a phone (390×844) and a desktop (1366×900) size.
 *
 *   npx tsx scripts/screenshots-workspace.ts [--out docs/screenshots]
 *
 * Starts the service itself on 127.0.0.1 (a free port) with a temporary database and the demo
 * seed, signs in as the demo officer that the seed creates, walks the officer's day (queue, a
 * finding, a confirm that lands on the next one, a dismissal, the audit log, the dashboard) and
 * runs a self-check, shooting each page. Uses the system Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) through playwright-core; never downloads a browser and sends nothing off the
 * machine. Shots are of the first screen (what a user sees on arrival), which keeps the files small.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { prepareNodeDatabase } from '../src/node';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const DEVICES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
] as const;

/** Copy with three kinds of violation in ordinary text, for the self-check shot. */
const SELFCHECK_COPY = [
  'Välkommen till oss!',
  'Vi hjälper dig att skriva ditt CV, öva inför intervjuer och hitta rätt arbetsgivare.',
  'Välj oss som leverantör och få ett presentkort på 500 kr!',
  'Vi är Sveriges bästa leverantör med 95 % nöjda deltagare.',
  'Anmäl dig senast i dag – bara fem platser kvar.',
].join('\n');

function outDir(): string {
  const i = process.argv.indexOf('--out');
  return resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1] : 'docs/screenshots');
}

async function main() {
  const out = outDir();
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'valkollen-shots-'));
  let officer: { email: string; password: string } | null = null;
  // The demo officer's password is told once, in a log line; keep it for signing in.
  const log = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (msg.startsWith('demo officer account created') && fields) officer = { email: String(fields.email), password: String(fields.password) };
    else if (level === 'error' || level === 'warn') console.error(level, msg, fields ?? '');
  };
  const config = loadConfig({ DATABASE_URL: `file:${join(tmp, 'valkollen.db')}`, SEED_DEMO: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '8787' });
  console.log('seeding a temporary demo database …');
  const database = await prepareNodeDatabase(config, log as never);
  if (!officer) throw new Error('the demo seed did not create the demo officer');
  const app = createApp({ db: database.db, config, clock: () => new Date(), log: () => {} });
  const server = await new Promise<{ url: string; http: Server }>((done) => {
    const http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => done({ url: `http://127.0.0.1:${info.port}`, http: http as Server }));
  });
  let browser: Browser | undefined;
  const written: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    for (const device of DEVICES) {
      const { name, ...options } = device;
      const context = await browser.newContext({ ...options, deviceScaleFactor: 1, locale: 'sv-SE', reducedMotion: 'reduce' });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      const shot = async (file: string) => {
        const path = join(out, `${file}-${name}.png`);
        await page.screenshot({ path, fullPage: false });
        written.push(path);
      };
      await signIn(page, server.url, officer);
      await walkTheWorkspace(page, server.url, shot);
      await selfCheck(page, server.url, shot);
      await context.close();
    }
  } finally {
    await browser?.close();
    server.http.closeAllConnections?.();
    await new Promise((done) => server.http.close(done));
    database.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const path of written) console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

async function signIn(page: Page, base: string, who: { email: string; password: string }) {
  await page.goto(`${base}/review/login`);
  await page.getByLabel('E-postadress').fill(who.email);
  await page.getByLabel('Lösenord').fill(who.password);
  await Promise.all([page.waitForURL(/\/review(\/|$)/), page.getByRole('button', { name: 'Logga in' }).click()]);
}

/** Queue → finding → confirm (lands on the next) → dismiss → audit log → dashboard. */
async function walkTheWorkspace(page: Page, base: string, shot: (file: string) => Promise<void>) {
  await page.goto(`${base}/review/findings`);
  await shot('review-queue');
  // Walk the open findings only (a confirmed one has no confirm button), so the filter shows too.
  await page.goto(`${base}/review/findings?status=open`);
  await Promise.all([page.waitForURL(/\/review\/findings\/\d+/), page.locator('table.queue tbody td.id > a').first().click()]);
  await shot('review-finding');
  await Promise.all([page.waitForURL(/decided=\d+/), page.getByRole('button', { name: 'Bekräfta fyndet' }).click()]);
  await shot('review-finding-next');
  await page.getByLabel(/^Skäl/).fill('Namnet på ett kursprogram, inget erbjudande till den som väljer.');
  await Promise.all([page.waitForURL(/outcome=dismissed/), page.getByRole('button', { name: 'Avfärda som falskt larm' }).click()]);
  await page.goto(`${base}/review/audit`);
  await shot('review-audit');
  await page.goto(`${base}/review`);
  await shot('review-dashboard');
}

/** The self-check form, then its result after a check (the page lands on the results). */
async function selfCheck(page: Page, base: string, shot: (file: string) => Promise<void>) {
  await page.goto(`${base}/sjalvkontroll`);
  await shot('selfcheck-form');
  await page.getByLabel(/^Text att kontrollera/).fill(SELFCHECK_COPY);
  await Promise.all([page.waitForURL(/#sc-results$/), page.getByRole('button', { name: 'Kontrollera', exact: true }).click()]);
  await page.waitForLoadState('load');
  await shot('selfcheck-results');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
