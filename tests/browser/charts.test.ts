/**
 * The charts in Chromium, served by the project's nginx config (its CSP enforced): they fit a
 * 360 px phone without running off the side, their marks follow the dark theme, printing keeps
 * their value labels, and axe finds nothing wrong with them. Screenshots for people to look at.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, inject, test } from 'vitest';
import { chartParagraphs } from '../../src/charts/chart-panels.ts';
import { editionCharts } from '../../src/charts/load-charts.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { axeViolations } from '../support/axe.ts';
import { DIST } from '../support/site.ts';
import { collectErrors, SCREENSHOTS, useBrowser, windowOptions } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const useTheBrowser = useBrowser();
const charts = editionCharts();
/** A paragraph with a small figure after it: the first one the first chart draws from. */
const paragraph = charts.length > 0 ? chartParagraphs(charts[0]!)[0]! : undefined;

async function open(path: string, { width = 1280, dark = false } = {}) {
  const context = await useTheBrowser().newContext(windowOptions(width, dark));
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(baseUrl + path);
  // A permalink sends the reader on to the chapter page.
  if (path.startsWith('p/')) await page.waitForURL(/#p-\d+$/);
  return { page, context, errors };
}

/** The rendered colours of the marks that show each series: fill and stroke of the first bar. */
const markColours = (page: Awaited<ReturnType<typeof open>>['page']) =>
  page.evaluate(() =>
    ['now', 'past', 'target'].map((role) => {
      const rect = document.querySelector(`figure.chart rect.chart__bar--${role}`);
      if (!rect) return null;
      const style = getComputedStyle(rect);
      return `${role}: ${style.fill} / ${style.stroke}`;
    }),
  );

test('the edition has charts to check', () => {
  expect(charts.length).toBeGreaterThan(0);
});

test.each([
  ['indicators/', 'indicators'],
  [`p/${paragraph}/`, 'paragraph'],
])('%s fits a 360 px phone', async (path, name) => {
  const { page, context, errors } = await open(path, { width: 360 });
  expect(await page.locator('figure.chart').count()).toBeGreaterThan(0);
  const overflow = await page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const figure of document.querySelectorAll('figure.chart')) {
      const box = figure.getBoundingClientRect();
      if (box.left < 0 || box.right > innerWidth) problems.push(`figure ${Math.round(box.left)}–${Math.round(box.right)}px`);
      for (const svg of figure.querySelectorAll('svg')) {
        const s = svg.getBoundingClientRect();
        if (s.right > box.right + 0.5) problems.push(`drawing ends at ${Math.round(s.right)}px, figure at ${Math.round(box.right)}px`);
        // Text drawn past the SVG's box (overflow is visible) would run out of the figure.
        for (const text of svg.querySelectorAll('text')) {
          const t = text.getBoundingClientRect();
          if (t.right > box.right + 0.5) problems.push(`“${text.textContent}” ends at ${Math.round(t.right)}px`);
        }
        // Labels are legible: at least 10 px tall on the screen.
        const label = svg.querySelector('text.chart__value');
        if (label && label.getBoundingClientRect().height < 10) problems.push(`value labels ${label.getBoundingClientRect().height.toFixed(1)}px tall`);
      }
    }
    return problems;
  });
  expect(overflow).toEqual([]);
  await page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-${name}-phone.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('in dark mode the marks take the dark theme’s colours', async () => {
  const light = await open('indicators/');
  const dark = await open('indicators/', { dark: true });
  const [a, b] = [await markColours(light.page), await markColours(dark.page)];
  expect(a.filter(Boolean).length).toBeGreaterThan(0);
  a.forEach((colour, i) => {
    if (colour) expect(b[i], colour).not.toBe(colour);
  });
  await dark.page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-indicators-dark.png` });
  expect([...light.errors, ...dark.errors]).toEqual([]);
  await light.context.close();
  await dark.context.close();
});

test('printed, the figures keep their value labels, in black on white', async () => {
  const { page, context } = await open(`p/${paragraph}/`);
  await page.emulateMedia({ media: 'print' });
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('figure.chart text.chart__value')].map((text) => {
      const box = text.getBoundingClientRect();
      const style = getComputedStyle(text);
      return { text: text.textContent, visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden', fill: style.fill };
    }),
  );
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(label.visible, `${label.text} is not shown in print`).toBe(true);
    expect(label.fill, label.text ?? '').toBe('rgb(0, 0, 0)');
  }
  await page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-paragraph-print.png` });
  await context.close();
});

test('printed, the bars are grey or white, whatever the theme, on the site and in the offline file', async () => {
  // The offline file as a reader opens it, from disk; it names its classes short, so the bars
  // are found as the drawings' rectangles.
  const offline = pathToFileURL(resolve(DIST, downloadPaths(readEdition('content')).offline)).href;
  for (const dark of [false, true]) {
    for (const url of [`${baseUrl}indicators/`, offline]) {
      const context = await useTheBrowser().newContext(windowOptions(1280, dark));
      const page = await context.newPage();
      await page.goto(url);
      await page.emulateMedia({ media: 'print' });
      const fills = await page.evaluate(() => [...new Set([...document.querySelectorAll('figure svg rect')].map((rect) => getComputedStyle(rect).fill))]);
      expect(fills.length, `${url}: bars found`).toBeGreaterThan(0);
      for (const fill of fills) expect(['rgb(85, 85, 85)', 'rgb(255, 255, 255)'], `${url} ${dark ? 'dark' : 'light'}`).toContain(fill);
      await context.close();
    }
  }
});

test('axe finds no violation in the charts, light and dark', async () => {
  for (const dark of [false, true]) {
    for (const path of ['indicators/', `p/${paragraph}/`]) {
      const { page, context } = await open(path, { dark });
      await page.locator('figure.chart details summary').first().click();
      expect(await axeViolations(page, 'figure.chart'), `${path} ${dark ? 'dark' : 'light'}`).toEqual([]);
      await context.close();
    }
  }
});
