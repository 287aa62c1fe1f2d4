/**
 * The offline edition opened from disk (file://) with the network blocked: it reads, its
 * contents and ¶ links work, glossary notes open, formulas render with their fonts, nothing is
 * requested, nothing errs, no CSP violation, and its search gives the benchmark's answers.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { launch } from '../support/browser.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';

const FILE = pathToFileURL(resolve('dist', downloadPaths(readEdition('content')).offline)).href;
const SHOTS = 'test-results/screenshots';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith('data:')) problems.push(`failed: ${r.url()}`);
  });
  await page.goto(FILE);
});
afterAll(async () => browser?.close());

test('it opens from disk and holds the whole report, ¶1–¶64', async () => {
  expect(new URL(page.url()).protocol).toBe('file:');
  const ns = await page.locator('.para').evaluateAll((els) => els.map((e) => Number(e.id.slice(2))));
  expect(ns).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
});

test('the contents and ¶ links lead to their places in the file', async () => {
  await page.locator('#contents a[href="#chapter-work-2021"]').click();
  expect(new URL(page.url()).hash).toBe('#chapter-work-2021');
  await page.locator('#p-42 .pnum').click();
  expect(new URL(page.url()).hash).toBe('#p-42');
  expect(await page.evaluate(() => document.getElementById('p-42')!.matches(':target'))).toBe(true);
  const top = await page.locator('#p-42').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThan(40);
  expect(top).toBeLessThan(300);
});

test('every link in the file points inside it', async () => {
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href')!)
      .filter((h) => !h.startsWith('#') || (h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1))))),
  );
  expect(broken).toEqual([]);
});

test('glossary notes open, and the glossary is in the file', async () => {
  await page.goto(`${FILE}#p-48`);
  await page.locator('#p-48 a.term[href="#mu-jun-lun-ying-xiong"]').click();
  await page.locator('#term-popover:not([hidden])').waitFor();
  expect(await page.locator('#term-popover').textContent()).toContain('亩均论英雄');
  await page.keyboard.press('Escape');
  expect(await page.locator('#mu-jun-lun-ying-xiong .entry__term').textContent()).toContain('亩均论英雄');
});

test('formulas render with KaTeX’s fonts from inside the file', async () => {
  await page.goto(`${FILE}#yan-fa-tou-ru-qiang-du`);
  expect(await page.locator('#yan-fa-tou-ru-qiang-du .katex-html').count()).toBe(1);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
});

test('its search answers every benchmark query as the site does', async () => {
  const input = page.locator('#offline-search-q');
  for (const { q } of benchmarkQueries()) {
    await input.fill(q);
    await input.press('Enter');
    const listed = await page.locator('#offline-results .result__pnum').allTextContents();
    expect(listed.map((t) => Number(t.slice(1))).sort((a, b) => a - b), q).toEqual(expectedParagraphs(q));
  }
  await input.fill('亩均');
  await input.press('Enter');
  await page.screenshot({ path: `${SHOTS}/offline-search.png` });
  await page.locator('#offline-results a').first().click();
  expect(new URL(page.url()).hash).toMatch(/^#p-\d+$/);
});

test('nothing was requested from the network, nothing failed', () => {
  expect(problems).toEqual([]);
});
