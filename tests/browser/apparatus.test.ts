/**
 * The editorial apparatus in Chromium: glossary popovers (mouse, keyboard, screen readers,
 * axe), the glossary page and its backlinks, 对照阅读, editorial notes, formulas.
 */
import { expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, SCREENSHOTS, useBrowser, windowOptions } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const SHOTS = SCREENSHOTS;
const useTheBrowser = useBrowser();

async function open(path: string, width = 1280, dark = false) {
  const context = await useTheBrowser().newContext(windowOptions(width, dark));
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(baseUrl + path);
  return { page, context, errors };
}

test('a term popover opens and closes with the mouse', async () => {
  const { page, context, errors } = await open('work-2021/#p-48');
  const term = page.locator('#p-48 a.term[href$="#亩均论英雄"]');
  await term.click();
  const popover = page.locator('#term-popover');
  await expect.poll(() => popover.isVisible()).toBe(true);
  expect(await popover.textContent()).toContain('亩均论英雄');
  expect(await term.getAttribute('aria-expanded')).toBe('true');
  expect(new URL(page.url()).pathname).toMatch(/work-2021\/$/);
  // The popover is not part of the paragraph's text.
  expect(await page.locator('#p-48 #term-popover').count()).toBe(0);
  expect(await axeViolations(page, '#term-popover')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/popover-desktop.png` });
  await page.mouse.click(5, 600);
  await expect.poll(() => popover.isVisible()).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});

test('a term popover with the keyboard: focus, Enter, Esc returns focus', async () => {
  const { page, context } = await open('review-2020/#p-2');
  const term = page.locator('#p-2 a.term').first();
  await term.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('#term-popover');
  await expect.poll(() => popover.isVisible()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-popover');
  expect(await popover.getAttribute('role')).toBe('dialog');
  expect(await page.locator('#term-popover-title').textContent()).toMatch(/^名词解释：/);
  await page.keyboard.press('Escape');
  await expect.poll(() => popover.isVisible()).toBe(false);
  expect(await term.evaluate((el) => el === document.activeElement)).toBe(true);
  await context.close();
});

test('a term popover on a phone', async () => {
  const { page, context } = await open('work-2021/#p-48', 360);
  await page.locator('#p-48 a.term[href$="#亩均论英雄"]').click();
  await expect.poll(() => page.locator('#term-popover').isVisible()).toBe(true);
  const box = await page.locator('#term-popover').boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/popover-phone.png` });
  await context.close();
});

test('without JavaScript a term is a link to its entry', async () => {
  const context = await useTheBrowser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}work-2021/#p-48`);
  await page.locator('#p-48 a.term[href$="#亩均论英雄"]').click();
  // The link names the entry by its headword (src/glossary/anchor.ts); the browser sends it encoded.
  await page.waitForURL(new RegExp(`glossary/#${encodeURIComponent('亩均论英雄')}$`));
  const heading = page.locator('#mu-jun-lun-ying-xiong h3');
  expect(await heading.textContent()).toContain('亩均论英雄');
  expect(await heading.evaluate((h) => h.matches(':target'))).toBe(true);
  // Marked as the page's target, and scrolled to where a link by the entry's id puts it.
  const mark = await page.locator('#mu-jun-lun-ying-xiong').evaluate((e) => getComputedStyle(e).backgroundColor);
  const plain = await page.locator('#fei-di').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(mark).not.toBe(plain);
  const top = (await heading.boundingBox())!.y;
  // An older link, by the entry's id, still lands on the entry, at the same place.
  await page.goto(`${baseUrl}glossary/#mu-jun-lun-ying-xiong`);
  expect(await page.locator('#mu-jun-lun-ying-xiong').evaluate((e) => e.matches(':target'))).toBe(true);
  expect(Math.abs((await heading.boundingBox())!.y - top)).toBeLessThan(2);
  await context.close();
});

test('the glossary page: categories, backlinks that land on their paragraph, formulas', async () => {
  const { page, context, errors } = await open('glossary/');
  expect(await page.locator('.entry').count()).toBeGreaterThanOrEqual(80);
  expect(await page.locator('.entry__formula .katex').count()).toBeGreaterThan(5);
  const backlink = page.locator('#mu-jun-lun-ying-xiong .entry__backlinks a').first();
  const label = await backlink.textContent();
  await page.screenshot({ path: `${SHOTS}/glossary-desktop.png` });
  await backlink.click();
  await page.waitForURL(/#p-\d+$/);
  const n = label!.slice(1);
  expect(new URL(page.url()).hash).toBe(`#p-${n}`);
  expect(await page.locator(`#p-${n} a.term[href$="#亩均论英雄"]`).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('the glossary page on a phone and in dark', async () => {
  const { page, context } = await open('glossary/#yan-fa-tou-ru-qiang-du', 360, true);
  await page.screenshot({ path: `${SHOTS}/glossary-phone-dark.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await context.close();
});

test('a 对照阅读 link lands on its section', async () => {
  const { page, context, errors } = await open('review-2020/#part-1-1');
  const block = page.locator('#part-1-1 .xread');
  await block.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/xread-desktop.png` });
  const link = block.locator('a[href*="#part-3-8"]');
  await link.click();
  await page.waitForURL(/work-2021\/#part-3-8$/);
  const top = await page.locator('#part-3-8').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
  // And back: the 2021 section lists the 2020 one.
  expect(await page.locator('#part-3-8 .xread a[href*="#part-1-1"]').count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('对照阅读 on a phone: the block fits the screen and its links can be read and tapped', async () => {
  const { page, context, errors } = await open('review-2020/#part-1-2', 360);
  const block = page.locator('#part-1-2 .xread');
  await block.scrollIntoViewIfNeeded();
  const shown = await block.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const links = [...el.querySelectorAll('a[href]')].map((a) => ({ box: a.getBoundingClientRect(), style: getComputedStyle(a) }));
    return {
      inside: box.left >= 0 && box.right <= innerWidth && box.top < innerHeight && box.bottom > 0,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      text: (el.textContent ?? '').trim().length > 0,
      links: links.length,
      linksFit: links.every((l) => l.box.left >= 0 && l.box.right <= innerWidth && l.box.height >= 16),
      readable: links.every((l) => parseFloat(l.style.fontSize) >= 12 && l.style.visibility === 'visible'),
    };
  });
  expect(shown).toEqual({ inside: true, overflow: 0, text: true, links: shown.links, linksFit: true, readable: true });
  expect(shown.links).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/xread-phone.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('editorial notes: side notes on a wide screen, expandable on a phone; formulas render', async () => {
  const wide = await open('review-2020/#p-11', 1440);
  const note = wide.page.locator('#note-1');
  expect(await note.isVisible()).toBe(true);
  const para = await wide.page.locator('#p-11').boundingBox();
  const box = await note.boundingBox();
  expect(box!.x).toBeGreaterThan(para!.x + para!.width);
  expect(await note.locator('.katex-html').count()).toBeGreaterThan(0);
  await wide.page.screenshot({ path: `${SHOTS}/notes-desktop.png` });
  await wide.context.close();

  const phone = await open('review-2020/#p-11', 360);
  const narrow = phone.page.locator('#note-1');
  expect(await narrow.isVisible()).toBe(false);
  await phone.page.locator('#note-ref-1').click();
  // Answered once the page's behaviour has loaded (src/reader/intent.ts).
  await expect.poll(() => narrow.isVisible()).toBe(true);
  expect(await phone.page.locator('#note-ref-1').getAttribute('aria-expanded')).toBe('true');
  await phone.page.screenshot({ path: `${SHOTS}/notes-phone.png` });
  await phone.context.close();
});
