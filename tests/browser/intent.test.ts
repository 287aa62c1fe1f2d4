/**
 * The page's behaviour loads on the reader's first move (src/reader/intent.ts), in Chromium: a
 * page only read fetches none of it; a click that comes before it has loaded is answered once it
 * has, as if it had been there; and should it fail to load, the link is followed as without it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { collectErrors, useBrowser, windowOptions } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const useTheBrowser = useBrowser();
const BEHAVIOUR = /\/_astro\/behaviour\.[\w-]+\.js$/;
const TERM = '#p-48 a.term[href$="#亩均论英雄"]';

/** A chapter page whose behaviour module is held back until `release()` (or fails, with `fail`). */
async function open(path: string, { fail = false } = {}) {
  const context: BrowserContext = await useTheBrowser().newContext(windowOptions(1280));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetched: string[] = [];
  await context.route(BEHAVIOUR, async (route) => {
    fetched.push(route.request().url());
    await released;
    await (fail ? route.abort() : route.continue());
  });
  const page: Page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  return { context, page, errors, fetched, release };
}

test('a page that is only read fetches none of its behaviour, and says nothing it cannot yet do', async () => {
  const { context, page, fetched, release } = await open('work-2021/');
  release();
  expect(fetched).toEqual([]);
  expect(await page.locator('a.term[aria-haspopup], .pnum[aria-haspopup]').count()).toBe(0);
  // The first move over the page loads it, and the terms and ¶ numbers then say they open a dialog.
  await page.mouse.move(400, 400);
  await expect.poll(() => page.locator('a.term[aria-haspopup="dialog"]').count()).toBeGreaterThan(0);
  expect(fetched).toHaveLength(1);
  expect(await page.locator('.pnum[aria-haspopup="dialog"]').count()).toBe(await page.locator('.pnum').count());
  await context.close();
});

test('a click that comes before the behaviour is answered once it has loaded, not followed', async () => {
  const { context, page, errors, fetched, release } = await open('work-2021/#p-48');
  await page.locator(TERM).click();
  expect(fetched).toHaveLength(1);
  // Held: the term's link to the glossary is not followed while its code is on its way.
  expect(new URL(page.url()).pathname).toMatch(/\/work-2021\/$/);
  expect(await page.locator('#term-popover').isVisible()).toBe(false);
  release();
  await expect.poll(() => page.locator('#term-popover').isVisible()).toBe(true);
  expect(await page.locator('#term-popover').textContent()).toContain('亩均论英雄');
  expect(new URL(page.url()).pathname).toMatch(/\/work-2021\/$/);
  expect(errors).toEqual([]);
  await context.close();
});

test('a held click on a ¶ number comes again with its Shift, and opens the citation panel', async () => {
  const { context, page, release } = await open('work-2021/#p-30');
  await page.evaluate(() => {
    const seen: [boolean, boolean][] = ((window as unknown as { clicks: [boolean, boolean][] }).clicks = []);
    document.addEventListener('click', (event) => seen.push([event.isTrusted, event.shiftKey]));
  });
  await page.locator('#p-30 .pnum').click({ modifiers: ['Shift'] });
  // Held in the capture phase: no listener below the document has seen it yet.
  expect(await page.evaluate(() => (window as unknown as { clicks: unknown[] }).clicks)).toEqual([]);
  release();
  await expect.poll(() => page.locator('.cite-panel').isVisible()).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { clicks: unknown[] }).clicks)).toEqual([[false, true]]);
  expect(new URL(page.url()).hash).toBe('#p-30');
  await context.close();
});

test('Enter on a focused term before the behaviour has loaded opens the popover once it has', async () => {
  const { context, page, release } = await open('work-2021/#p-48');
  await page.locator(TERM).focus();
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).pathname).toMatch(/\/work-2021\/$/);
  release();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('term-popover');
  expect(await page.locator('#term-popover').getAttribute('role')).toBe('dialog');
  expect(new URL(page.url()).pathname).toMatch(/\/work-2021\/$/);
  await context.close();
});

test('should the behaviour fail to load, a term is the link it is', async () => {
  const { context, page, release } = await open('work-2021/#p-48', { fail: true });
  await page.locator(TERM).click();
  release();
  await page.waitForURL(new RegExp(`/glossary/#${encodeURIComponent('亩均论英雄')}$`));
  await context.close();
});
