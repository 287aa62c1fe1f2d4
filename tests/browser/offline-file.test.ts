/**
 * The offline edition opened from disk (file://) with the network blocked: it reads, its
 * contents and ¶ links work, glossary notes open with the site's short definition, the site's
 * indicator tables and full charts are in it (each small figure beside a paragraph is a link to
 * its chart), formulas render with their fonts, nothing is requested, nothing errs, no CSP
 * violation, and its search gives the benchmark's answers. Without scripts it still reads and
 * its links still lead to their places. Screenshots (desktop, 360 px, dark, a popover, the
 * charts) are for people to look at: `test-results/screenshots/offline-*.png`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { launch } from '../support/browser.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';
import { DIST, load } from '../support/site.ts';

const FILE = pathToFileURL(resolve(DIST, downloadPaths(readEdition('content')).offline)).href;
/**
 * The report's paragraphs, by their ids (`p-N`): the file's class names are its own, shortened
 * by its build (src/offline/short-class-names.ts), so its elements are found by ids, attributes
 * and structure, or by the class names its scripts spell (`term`, `result__pnum`).
 */
const PARAGRAPHS = 'p[id^="p-"]';
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
  const ns = await page.locator(PARAGRAPHS).evaluateAll((els) => els.map((e) => Number(e.id.slice(2))));
  expect(ns).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
});

test('the contents and ¶ links lead to their places in the file', async () => {
  await page.locator('#contents a[href="#chapter-work-2021"]').click();
  expect(new URL(page.url()).hash).toBe('#chapter-work-2021');
  await page.locator('#p-42 > a[href="#p-42"]').click();
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

test('glossary notes open with the site’s short definition, and the glossary is in the file', async () => {
  const summaries: Record<string, { term: string; summary: string }> = JSON.parse(readFileSync(join(DIST, 'glossary-summaries.json'), 'utf8'));
  await page.goto(`${FILE}#p-48`);
  await page.locator('#p-48 a.term[href="#mu-jun-lun-ying-xiong"]').click();
  await page.locator('#term-popover:not([hidden])').waitFor();
  expect(await page.locator('#term-popover .term-popover__heading').textContent()).toBe(`名词解释：${summaries['mu-jun-lun-ying-xiong']!.term}`);
  expect(await page.locator('#term-popover .term-popover__summary').textContent()).toBe(summaries['mu-jun-lun-ying-xiong']!.summary);
  await page.screenshot({ path: `${SHOTS}/offline-popover.png` });
  await page.keyboard.press('Escape');
  expect(await page.locator('#mu-jun-lun-ying-xiong h3').textContent()).toContain('亩均论英雄');
  // Every term's popover: the file carries each of the site's short definitions.
  const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-summary]')].map((e) => [e.id, e.dataset.summary])));
  expect(shown).toEqual(Object.fromEntries(Object.entries(summaries).map(([id, s]) => [id, s.summary])));
});

test('the indicator tables and the full charts are in the file; each small figure links to its chart', async () => {
  const site = load('indicators/index.html');
  const ids = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.id);
  const tables = ids(site, 'section.indicator-table[id]');
  const charts = ids(site, 'figure.chart[id]');
  expect(tables.length).toBeGreaterThan(0);
  // By id: the file keeps only the class names its styles or scripts use.
  const inFile = (wanted: string[]) => page.evaluate((wanted) => wanted.filter((id) => document.getElementById(id)?.closest('#indicators')), wanted);
  expect(await inFile(tables)).toEqual(tables);
  expect(await inFile(charts)).toEqual(charts);
  expect(await page.evaluate((charts) => charts.map((id) => document.getElementById(id)!.querySelectorAll('svg').length > 0), charts)).not.toContain(false);
  // The same rows and numbers as the site's page, table by table.
  const cells = (root: ParentNode) => [...root.querySelectorAll('table')].map((t) => t.textContent!.replace(/\s+/g, ''));
  expect(await page.evaluate(() => [...document.querySelectorAll('#indicators table')].map((t) => t.textContent!.replace(/\s+/g, '')))).toEqual(cells(site));
  // Beside each paragraph the site gives a small figure, the file a link to that whole chart.
  const chapters = readEdition('content').chapters.map((c) => c.slug);
  const small = chapters.flatMap((slug) =>
    [...load(`${slug}/index.html`).querySelectorAll('figure.chart--compact a.chart__more')].map((a) => `#${a.getAttribute('href')!.split('#')[1]}`),
  );
  expect(small.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('[id^="chapter-"] a[href^="#chart-"]')].map((a) => a.getAttribute('href')))).toEqual(small);
  // None of the small figures (bar tables) is left in a chapter: each is only its link.
  expect(await page.evaluate(() => document.querySelectorAll('[id^="chapter-"] :is(figure, table)').length)).toBe(0);
  for (const href of new Set(small)) expect(charts).toContain(href.slice(1));
  await page.goto(`${FILE}${small[0]}`);
  await page.screenshot({ path: `${SHOTS}/offline-chart.png` });
});

test('formulas render with KaTeX’s fonts from inside the file', async () => {
  await page.goto(`${FILE}#yan-fa-tou-ru-qiang-du`);
  // Its formula, drawn (beside its MathML): found by its MathML, as the file's class names are short.
  expect(await page.locator('#yan-fa-tou-ru-qiang-du span:has(> math) + [aria-hidden="true"]').count()).toBe(1);
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

test('screenshots: desktop, a phone 360 px wide, dark', async () => {
  await page.goto(FILE);
  await page.screenshot({ path: `${SHOTS}/offline-desktop.png` });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${FILE}#p-2`);
  await page.screenshot({ path: `${SHOTS}/offline-360.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${FILE}#chart-goals-2025`);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(251, 250, 246)');
  await page.screenshot({ path: `${SHOTS}/offline-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('without scripts it reads, and its links lead to their places', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  await plain.route('**/*', (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const tab = await plain.newPage();
  await tab.goto(`${FILE}#p-48`);
  expect(await tab.locator(PARAGRAPHS).count()).toBe(64);
  await tab.locator('#p-48 a.term[href="#mu-jun-lun-ying-xiong"]').click();
  expect(new URL(tab.url()).hash).toBe('#mu-jun-lun-ying-xiong');
  expect(await tab.locator('#mu-jun-lun-ying-xiong').isVisible()).toBe(true);
  await tab.locator('[id^="chapter-"] a[href^="#chart-"]').first().click();
  expect(await tab.locator(new URL(tab.url()).hash).isVisible()).toBe(true);
  await plain.close();
});

test('nothing was requested from the network, nothing failed', () => {
  expect(problems).toEqual([]);
});
