/**
 * What a reader's searches cost on the wire: the bytes the project's nginx sent (headers and
 * bodies, gzipped as `deploy/nginx/edition.conf` serves them, read from its log) while a search
 * ran. The log counts every request, whoever made it (the page, a worker), which the page's own
 * network events would not. Used by the budget test (tests/browser/search-budget.test.ts) and
 * `npm run bench:search`.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './nginx.ts';

export type Served = ReturnType<RunningServer['requests']>[number];

export interface Transfer {
  /** Bytes sent, headers included. */
  bytes: number;
  requests: number;
  /** Each response, in the order nginx logged them. */
  served: Served[];
}

/**
 * Until nginx has logged no new request for half a second: what a page fetches late (Chromium
 * asks for the icon after the load) is then not counted as the search's.
 */
async function quiet(server: RunningServer, page: Page): Promise<void> {
  for (let count = -1, tries = 0; server.requests().length !== count && tries < 20; tries++) {
    count = server.requests().length;
    await page.waitForTimeout(500);
  }
}

/** The bytes nginx sent while `action` ran and the page then settled. */
export async function transfer(server: RunningServer, page: Page, action: () => Promise<void>): Promise<Transfer> {
  await quiet(server, page);
  const before = server.requests().length;
  await action();
  await quiet(server, page);
  const served = server.requests().slice(before);
  return { bytes: served.reduce((sum, r) => sum + r.bytes, 0), requests: served.length, served };
}

/**
 * A reader's first and second searches from the header of a chapter page, in a fresh browser
 * profile (nothing cached), each until the panel shows its results. The page itself has
 * loaded and settled first: its own files are not the search's.
 */
export async function headerSearchTransfers(
  server: RunningServer,
  browser: Browser,
  { page: path, first, second }: { page: string; first: string; second: string },
): Promise<{ first: Transfer; second: Transfer; status: { first: string; second: string } }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.baseUrl + path);
    await page.waitForLoadState('networkidle');
    const status = page.locator('.search-panel__status');
    // The status line still shows the last search's outcome until the next one ends: empty it first.
    const settle = async (q: string) => {
      await status.evaluate((el) => (el.textContent = ''));
      await page.locator('#site-search-q').fill(q);
      await status.filter({ hasText: /找到/ }).waitFor();
      return (await status.textContent()) ?? '';
    };
    const texts = { first: '', second: '' };
    const one = await transfer(server, page, async () => {
      await page.locator('#site-search-q').focus();
      texts.first = await settle(first);
    });
    const two = await transfer(server, page, async () => {
      texts.second = await settle(second);
    });
    return { first: one, second: two, status: texts };
  } finally {
    await context.close();
  }
}

/** One line per response, for a report or a failing test's message. */
export function describeTransfer(t: Transfer): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return t.served.map((r) => `${r.path.replace(/\?.*$/, '')}  ${kb(r.bytes)} (body ${kb(r.body)})`).join('\n');
}
