/**
 * The core reading experience in Debian Chromium, against the built site behind the project's
 * nginx config: contents, permalinks, the outline, the theme, the phone layout. Screenshots go
 * to test-results/screenshots/ for people to look at.
 */
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { collectErrors, SCREENSHOTS, useBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const SHOTS = SCREENSHOTS;
const useTheBrowser = useBrowser();

async function open(path: string, options: { width?: number; height?: number; dark?: boolean } = {}) {
  const context = await useTheBrowser().newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    deviceScaleFactor: options.width && options.width < 500 ? 2 : 1,
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  return { page, errors, context };
}

/** Whether the element is inside the viewport and not hidden under the sticky header. */
async function visibleBelowHeader(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    return box.top >= header.bottom - 1 && box.top < innerHeight;
  }, selector);
}

test('the home page lists every chapter and every section', async () => {
  const { page, errors, context } = await open('');
  const chapters = await page.locator('.toc__chapter-link .toc__title').allTextContents();
  expect(chapters).toEqual([
    '开篇',
    '一、2020年主要工作和“十三五”发展成就',
    '二、“十四五”时期的主要目标和任务',
    '三、2021年主要工作安排',
  ]);
  expect(await page.locator('.toc__sections a').count()).toBe(15);
  await expect(page.title()).resolves.toContain('政府工作报告');
  await page.screenshot({ path: `${SHOTS}/home-desktop.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('/p/42/ lands on ¶42, highlighted and visible below the header', async () => {
  const { page, errors, context } = await open('p/42/');
  await page.waitForURL(/#p-42$/);
  await page.waitForFunction(() => document.getElementById('p-42')?.matches(':target'));
  expect(await visibleBelowHeader(page, '#p-42')).toBe(true);
  const background = await page.locator('#p-42').evaluate((el) => getComputedStyle(el).backgroundColor);
  const neighbour = await page.locator('#p-43').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe(neighbour);
  await page.screenshot({ path: `${SHOTS}/permalink-p42.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('a ¶ number links to its paragraph (and, with JavaScript, opens its citation)', async () => {
  const { page, context } = await open('review-2020/');
  await page.locator('#p-10').scrollIntoViewIfNeeded();
  await page.locator('#p-10 .pnum').click();
  await page.waitForURL(/#p-10$/);
  expect(await visibleBelowHeader(page, '#p-10')).toBe(true);
  await expect.poll(() => page.locator('#cite-panel').isVisible()).toBe(true);
  await context.close();

  const plain = await useTheBrowser().newContext({ javaScriptEnabled: false });
  const page2 = await plain.newPage();
  await page2.goto(`${baseUrl}review-2020/`);
  await page2.locator('#p-10 .pnum').click();
  await page2.waitForURL(/#p-10$/);
  expect(await page2.evaluate(() => document.getElementById('p-10')!.matches(':target'))).toBe(true);
  await plain.close();
});

test('the outline marks the section being read while scrolling', async () => {
  const { page, errors, context } = await open('work-2021/');
  const current = () => page.locator('[data-outline] a[aria-current="location"]').getAttribute('href');
  await expect.poll(current).toBe('#part-3');
  await page.locator('#p-45').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('part-3-5')!.scrollIntoView({ block: 'start' }));
  await expect.poll(current).toBe('#part-3-5');
  await page.evaluate(() => document.getElementById('part-3-8')!.scrollIntoView({ block: 'start' }));
  await expect.poll(current).toBe('#part-3-8');
  await page.screenshot({ path: `${SHOTS}/chapter-desktop.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('the theme toggle switches to dark and is remembered', async () => {
  const { page, errors, context } = await open('review-2020/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.locator('[data-theme-toggle]').click();
  // The toggle's code loads on the reader's first move (src/reader/intent.ts): a click that
  // comes before it is answered once it has.
  await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(await background()).toBe(dark);
  await page.goto(baseUrl + 'work-2021/');
  expect(await background()).toBe(dark);
  await page.screenshot({ path: `${SHOTS}/chapter-dark.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('without a choice the theme follows the system', async () => {
  const { page, context } = await open('', { dark: true });
  expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');
  await page.screenshot({ path: `${SHOTS}/home-dark.png` });
  await context.close();
});

test.each(['', 'opening/', 'review-2020/', 'five-year-plan/', 'work-2021/', 'about/', 'p/42/'])(
  'at phone width nothing overflows horizontally: /%s',
  async (path) => {
    const { page, errors, context } = await open(path, { width: 360, height: 740 });
    if (path.startsWith('p/')) await page.waitForURL(/#p-\d+$/);
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    if (path === 'review-2020/') await page.screenshot({ path: `${SHOTS}/chapter-phone.png` });
    if (path === '') await page.screenshot({ path: `${SHOTS}/home-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  },
);

test('copying a paragraph does not copy its ¶ number', async () => {
  const { page, context } = await open('review-2020/');
  const selected = await page.evaluate(() => {
    const p = document.getElementById('p-4')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  expect(selected.startsWith('（一）抗疫战疫赢得高分报表。')).toBe(true);
  expect(selected).not.toContain('¶');
  await context.close();
});

/** How many line boxes each element matching `selector` is drawn on. */
const lineCounts = (page: Page, selector: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size), selector);

/**
 * How many lines a copy of the first element matching `selector` takes in a box 1 px wide, where
 * a line may break at every opportunity the styles leave it.
 */
const linesWhenSqueezed = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const box = document.createElement('div');
    box.style.width = '1px';
    const copy = document.querySelector(sel)!.cloneNode(true) as Element;
    box.append(copy);
    document.querySelector('main')!.append(box);
    const lines = new Set([...copy.getClientRects()].map((r) => Math.round(r.top))).size;
    box.remove();
    return lines;
  }, selector);

test('what must not break across lines does not: a note marker, a formula with its punctuation, a ¶ range', async () => {
  const chapter = await open('review-2020/', { width: 1440, height: 900 });
  for (const selector of ['.note-ref', '.math-nowrap']) expect(await linesWhenSqueezed(chapter.page, selector), selector).toBe(1);
  // And as drawn: the notes in the margin are narrow enough to wrap around their formulas.
  // (Those of the chapter's notes for print are not drawn on screen: no line at all.)
  const formulas = (await lineCounts(chapter.page, '.math-nowrap')).filter((n) => n > 0);
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.every((n) => n === 1), `formulas on ${formulas.join(',')} lines`).toBe(true);
  await chapter.context.close();
  const home = await open('', { width: 360, height: 740 });
  expect(await linesWhenSqueezed(home.page, '.home-intro__range')).toBe(1);
  await home.context.close();
});
