/**
 * The charts in Chromium, served by the project's nginx config (its CSP enforced): they fit a
 * 360 px phone without running off the side, the bar tables beside paragraphs draw their bars to
 * scale inside their cells, their marks follow the dark theme, printing keeps their values in
 * black and their bars grey or white, and axe finds nothing wrong with them. Screenshots for
 * people to look at.
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
      // A bar table: inside the figure, its values legible.
      const table = figure.querySelector(':scope > table');
      if (table && table.getBoundingClientRect().right > box.right + 0.5) problems.push(`table ends at ${Math.round(table.getBoundingClientRect().right)}px`);
      for (const cell of figure.querySelectorAll(':scope > table td')) {
        const size = parseFloat(getComputedStyle(cell).fontSize);
        if (size < 12) problems.push(`“${cell.textContent}” at ${size}px`);
      }
    }
    return problems;
  });
  expect(overflow).toEqual([]);
  await page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-${name}-phone.png` });
  expect(errors).toEqual([]);
  await context.close();
});

/**
 * Per bar of the page's bar tables: its series' class, the value its cell writes (the number
 * before the unit; a `<data>`'s value where there is one), its unit group, where it is drawn and
 * where its cell and figure are.
 */
const bars = (page: Awaited<ReturnType<typeof open>>['page']) =>
  page.evaluate(() =>
    [...document.querySelectorAll('figure.chart--compact')].flatMap((figure, f) =>
      [...figure.querySelectorAll('tbody')].flatMap((tbody, group) =>
        [...tbody.querySelectorAll('td')].flatMap((cell) => {
          const rect = cell.querySelector('svg rect');
          if (!rect) return [];
          const data = cell.querySelector('data');
          const value = Number(data ? data.getAttribute('value') : /^-?[\d.]+/.exec(cell.textContent!)![0]);
          const [r, c, b] = [rect, cell, figure].map((e) => e.getBoundingClientRect());
          return [{ figure: f, group, role: rect.getAttribute('class'), value, bar: { left: r!.left, right: r!.right, width: r!.width, height: r!.height }, cell: { left: c!.left, right: c!.right }, box: { left: b!.left, right: b!.right } }];
        }),
      ),
    ),
  );

test.each([360, 1280])('beside a paragraph, the bar tables draw every bar to scale, inside its cell, at %i px', async (width) => {
  // Every chapter with small figures: the last paragraph of each chart leads to one.
  const seen = new Set<string>();
  for (const path of charts.map((c) => `p/${chartParagraphs(c).at(-1)}/`)) {
    const { page, context, errors } = await open(path, { width });
    const chapter = new URL(page.url()).pathname;
    if (seen.has(chapter)) {
      await context.close();
      continue;
    }
    seen.add(chapter);
    const found = await bars(page);
    expect(found.length, `${chapter}: bars`).toBeGreaterThan(0);
    for (const b of found) {
      const name = `${path} figure ${b.figure} ${b.role} ${b.value}`;
      expect(b.bar.width, `${name}: width`).toBeGreaterThan(0);
      expect(b.bar.height, `${name}: height`).toBeGreaterThanOrEqual(4);
      expect(b.bar.left, `${name} starts in its cell`).toBeGreaterThanOrEqual(b.cell.left - 1);
      expect(b.bar.right, `${name} ends in its cell`).toBeLessThanOrEqual(b.cell.right + 1);
      expect(b.bar.right, `${name} ends in its figure`).toBeLessThanOrEqual(b.box.right);
    }
    // In each unit's rows, on the screen, length ∝ |value|: the same pixels per unit in every column (± a pixel and a rounding).
    const groups = new Map<string, typeof found>();
    for (const b of found) groups.set(`${b.figure}/${b.group}`, [...(groups.get(`${b.figure}/${b.group}`) ?? []), b]);
    for (const [key, group] of groups) {
      const longest = group.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
      const scale = longest.bar.width / Math.abs(longest.value);
      for (const b of group) expect(Math.abs(b.bar.width - scale * Math.abs(b.value)), `${path} ${key}: ${b.value} against ${longest.value}`).toBeLessThanOrEqual(1.5 + scale * Math.abs(longest.value) * 0.006);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${path}: no sideways scroll at ${width} px`).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }
  expect(seen.size, 'chapters with small figures').toBeGreaterThan(1);
});

test.each([
  ['indicators/', 'indicators'],
  [`p/${paragraph}/`, 'paragraph'],
])('in dark mode the marks of %s take the dark theme’s colours', async (path, name) => {
  const light = await open(path);
  const dark = await open(path, { dark: true });
  const [a, b] = [await markColours(light.page), await markColours(dark.page)];
  expect(a.filter(Boolean).length).toBeGreaterThan(0);
  a.forEach((colour, i) => {
    if (colour) expect(b[i], colour).not.toBe(colour);
  });
  await dark.page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-${name}-dark.png` });
  expect([...light.errors, ...dark.errors]).toEqual([]);
  await light.context.close();
  await dark.context.close();
});

test('printed, the figures keep their values, in black on white; the bar tables whatever the theme', async () => {
  const cases = [
    ['indicators/', false],
    [`p/${paragraph}/`, false],
    [`p/${paragraph}/`, true],
  ] as const;
  for (const [path, dark] of cases) {
    const { page, context } = await open(path, { dark });
    await page.emulateMedia({ media: 'print' });
    // On 主要指标 the values are written on the drawing; beside a paragraph, in the table, with its headers and note.
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart text.chart__value, figure.chart--compact :is(th, td, td a, .chart__source)')].map((label) => {
        const box = label.getBoundingClientRect();
        const style = getComputedStyle(label);
        return { text: label.textContent, visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden', colour: label.tagName === 'text' ? style.fill : style.color };
      }),
    );
    expect(labels.length, path).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.visible, `${path}: ${label.text} is not shown in print`).toBe(true);
      // Black, or the print's grey (headers, ¶ links, “未给数字”, the note).
      expect(['rgb(0, 0, 0)', 'rgb(68, 68, 68)'], `${path} ${dark ? 'dark' : 'light'}: ${label.text}`).toContain(label.colour);
    }
    if (!dark) await page.locator('figure.chart').first().screenshot({ path: `${SCREENSHOTS}/chart-${path.startsWith('p/') ? 'paragraph' : 'indicators'}-print.png` });
    await context.close();
  }
});

test('printed, the bars are grey or white, whatever the theme, on the site and in the offline file', async () => {
  // The offline file as a reader opens it, from disk; it names its classes short, so the bars
  // are found as the drawings' rectangles.
  const offline = pathToFileURL(resolve(DIST, downloadPaths(readEdition('content')).offline)).href;
  for (const dark of [false, true]) {
    for (const url of [`${baseUrl}indicators/`, `${baseUrl}p/${paragraph}/`, offline]) {
      const context = await useTheBrowser().newContext(windowOptions(1280, dark));
      const page = await context.newPage();
      await page.goto(url);
      if (url.includes('/p/')) await page.waitForURL(/#p-\d+$/);
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
      // The data tables of 主要指标 open; a bar table beside a paragraph is open already.
      if (path === 'indicators/') await page.locator('figure.chart details summary').first().click();
      expect(await axeViolations(page, 'figure.chart'), `${path} ${dark ? 'dark' : 'light'}`).toEqual([]);
      await context.close();
    }
  }
});
