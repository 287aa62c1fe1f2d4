/**
 * Accessibility on every page of the build, in Chromium: axe-core at WCAG 2.1 AA in light and
 * in dark, and with a glossary popover and the search panel open; keyboard-only use (skip link,
 * visible focus on everything focusable, theme toggle, outline, search, popovers); a proper
 * heading outline and named landmarks. Permalink pages are one template and redirect at once:
 * a sample of them (`permalinkSample`) is checked as served but without their refresh; every
 * one is checked statically by tests/site/paragraph-text.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launch } from '../support/browser.ts';
import { htmlFiles, isPermalink, permalinkSample } from '../support/site.ts';

const baseUrl = inject('baseUrl');
const files = htmlFiles();
const toPath = (f: string) => f.replace(/index\.html$/, '');
const paths = files
  .filter((f) => f !== '404.html' && !f.startsWith('downloads/') && !isPermalink(f))
  .map(toPath)
  .concat(['404.html']);
const permalinks = permalinkSample(files).map(toPath);
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(path: string, dark: boolean): Promise<Page> {
  const context = await browser.newContext({ colorScheme: dark ? 'dark' : 'light', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (path.startsWith('p/')) {
    // Serve the permalink page as it is, minus the refresh, so axe sees it rather than its target.
    await page.route(`${baseUrl}${path}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
  }
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), path).toBeLessThan(path === '404.html' ? 500 : 400);
  return page;
}

/** Switches the page's colour scheme as the system would, and waits for the fade to end. */
async function scheme(page: Page, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

/** The heading outline, landmarks and language of the page. */
const structure = (page: Page) =>
  page.evaluate(() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
    const unnamed = [...document.querySelectorAll('nav, aside, section[aria-label], section[aria-labelledby], form[role="search"]')]
      .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
      .map((el) => el.outerHTML.slice(0, 60));
    return { h1: levels.filter((l) => l === 1).length, first: levels[0], skips, unnamed, lang: document.documentElement.lang };
  });

/** The focusable elements of the page that show no keyboard focus style when focused. */
const invisibleFocus = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]:not([tabindex="-1"]), summary')].filter(
      (el) => el.getClientRects().length > 0 && !el.closest('[hidden]'),
    );
    for (const el of focusable) {
      el.focus({ preventScroll: false });
      if (document.activeElement !== el) continue;
      // The keyboard focus style: :focus-visible applies after keyboard interaction.
      const style = getComputedStyle(el);
      const shown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      if (!shown) out.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 12)}”`);
    }
    return { checked: focusable.length, invisible: out };
  });

// One visit per page: axe in light, the structure, axe again once the page is dark, then every
// focusable element by keyboard focus (last, as focusing may open a panel).
test.each(paths)('axe in light and dark; one h1, no skipped heading levels, named landmarks, lang; focus shown on every focusable element: /%s', async (path) => {
  const page = await open(path, false);
  expect(await axeViolations(page), `light: /${path}`).toEqual([]);
  expect(await structure(page)).toEqual({ h1: 1, first: 1, skips: [], unnamed: [], lang: 'zh-CN' });
  await scheme(page, 'dark');
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  expect(await axeViolations(page), `dark: /${path}`).toEqual([]);
  await scheme(page, 'light');
  const focus = await invisibleFocus(page);
  expect(focus.invisible).toEqual([]);
  expect(focus.checked).toBeGreaterThan(0);
  await page.context().close();
});

test.each(permalinks)('axe in light and dark: /%s, a permalink page without its refresh', async (path) => {
  const page = await open(path, false);
  expect(await axeViolations(page), `light: /${path}`).toEqual([]);
  await scheme(page, 'dark');
  expect(await axeViolations(page), `dark: /${path}`).toEqual([]);
  await page.context().close();
});

test('axe with a glossary popover open, in light and dark', async () => {
  const page = await open('work-2021/', false);
  await page.locator('#p-48 a.term').first().click();
  await page.locator('#term-popover:not([hidden])').waitFor();
  expect(await axeViolations(page), 'light').toEqual([]);
  await scheme(page, 'dark');
  expect(await page.locator('#term-popover').isVisible()).toBe(true);
  expect(await axeViolations(page), 'dark').toEqual([]);
  await page.context().close();
});

test('axe with the search panel open, in light and dark', async () => {
  const page = await open('review-2020/', false);
  await page.locator('#site-search-q').fill('亩均');
  await page.locator('.search-panel .result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  expect(await axeViolations(page), 'light').toEqual([]);
  await scheme(page, 'dark');
  expect(await page.locator('.search-panel .result').first().isVisible()).toBe(true);
  expect(await axeViolations(page), 'dark').toEqual([]);
  await page.context().close();
});

test('axe on search results, in light and dark', async () => {
  const page = await open(`search/?q=${encodeURIComponent('数字经济')}`, false);
  await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor();
  expect(await axeViolations(page), 'light').toEqual([]);
  await scheme(page, 'dark');
  expect(await axeViolations(page), 'dark').toEqual([]);
  await page.context().close();
});

describe('keyboard only', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await open('review-2020/', false);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, visible: document.activeElement!.getBoundingClientRect().top >= 0 }));
    expect(first).toEqual({ text: '跳到正文', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  test('theme toggle, outline and search by keyboard', async () => {
    const page = await open('work-2021/', false);
    await page.locator('[data-theme-toggle]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.locator('[data-outline] a[href="#part-3-4"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#part-3-4$/);
    await page.keyboard.press('/');
    await page.keyboard.type('5G');
    await page.locator('.search-panel .result').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    await page.context().close();
  });
});
