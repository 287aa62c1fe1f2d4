/**
 * Printing a chapter (A4): no navigation or buttons, ¶ numbers in the margin, headings kept
 * with their text, glossary terms unmarked, editorial notes after their paragraphs, and the
 * chapter's address under its title. The PDF itself is read back: A4 pages, and on them every
 * paragraph of the chapter, word for word, with its ¶ number. It is saved to test-results/ for
 * people to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readEdition } from '../../src/edition/load-edition.ts';
import { reportTargets } from '../../src/report/targets.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { launch } from '../support/browser.ts';
import { missingInOrder, readPdf } from '../support/pdf.ts';
import { DIST } from '../support/site.ts';

const edition = readEdition('content');
const CHAPTER = 'review-2020';
/** The paragraphs of the printed chapter, from the source. */
const paragraphs = (() => {
  const targets = reportTargets(edition.source.model, edition.chapters);
  return edition.source.model.paragraphs.filter((p) => targets.paragraphs.get(p.n)?.slug === CHAPTER);
})();
/** A4 in PDF points (210 × 297 mm); Chromium rounds the page to whole CSS pixels, within a point. */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };
const squeeze = (text: string) => text.replace(/\s+/g, '');

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  browser = await launch();
});
afterAll(async () => browser?.close());

test('a chapter prints as a clean A4 document', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}${CHAPTER}/`);
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const shown = (sel: string) => [...document.querySelectorAll(sel)].some((el) => el.checkVisibility());
    const title = document.querySelector('h1')!.getBoundingClientRect();
    const address = document.querySelector('.print-permalink')!;
    const pnum = document.querySelector('#p-2 .pnum')!;
    const term = document.querySelector('#p-2 a.term')!;
    return {
      navigation: shown('.site-header, .site-footer, .outline, .pager, button, .xread'),
      // Every note shows, below its paragraph.
      notes: [...document.querySelectorAll('.note')].map(
        (n) => n.checkVisibility() && n.getBoundingClientRect().top >= n.parentElement!.querySelector('.para')!.getBoundingClientRect().bottom - 1,
      ),
      pnumInMargin: getComputedStyle(pnum).display !== 'none' && pnum.getBoundingClientRect().right <= document.getElementById('p-2')!.getBoundingClientRect().left + 1,
      termUnderline: getComputedStyle(term).textDecorationLine,
      addressUnderTitle: address.getBoundingClientRect().top >= title.bottom - 1,
      address: address.textContent?.trim(),
      headingsAvoidBreak: getComputedStyle(document.querySelector('h1')!).breakAfter,
    };
  });
  expect(layout.notes.length).toBeGreaterThan(0);
  expect(layout).toEqual({
    navigation: false,
    notes: layout.notes.map(() => true),
    pnumInMargin: true,
    termUnderline: 'none',
    addressUnderTitle: true,
    address: `本章网址：${baseUrl}review-2020/`,
    headingsAvoidBreak: 'avoid',
  });
  const pdf = await page.pdf({ path: 'test-results/print-review-2020.pdf', format: 'A4' });
  const pages = readPdf(pdf);
  // A chapter of this length takes several pages, every one A4 portrait.
  expect(pages.length).toBeGreaterThan(1);
  for (const [i, p] of pages.entries()) {
    expect(Math.abs(p.width - A4.width), `page ${i + 1} width ${p.width}`).toBeLessThan(1.5);
    expect(Math.abs(p.height - A4.height), `page ${i + 1} height ${p.height}`).toBeLessThan(1.5);
  }
  const printed = squeeze(pages.map((p) => p.text).join('\n'));
  // The same with its line ends kept: a ¶ number alone on its line (in the margin, or the last
  // line of a page) is not read as one with the digits the next line may begin with (a year).
  const printedLines = pages.map((p) => p.text).join('\n').replace(/[^\S\n]+/g, '');
  // The ¶ numbers (in the margin) and note markers (注1) are drawn where the printer puts them,
  // which may be inside a line of the paragraph; the report's words are read without them, line
  // by line in order (a figure or a page break may come between two lines).
  const words = printed.replace(/¶\d+|注\d+/g, '');
  expect(paragraphs.length).toBeGreaterThan(1);
  expect(printed).toContain(`本章网址：${baseUrl}${CHAPTER}/`);
  for (const p of paragraphs) {
    expect(printedLines, `¶${p.n} in the PDF`).toMatch(new RegExp(`¶${p.n}(?!\\d)`));
    expect(missingInOrder(words, squeeze(p.text)), `the text of ¶${p.n} in the PDF, in order`).toBeUndefined();
  }
  // Each editorial note, once. (Where on the page, the layout above says: the PDF's text comes
  // out by blocks, and a page's notes and figure can come before its paragraphs' lines.)
  const notes = await page.evaluate(() =>
    [...document.querySelectorAll('.note')].map((n) => {
      // The words before the note's first formula: a formula prints as glyphs, not as its text.
      const body = n.querySelector('.note__body')!.cloneNode(true) as Element;
      for (const math of body.querySelectorAll('.katex')) math.replaceWith('\u0000');
      return { body: body.textContent!.split('\u0000')[0]!, paragraph: n.parentElement!.querySelector('.para')!.id };
    }),
  );
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) {
    const body = squeeze(note.body).replace(/¶\d+|注\d+/g, '');
    expect(body.length, `words of the note after ${note.paragraph}`).toBeGreaterThan(5);
    expect(words.split(body).length - 1, `the note after ${note.paragraph}, once`).toBe(1);
  }
  // Nothing of the screen's navigation is printed.
  expect(printed).not.toContain('跳到正文');
  await page.close();
});

test('a reader in dark mode prints the same black on white as one in light mode', async () => {
  /** The colours print gives the chapter's text, headings, notes, terms and the small chart. */
  const colours = async (scheme: 'light' | 'dark', theme?: 'dark') => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    // Part 三: sections with headings, notes, terms and small charts.
    await page.goto(`${baseUrl}work-2021/`);
    if (theme) await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.emulateMedia({ media: 'print' });
    const found = await page.evaluate(() =>
      ['body', 'h1', 'h2', '.para', '.pnum', 'a.term', '.note', '.note__label', '.chart', '.chart th', '.chart td', '.chart rect', '.chart__source'].map((sel) => {
        const element = document.querySelector(sel);
        if (!element) return `${sel}: not in the page`;
        const style = getComputedStyle(element);
        return [sel, style.color, style.backgroundColor, style.borderTopColor, style.fill].join(' ');
      }),
    );
    await context.close();
    return found;
  };
  const light = await colours('light');
  expect(light.filter((c) => c.includes('not in the page'))).toEqual([]);
  expect(light.find((c) => c.startsWith('h2 '))).toContain('rgb(0, 0, 0)');
  expect(await colours('dark')).toEqual(light);
  expect(await colours('light', 'dark')).toEqual(light);
});

test('the offline file prints black on white too, in light and in dark mode', async () => {
  // Opened from disk, as readers do. Its class names are shortened (src/offline/short-class-names.ts),
  // so its parts are found by element and role.
  const file = pathToFileURL(resolve(DIST, downloadPaths(edition).offline)).href;
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(file);
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() =>
      ['h1', 'h2', '[role="note"] p', '[role="note"] a', 'figure th', 'figure td'].map((sel) => {
        const element = document.querySelector(sel);
        return `${sel} ${element ? getComputedStyle(element).color : 'not in the file'}`;
      }),
    );
    expect(colours, scheme).toEqual(['h1', 'h2', '[role="note"] p', '[role="note"] a', 'figure th', 'figure td'].map((sel) => `${sel} rgb(0, 0, 0)`));
    await context.close();
  }
});
