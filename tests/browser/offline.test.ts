/**
 * Intranet delivery, every page in Chromium with the outside world blocked: no request leaves
 * the site, nothing fails, no console error, no CSP violation — with the CSP sent as a header
 * by the shipped nginx config, with only the pages' meta tag, and for a build under a
 * sub-path served under that path (every request inside it). Each crawl visits a sample of the
 * permalink pages (see `permalinkSample`); all of them are checked statically by
 * tests/site/paragraph-text.test.ts.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launch } from '../support/browser.ts';
import { crawl } from '../support/crawl.ts';
import { startNginx } from '../support/nginx.ts';
import { DIST } from '../support/site.ts';
import { HOST } from '../support/test-editions.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

test('every page, CSP as a header (the shipped nginx config)', async () => {
  expect(await crawl(browser, inject('baseUrl'), inject('base'))).toEqual([]);
}, 180_000);

test('every page, CSP from the meta tag alone', async () => {
  const server = await startNginx(DIST, inject('base'), { cspHeader: false });
  try {
    const response = await fetch(server.baseUrl);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await crawl(browser, server.baseUrl, inject('base'))).toEqual([]);
  } finally {
    await server.stop();
  }
}, 180_000);

test('a build under a sub-path works under that path, and only there', async () => {
  // Built by scripts/test-editions.ts with BASE_PATH=/reports/<id>/, as for two editions on one host.
  const { id } = HOST.editions[0];
  const base = `/reports/${id}/`;
  const out = join(HOST.root, 'reports', id);
  const server = await startNginx(out, base);
  try {
    expect(await crawl(browser, server.baseUrl, base, out)).toEqual([]);
    // A permalink under the sub-path lands on its paragraph.
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}p/42/`);
    await page.waitForURL(`${server.baseUrl}work-2021/#p-42`);
    expect(server.requests().every((r) => r.path.startsWith(base))).toBe(true);
    await page.close();
  } finally {
    await server.stop();
  }
}, 240_000);
