/**
 * Citing in Chromium: the cite panel from a ¶ number (mouse and keyboard), its formats, copying
 * on a secure origin (127.0.0.1) and on a plain-HTTP intranet name that is not a secure
 * context, ranges by shift-click and by URL, and 复制引用 of selected words with a link that
 * finds them again.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { gbt7714 } from '../../src/cite/format.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launch } from '../support/browser.ts';
import { select } from '../support/selection.ts';

const { citation } = readEdition('content');

const baseUrl = inject('baseUrl');
const port = new URL(baseUrl).port;
const intranetUrl = baseUrl.replace('127.0.0.1', 'intranet.test');
const SHOTS = 'test-results/screenshots';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // intranet.test resolves to the loopback: a plain-HTTP origin that is not a secure context.
  browser = await launch([`--host-resolver-rules=MAP intranet.test 127.0.0.1`]);
});
afterAll(async () => browser?.close());

const values = (page: import('playwright-core').Page) => page.locator('#cite-panel .cite-panel__value').allTextContents();

test('the ¶ number opens the cite panel with every format; copy works on 127.0.0.1', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}work-2021/#p-42`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  await page.locator('#p-42 .pnum').click();
  await page.locator('#cite-panel:not([hidden])').waitFor();
  expect(await page.locator('#cite-panel-title').textContent()).toBe('引用 ¶42');
  const permalink = `${baseUrl}p/42/`;
  expect(await values(page)).toEqual([
    permalink,
    `${baseUrl}work-2021/#p-42`,
    gbt7714(citation, permalink, new Date()),
    '慈溪市2021年政府工作报告，第42段',
  ]);
  await page.locator('#cite-panel .cite-panel__copy').nth(2).click();
  await expect.poll(() => page.locator('#cite-panel').getAttribute('data-copied')).toBe('clipboard');
  expect(await page.locator('.cite-panel__status').textContent()).toContain('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt7714(citation, permalink, new Date()));
  expect(await axeViolations(page, '#cite-panel')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/cite-panel-desktop.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('on a plain-HTTP intranet origin (not a secure context) copy still works, and says how', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${intranetUrl}work-2021/`);
  expect(new URL(page.url()).hostname).toBe('intranet.test');
  expect(await page.evaluate(() => ({ secure: window.isSecureContext, clipboard: 'clipboard' in navigator && !!navigator.clipboard }))).toEqual({
    secure: false,
    clipboard: false,
  });
  await page.locator('#p-30 .pnum').click();
  await page.locator('#cite-panel:not([hidden])').waitFor();
  expect(await values(page).then((v) => v[0])).toBe(`http://intranet.test:${port}/p/30/`.replace(`:${port}/p`, `:${port}${new URL(baseUrl).pathname}p`));
  await page.locator('#cite-panel .cite-panel__copy').first().click();
  await expect.poll(() => page.locator('#cite-panel').getAttribute('data-copied')).toBe('command');
  expect(await page.locator('.cite-panel__status').textContent()).toContain('兼容方式');
  // What was copied, read back on a secure origin of the same browser.
  const reader = await browser.newContext();
  await reader.grantPermissions(['clipboard-read'], { origin: new URL(baseUrl).origin });
  const check = await reader.newPage();
  await check.goto(baseUrl);
  expect(await check.evaluate(() => navigator.clipboard.readText())).toBe(`${intranetUrl}p/30/`);
  await reader.close();
  await page.screenshot({ path: `${SHOTS}/cite-panel-intranet.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('shift-click extends the citation to a range; the range link highlights it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl}work-2021/`);
  await page.locator('#p-42 .pnum').click();
  await page.locator('#p-45 .pnum').click({ modifiers: ['Shift'] });
  // The panel's code loads on the first click; the shift-click is handled once it has.
  await expect.poll(() => page.locator('#cite-panel-title').textContent()).toBe('引用 ¶42–45');
  expect((await values(page))[3]).toBe('慈溪市2021年政府工作报告，第42—45段');
  const rangeLink = (await values(page))[1]!;
  expect(rangeLink).toBe(`${baseUrl}work-2021/#p-42-45`);
  expect(await page.locator('.para.is-highlighted').evaluateAll((els) => els.map((e) => e.id))).toEqual(['p-42', 'p-43', 'p-44', 'p-45']);

  await page.goto('about:blank');
  await page.goto(rangeLink);
  await expect.poll(() => page.locator('.para.is-highlighted').count()).toBe(4);
  const top = await page.locator('#p-42').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThan(40);
  expect(top).toBeLessThan(250);
  await page.close();
});

test('the cite panel by keyboard: Enter opens, Esc closes and returns focus', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}review-2020/`);
  await page.locator('#p-5 .pnum').focus();
  await page.keyboard.press('Enter');
  await page.locator('#cite-panel:not([hidden])').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-panel');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('cite-panel__copy');
  await page.keyboard.press('Escape');
  expect(await page.locator('#cite-panel').isHidden()).toBe(true);
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('#p-5') !== null)).toBe(true);
  await page.close();
});

test('复制引用: selected words are copied with a link that finds them again', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  await page.goto(`${baseUrl}work-2021/#p-48`);
  const quote = '落实建设用地';
  await select(page, 48, quote);
  const button = page.locator('.quote-button');
  await button.waitFor();
  await page.screenshot({ path: `${SHOTS}/quote-button.png` });
  await button.click();
  await expect.poll(() => button.getAttribute('data-copied')).toBe('clipboard');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toBe(`“${quote}”（慈溪市2021年政府工作报告，第48段）`);
  const link = copied.split('\n')[1]!;
  expect(link).toContain('#p-48:~:text=');
  // Opening the link finds the words: the edition highlights them in ¶48.
  await page.goto('about:blank');
  await page.goto(link);
  await expect
    .poll(() => page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit') ?? [])].map((r) => r.toString()).join('')))
    .toBe(quote);
  // Where the browser acts on the text fragment the directive leaves the hash; where it does
  // not, the edition finds ¶48 itself.
  expect(new URL(page.url()).hash).toMatch(/^#p-48(:~:text=.*)?$/);
  expect(await page.locator('#p-48').evaluate((el) => el.classList.contains('is-highlighted') || el.matches(':target'))).toBe(true);
  // The quoted words are on screen (the browser may centre them rather than the paragraph).
  const inView = await page.evaluate(() => {
    const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')!][0]!.getBoundingClientRect();
    return r.top > 40 && r.bottom < innerHeight;
  });
  expect(inView).toBe(true);
  await context.close();
});
