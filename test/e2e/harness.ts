/**
 * What the browser tests share: the Debian Chromium and its flags, the screenshot folder, and the server under test
 * (a fresh `sheyun serve` with 200 demo members, or SHEYUN_E2E_URL + SHEYUN_E2E_ADMIN_KEY [+ SHEYUN_E2E_WRITE_KEY]).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureConsoleBuilt } from './ensureConsoleBuilt.ts';

export const CHROMIUM = process.env['SHEYUN_CHROMIUM'] ?? '/usr/lib/chromium/chromium';
// Playwright gives every launch a fresh temporary --user-data-dir (it refuses one passed in `args`).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '__screenshots__');
export const T = 20_000;

export interface Target {
  url: string;
  adminKey: string;
  /** Empty when an external server was given without SHEYUN_E2E_WRITE_KEY. */
  writeKey: string;
  /** True for the server the test started itself, with its 200 demo members. */
  demo: boolean;
  stop(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  const external = process.env['SHEYUN_E2E_URL'];
  if (external) {
    return {
      url: external.replace(/\/$/, ''),
      adminKey: process.env['SHEYUN_E2E_ADMIN_KEY'] ?? '',
      writeKey: process.env['SHEYUN_E2E_WRITE_KEY'] ?? '',
      demo: false,
      stop: async () => {},
    };
  }
  const { startServer } = await import('../helpers/server.ts');
  const server = await startServer({ demoMembers: 200 });
  return { url: server.url.replace(/\/$/, ''), adminKey: server.adminKey, writeKey: server.writeKey, demo: true, stop: () => server.stop() };
}

/** The integer shown in a stat card (digits only, so "1,234" and "1,234" both read as 1234). */
export async function statValue(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(`${testId}-value`);
  await page.waitForFunction(
    (id) => /\d/.test(document.querySelector(`[data-testid="${id}-value"]`)?.textContent ?? ''),
    testId,
    { timeout: T },
  );
  return Number((await el.textContent())?.replace(/\D/g, ''));
}

export interface BrowserSession {
  target: Target;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page: a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The built console, a server, and one Chromium page in zh-CN at 1440×900. */
export async function openBrowserSession(): Promise<BrowserSession> {
  ensureConsoleBuilt();
  const target = await startTarget();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(T);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    target,
    browser,
    context,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await target.stop();
    },
  };
}
