/**
 * Printing a chapter (A4): no navigation or buttons, ¶ numbers in the margin, headings kept
 * with their text, glossary terms unmarked, editorial notes gathered at the end, and the
 * chapter's address under its title. The PDF is saved to test-results/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  browser = await launch();
});
afterAll(async () => browser?.close());

test('a chapter prints as a clean A4 document', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}review-2020/`);
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const shown = (sel: string) => [...document.querySelectorAll(sel)].some((el) => el.checkVisibility());
    const title = document.querySelector('h1')!.getBoundingClientRect();
    const address = document.querySelector('.print-permalink')!;
    const pnum = document.querySelector('#p-2 .pnum')!;
    const term = document.querySelector('#p-2 a.term')!;
    return {
      navigation: shown('.site-header, .site-footer, .outline, .pager, button, .xread'),
      sideNotes: shown('.note'),
      endNotes: shown('.chapter-notes'),
      pnumInMargin: getComputedStyle(pnum).display !== 'none' && pnum.getBoundingClientRect().right <= document.getElementById('p-2')!.getBoundingClientRect().left + 1,
      termUnderline: getComputedStyle(term).textDecorationLine,
      addressUnderTitle: address.getBoundingClientRect().top >= title.bottom - 1,
      address: address.textContent?.trim(),
      headingsAvoidBreak: getComputedStyle(document.querySelector('h1')!).breakAfter,
    };
  });
  expect(layout).toEqual({
    navigation: false,
    sideNotes: false,
    endNotes: true,
    pnumInMargin: true,
    termUnderline: 'none',
    addressUnderTitle: true,
    address: `本章网址：${baseUrl}review-2020/`,
    headingsAvoidBreak: 'avoid',
  });
  const pdf = await page.pdf({ path: 'test-results/print-review-2020.pdf', format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(50_000);
  await page.close();
});
