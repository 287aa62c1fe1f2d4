/**
 * Launches Debian's Chromium through playwright-core with the flags this sandboxed, offline
 * machine needs. Never skips: without a browser the tests fail and say how to install one.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary, or an error that says how to get one. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      '没有找到 Chromium，浏览器测试无法运行。在 Debian/Ubuntu 上运行 apt-get install -y chromium，或设置 CHROMIUM_PATH=/path/to/chromium。',
    );
  return found;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh headless browser; playwright gives each launch a new, empty profile directory. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/** Collects console errors and page errors of a page, for tests that require none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the browser cancelling a request because the page moved on (a permalink's
    // meta refresh leaving before its icon loaded), not a failure of the site.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${request.url()} ${reason}`);
  });
  return errors;
}

/**
 * One browser for a test file: launched before its tests, closed after them. Also makes the
 * screenshot folder. Returns a getter, since the browser exists only once the file runs.
 */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launch(extraArgs);
  });
  afterAll(async () => browser?.close());
  return () => browser!;
}

/**
 * A browser context for a window `width` CSS pixels wide: under 500 px a phone (780 px tall,
 * twice the pixels), otherwise a desktop 900 px tall; light unless `dark`.
 */
export function windowOptions(width: number, dark = false) {
  const phone = width < 500;
  return { viewport: { width, height: phone ? 780 : 900 }, deviceScaleFactor: phone ? 2 : 1, colorScheme: dark ? ('dark' as const) : ('light' as const) };
}

/** Where tests save screenshots for people to look at. */
export const SCREENSHOTS = 'test-results/screenshots';
