/**
 * Test helper: finds and launches the Debian Chromium (never a downloaded browser) through
 * playwright-core, and runs axe-core inside a page from the local node_modules copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags that keep headless Chromium quiet and off the network (no updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of the system Chromium (CHROMIUM_PATH overrides), or null when none is installed. */
export function findChromium(): string | null {
  const override = process.env.CHROMIUM_PATH;
  if (override) return existsSync(override) ? override : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Launches headless Chromium from `executablePath`; close the browser when done. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** The axe-core bundle as text, read once from node_modules (no CDN). */
export function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the current page for WCAG 2.1 A/AA and returns the violations.
 * Needs a context created with `bypassCSP: true`: our CSP forbids inline script.
 */
export async function runAxe(page: Page, tags: string[] = WCAG_21_AA_TAGS): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, tags);
}

/** Multi-line, human-readable description of axe violations for assertion messages. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${where}] ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target.join(' ')}\n    ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n'),
    )
    .join('\n');
}
