/**
 * Private annotations in Chromium, against the built site behind nginx: adding a highlight and a
 * note from a selection, seeing them again after a reload, editing and deleting (with undo); the
 * 我的批注 page and its links; export → clear → import with nothing lost; every kind of bad
 * import refused with the reader's annotations untouched; markup in a note staying text; a full
 * storage quota; printing with and without annotations; a plain-HTTP intranet origin; and
 * browsers without the CSS Highlight API.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { quoteAt } from '../../src/annotate/anchoring.ts';
import { annotationsKey } from '../../src/annotate/storage-key.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import type { Annotation, Color } from '../../src/annotate/web-annotation.ts';
import { sourceParagraphs } from '../../src/report/source.ts';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launch, SCREENSHOTS } from '../support/browser.ts';
import { select } from '../support/selection.ts';
import { missingInOrder, readPdf } from '../support/pdf.ts';
import { seedAnnotations } from '../support/seed-annotations.ts';

const STORAGE_KEY = annotationsKey(readEdition('content').id);

const baseUrl = inject('baseUrl');
const intranetUrl = baseUrl.replace('127.0.0.1', 'intranet.test');
const text = sourceParagraphs();
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
let browser: Browser;

beforeAll(async () => {
  browser = await launch([`--host-resolver-rules=MAP intranet.test 127.0.0.1`]);
});
afterAll(async () => browser?.close());

/** An annotation of the `occurrence`-th `quote` in ¶n, as the edition stores it. */
function annotation(n: number, quote: string, extra: Partial<Annotation> = {}, occurrence = 0): Annotation {
  const t = text.get(n)!;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = t.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in ¶${n}`);
  const position = { start, end: start + quote.length };
  const hex = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
  const id = `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  return { id, paragraph: n, quote: quoteAt(t, position), position, color: 'yellow', note: '', created: '2026-11-20T08:00:00.000Z', modified: '2026-11-20T08:00:00.000Z', ...extra };
}

const seed = (context: BrowserContext, list: Annotation[]) => seedAnnotations(context, STORAGE_KEY, list);

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const storedList = async (page: Page): Promise<Annotation[]> => JSON.parse((await stored(page)) ?? '{"annotations":[]}').annotations;

/** The words a named highlight paints, in order (a quote across a term link is two ranges). */
const painted = (page: Page, name: string) =>
  page.evaluate((n) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])].map((r) => r.toString()).join(''), name);

/**
 * How the page shows the note whose text is `XSS`: its element's child elements and text nodes,
 * and how many elements anywhere in the page the markup would have made.
 */
const markupNote = (page: Page) =>
  page.evaluate((xss) => {
    const note = [...document.querySelectorAll('.reader-note__text')].find((el) => el.textContent === xss);
    return {
      childElements: note ? note.children.length : -1,
      textNodes: note ? [...note.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).length : -1,
      made: document.querySelectorAll('img[src="x"], img[onerror], body script:not([src]):not([type])').length,
    };
  }, XSS);

/** The reader's clock in the tests that read dates or wait out an undo window (noon in Shanghai). */
const READER_NOW = new Date('2026-11-29T12:00:00+08:00');

/** The toast: shown, its text, and whether it still offers 撤销. */
const toastState = (page: Page) =>
  page.locator('.edition-toast').evaluate((el) => ({ shown: el.classList.contains('is-visible'), text: el.querySelector('span')?.textContent, undo: !!el.querySelector('.edition-toast__action') }));

/**
 * Stops the page's clock just ahead of where it is (its time runs on while the test asks, so
 * a moment it already passed is asked again): timers then fire only as the test moves time on.
 */
async function pauseClock(page: Page) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.clock.pauseAt(await page.evaluate(() => Date.now() + 500));
    } catch (error) {
      if (attempt > 5 || !/to the past/.test(String(error))) throw error;
    }
  }
}

/** Waits for running transitions (a theme switch fades backgrounds) so colours are final. */
const settled = (page: Page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));

describe('on a chapter page', () => {
  test('a highlight: added from a selection, shown after reload, edited, deleted and undone within its window', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai' });
    // A clock the test drives: the undo window is timed by it, not raced against the machine.
    await context.clock.install({ time: READER_NOW });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}review-2020/#p-12`);
    expect(await stored(page)).toBeNull();
    // “亩均” occurs twice in ¶12; the second one is chosen.
    expect(text.get(12)!.split('亩均').length - 1).toBeGreaterThanOrEqual(2);
    await select(page, 12, '亩均', 1);
    await page.locator('.selection-toolbar__highlight').click();
    await expect.poll(() => painted(page, 'anno-yellow')).toBe('亩均');
    const [saved] = await storedList(page);
    const second = text.get(12)!.indexOf('亩均', text.get(12)!.indexOf('亩均') + 1);
    expect(saved).toMatchObject({ paragraph: 12, color: 'yellow', note: '', position: { start: second, end: second + 2 }, quote: { exact: '亩均' } });
    expect(saved!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    // Made on the reader's clock: a few seconds after the page's clock was started.
    expect(Date.parse(saved!.created) - READER_NOW.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(saved!.created) - READER_NOW.getTime()).toBeLessThan(60_000);
    expect(await toastState(page)).toEqual({ shown: true, text: '已高亮，只保存在本浏览器中。', undo: true });
    // The paragraph's text is unchanged: the highlight is painted, not inserted.
    expect(await page.locator('#p-12').evaluate((p) => p.querySelectorAll('mark').length)).toBe(0);

    await page.reload();
    await expect.poll(() => painted(page, 'anno-yellow')).toBe('亩均');
    const item = page.locator('.reader-notes li');
    expect(await item.count()).toBe(1);
    expect(await page.locator('.annotations-bar__count').textContent()).toContain('1 条');

    // Edit: a note and another colour.
    await item.locator('[data-anno-action="edit"]').click();
    const dialog = page.locator('dialog.anno-editor');
    await dialog.waitFor();
    expect(await dialog.locator('.anno-editor__quote').textContent()).toBe('亩均');
    await dialog.locator('textarea').fill('与¶6“亩均效益”对照');
    await dialog.locator('input[value="green"]').check();
    await dialog.locator('.anno-editor__save').click();
    await expect.poll(() => painted(page, 'anno-green')).toBe('亩均');
    expect(await painted(page, 'anno-yellow')).toBe('');
    expect(await painted(page, 'anno-note')).toBe('亩均');
    expect(await page.locator('.reader-note__text').textContent()).toBe('与¶6“亩均效益”对照');
    await page.reload();
    expect((await storedList(page))[0]).toMatchObject({ note: '与¶6“亩均效益”对照', color: 'green', created: saved!.created });
    await expect.poll(() => page.locator('.reader-note__text').textContent()).toBe('与¶6“亩均效益”对照');

    // Delete, then undo 7 s later, inside the 8 s the toast offers it; the clock stands still
    // between the test's steps, so the window is exactly what the page gives.
    await pauseClock(page);
    await page.locator('.reader-notes [data-anno-action="delete"]').click();
    await expect.poll(() => stored(page)).toBeNull();
    expect(await painted(page, 'anno-green')).toBe('');
    expect(await page.locator('.reader-notes').count()).toBe(0);
    expect(await toastState(page)).toEqual({ shown: true, text: '已删除批注。', undo: true });
    await page.clock.runFor(7_000);
    expect((await toastState(page)).shown).toBe(true);
    await page.locator('.edition-toast__action').click();
    expect((await toastState(page)).shown).toBe(false);
    await page.clock.resume();
    await expect.poll(() => storedList(page).then((l) => l.length)).toBe(1);
    await expect.poll(() => painted(page, 'anno-green')).toBe('亩均');
    // Delete again and let the window pass: the toast and its 撤销 go, the deletion stays.
    await pauseClock(page);
    await page.locator('.reader-notes [data-anno-action="delete"]').click();
    await expect.poll(() => stored(page)).toBeNull();
    await page.clock.runFor(7_999);
    expect((await toastState(page)).shown).toBe(true);
    await page.clock.runFor(1);
    expect((await toastState(page)).shown).toBe(false);
    // Its 撤销 can no longer be reached once the fade (a CSS transition of visibility) has ended.
    await page.locator('.edition-toast__action').waitFor({ state: 'hidden' });
    await page.clock.resume();
    await page.reload();
    expect(await page.locator('.reader-notes').count()).toBe(0);
    expect(await stored(page)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a note from a selection; markup in it stays text; screenshots in light, dark and on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}work-2021/#p-48`);
    await select(page, 48, '落实建设用地“增存挂钩”机制');
    await page.screenshot({ path: `${SCREENSHOTS}/annotate-toolbar.png` });
    await page.locator('.selection-toolbar__note').click();
    const dialog = page.locator('dialog.anno-editor');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('anno-editor-note');
    expect(await axeViolations(page, 'dialog.anno-editor')).toEqual([]);
    await page.keyboard.type('存量用地盘活，要看后续细则。');
    await page.screenshot({ path: `${SCREENSHOTS}/annotate-editor.png` });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Focus lands on the new note's 编辑 button, so a keyboard reader is where the note is.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-anno-action'))).toBe('edit');
    await expect.poll(() => painted(page, 'anno-note')).toBe('落实建设用地“增存挂钩”机制');

    // A second note whose text is markup: shown as characters, never run.
    await select(page, 48, '亩均论英雄');
    await page.locator('.selection-toolbar__note').click();
    await dialog.locator('textarea').fill(XSS);
    await dialog.locator('input[value="pink"]').check();
    await dialog.locator('.anno-editor__save').click();
    await expect.poll(() => page.locator('.reader-note__text').allTextContents()).toContain(XSS);
    // Shown as its characters: one text node, no element made from it anywhere in the page (the
    // CSP alone would stop the handler, but not the <img> and <script> from being made).
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await markupNote(page)).toEqual({ childElements: 0, textNodes: 1, made: 0 });

    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.locator('#p-48').evaluate((p) => p.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SCREENSHOTS}/annotate-paragraph-desktop.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    await page.screenshot({ path: `${SCREENSHOTS}/annotate-paragraph-dark.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await settled(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#p-48').evaluate((p) => p.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SCREENSHOTS}/annotate-paragraph-phone.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the keyboard: a selection made with Shift+arrows reaches the toolbar with Tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}review-2020/#p-5`);
    await page.evaluate(() => {
      const p = document.getElementById('p-5')!;
      const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.length > 10)!;
      // One character, as caret browsing (F7) or a tap makes it; the keyboard extends it.
      getSelection()!.setBaseAndExtent(node, 0, node, 1);
    });
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('.selection-toolbar:not([hidden])').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.selection-toolbar') !== null)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => storedList(page).then((l) => l.map((a) => [a.paragraph, a.quote.exact.length]))).toEqual([[5, 6]]);
    await page.close();
  });

  test('printing: the reader chooses whether the annotations print', async () => {
    const context = await browser.newContext();
    await seed(context, [annotation(12, '亩均增加值', { note: '打印时应出现的批注' })]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}review-2020/`);
    const box = page.locator('.annotations-bar input[type="checkbox"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const printed = () => page.locator('.reader-notes').evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await printed()).toBe(true);
    expect(await page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('anno-yellow')!][0]!;
      return range.startContainer.parentElement!.matches('a.term') && getComputedStyle(range.startContainer.parentElement!, '::highlight(anno-yellow)').textDecorationLine;
    })).toBe('underline');
    // The printout itself holds the note (read back from the PDF), and unchanged report text.
    const printedText = async (path?: string) => readPdf(await page.pdf({ path, format: 'A4' })).map((p) => p.text).join('\n').replace(/\s+/g, '');
    const withNotes = await printedText('test-results/print-review-2020-annotated.pdf');
    expect(withNotes).toContain('打印时应出现的批注');
    expect(missingInOrder(withNotes.replace(/¶\d+|注\d+/g, ''), text.get(12)!.replace(/\s+/g, ''))).toBeUndefined();
    await page.emulateMedia({ media: 'screen' });
    await box.uncheck();
    await page.emulateMedia({ media: 'print' });
    expect(await printed()).toBe(false);
    // Unprinted highlights leave no colour, on the element whose text they paint (here a term link).
    const printedColour = () =>
      page.evaluate(() => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('anno-yellow')!][0]!;
        return getComputedStyle(range.startContainer.parentElement!, '::highlight(anno-yellow)').backgroundColor;
      });
    expect(await printedColour()).toBe('rgba(0, 0, 0, 0)');
    const without = await printedText();
    expect(without).not.toContain('打印时应出现的批注');
    expect(missingInOrder(without.replace(/¶\d+|注\d+/g, ''), text.get(12)!.replace(/\s+/g, ''))).toBeUndefined();
    // The choice is remembered.
    await page.emulateMedia({ media: 'screen' });
    await page.reload();
    expect(await page.locator('.annotations-bar input[type="checkbox"]').isChecked()).toBe(false);
    await context.close();
  });

  test('a full storage quota: a message, nothing saved, nothing lost', async () => {
    const context = await browser.newContext();
    const kept = annotation(30, '九个方面', { note: '已有的批注' });
    await seed(context, [kept]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}work-2021/`);
    await page.locator('.reader-notes li').waitFor();
    const before = await stored(page);
    // Fill the origin's storage to the last byte.
    const filled = await page.evaluate(() => {
      let total = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        for (;;) {
          try {
            localStorage.setItem(`filler-${total}`, 'x'.repeat(size));
            total += size;
          } catch {
            break;
          }
        }
      }
      return total;
    });
    expect(filled).toBeGreaterThan(1_000_000);
    await select(page, 30, '重点');
    await page.locator('.selection-toolbar__highlight').click();
    await expect.poll(() => page.locator('.edition-toast').textContent()).toContain('存储空间已满');
    expect(await stored(page)).toBe(before);
    expect(await page.locator('.reader-notes li').count()).toBe(1);
    // Editing: the dialog stays open with the text, and says why.
    await page.locator('.reader-notes [data-anno-action="edit"]').click();
    const dialog = page.locator('dialog.anno-editor');
    await dialog.locator('textarea').fill('一条很长的新批注'.repeat(200));
    await dialog.locator('.anno-editor__save').click();
    expect(await dialog.locator('.anno-editor__error').textContent()).toContain('存储空间已满');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('textarea').inputValue()).toBe('一条很长的新批注'.repeat(200));
    expect(await stored(page)).toBe(before);
    await context.close();
  });

  test('on a plain-HTTP intranet origin (no secure context) annotations work', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${intranetUrl}five-year-plan/`);
    expect(await page.evaluate(() => ({ secure: isSecureContext, uuid: typeof crypto.randomUUID }))).toEqual({ secure: false, uuid: 'undefined' });
    const n = await page.locator('.para').first().evaluate((p) => Number(p.id.slice(2)));
    await select(page, n, text.get(n)!.slice(2, 8));
    await page.locator('.selection-toolbar__highlight').click();
    await expect.poll(() => storedList(page).then((l) => l.length)).toBe(1);
    await page.reload();
    await expect.poll(() => painted(page, 'anno-yellow')).toBe(text.get(n)!.slice(2, 8));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an older browser (no CSS Highlight API, no <dialog>): words are marked, the text is unchanged, notes still work', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'Highlight', { value: undefined });
      Object.defineProperty(HTMLDialogElement.prototype, 'showModal', { value: undefined });
    });
    await seed(context, [annotation(12, '亩均增加值', { color: 'blue', note: '旧浏览器' })]);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}review-2020/`);
    await page.locator('#p-12 mark.reader-mark').first().waitFor();
    await select(page, 12, '数字经济');
    await page.locator('.selection-toolbar__note').click();
    const dialog = page.locator('dialog.anno-editor--fallback[open]');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => getComputedStyle(d).position)).toBe('fixed');
    await dialog.locator('textarea').fill('没有 dialog 也能写');
    await dialog.locator('.anno-editor__save').click();
    await expect.poll(() => storedList(page).then((l) => l.map((a) => a.note))).toEqual(['旧浏览器', '没有 dialog 也能写']);
    expect(await dialog.isVisible()).toBe(false);
    const result = await page.locator('#p-12').evaluate((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      for (const ui of copy.querySelectorAll('[data-edition-ui]')) ui.remove();
      return { marks: [...p.querySelectorAll('mark')].map((m) => [m.className, m.textContent]), text: copy.textContent };
    });
    expect(result.text).toBe(text.get(12));
    expect(result.marks).toContainEqual(['reader-mark reader-mark--blue reader-mark--note', '亩均增加值']);
    expect(result.marks).toContainEqual(['reader-mark reader-mark--yellow reader-mark--note', '数字经济']);
    // Esc closes the editor without <dialog> too.
    await page.locator('.reader-notes [data-anno-action="edit"]').first().click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the 我的批注 page', () => {
  /** Five annotations in four paragraphs; the last quotes words the report does not have. */
  const withLost = () => [
    annotation(2, '六稳', { note: '六稳：稳就业、稳金融……', color: 'green' }),
    annotation(12, '亩均', { note: '第二处“亩均”', color: 'pink' }, 1),
    annotation(12, '亩均'),
    annotation(48, '增存挂钩', { color: 'blue' }),
    { ...annotation(5, text.get(5)!.slice(0, 6)), quote: { exact: '这段文字不在原文中', prefix: '', suffix: '' }, note: '来自别的版本' },
  ];

  test('lists by paragraph with quote, note, date; a link lands on the highlight; 未能定位 kept', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await seed(context, withLost());
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}annotations/`);
    await page.locator('.my-notes__chapter').first().waitFor();
    const structure = await page.evaluate(() =>
      [...document.querySelectorAll('.my-notes__chapter')].map((s) => ({
        chapter: s.querySelector('h2')!.textContent,
        paragraphs: [...s.querySelectorAll('h3')].map((h) => h.textContent),
        quotes: [...s.querySelectorAll('.reader-note__exact')].map((q) => q.textContent),
      })),
    );
    expect(structure.map((s) => s.paragraphs.map((p) => p!.replace(/(段).*/, '$1')))).toEqual([['第2段', '第12段'], ['第48段']]);
    expect(structure[0]!.quotes).toEqual(['六稳', '亩均', '亩均']);
    expect(await page.locator('.my-notes__lost:not([hidden]) .reader-note__exact').allTextContents()).toEqual(['这段文字不在原文中']);
    // The same words twice in ¶12 are told apart by their surroundings.
    const twice = await page.locator('.reader-note__quote', { hasText: '亩均' }).allTextContents();
    expect(twice).toHaveLength(2);
    expect(twice[0]).not.toBe(twice[1]);
    expect(await page.locator('.my-notes__lost .reader-note__lost').count()).toBe(1);
    expect(await page.locator('.reader-note time').first().getAttribute('datetime')).toBe('2026-11-20T08:00:00.000Z');
    expect(await page.locator('.reader-note time').first().textContent()).toMatch(/^2026-11-2[01]$/);
    await page.screenshot({ path: `${SCREENSHOTS}/my-notes-desktop.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/my-notes-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await settled(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/my-notes-phone.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The second “亩均” of ¶12: its link opens the chapter on that very highlight.
    await page.locator('.reader-note', { hasText: '第二处' }).locator('.reader-note__link').click();
    await page.waitForURL(/review-2020\/\?anno=.*#p-12$/);
    await expect.poll(() => page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('anno-active') ?? [])].map((r) => r.startOffset))).toHaveLength(1);
    const active = await page.evaluate(() => {
      const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('anno-active')!][0]!;
      const box = r.getBoundingClientRect();
      return { inView: box.top > 56 && box.bottom < innerHeight, arrived: document.querySelector('.reader-note.is-arrived .reader-note__text')?.textContent };
    });
    expect(active).toEqual({ inView: true, arrived: '第二处“亩均”' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('export → clear → import: nothing lost, 未能定位 included', async () => {
    const context = await browser.newContext({ acceptDownloads: true, timezoneId: 'Asia/Shanghai' });
    await context.clock.setFixedTime(READER_NOW);
    const original = withLost();
    original[1]!.note = XSS;
    await seed(context, original);
    const page = await context.newPage();
    await page.goto(`${baseUrl}annotations/`);
    await page.locator('.my-notes__chapter').first().waitFor();
    const before = await storedList(page);

    const save = async (action: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
      return { name: download.suggestedFilename(), path: (await download.path())! };
    };
    const json = await save('export-json');
    // Named for the reader's day (a fixed clock: 2026-11-29 in Shanghai).
    expect(json.name).toBe('cixi-2021-annotations-2026-11-29.json');
    const collection = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.edition).toBe('cixi-2021');
    expect(collection.total).toBe(5);
    const item = collection.first.items.find((i: { id: string }) => i.id === original[0]!.id);
    expect(item.target.source).toBe(`${baseUrl}review-2020/`);
    expect(item.body[0]).toMatchObject({ type: 'TextualBody', language: 'zh-CN', value: '六稳：稳就业、稳金融……' });
    expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'FragmentSelector']);
    expect(item.target.selector[1].refinedBy[0].type).toBe('TextQuoteSelector');
    const md = await save('export-md');
    const markdown = readFileSync(md.path, 'utf8');
    expect(markdown).toContain('## 第12段');
    expect(markdown).toContain('> 这段文字不在原文中');
    expect(markdown).toContain(`${baseUrl}p/2/`);

    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-action="clear"]').click();
    await expect.poll(() => stored(page)).toBeNull();
    expect(await page.locator('.my-notes__empty').isVisible()).toBe(true);

    await page.locator('input[data-action="import"]').setInputFiles(json.path);
    await expect.poll(() => page.locator('.my-notes__message').textContent()).toContain('新增 5 条');
    expect(await page.locator('.my-notes__message').textContent()).toContain('1 条所引文字在原文中找不到');
    expect(await page.locator('.my-notes__message').textContent()).toContain('纯文本');
    const byId = (l: Annotation[]) => [...l].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await storedList(page))).toEqual(byId(before));
    // The markup note is shown as its characters: one text node, no element made from it. (The
    // CSP alone would stop the handler from running, but not the elements from being made.)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.reader-note__text').allTextContents()).toContain(XSS);
    expect(await markupNote(page)).toEqual({ childElements: 0, textNodes: 1, made: 0 });
    // Importing the same file again changes nothing.
    await page.locator('input[data-action="import"]').setInputFiles(json.path);
    await expect.poll(() => page.locator('.my-notes__message').textContent()).toContain('5 条与已有的相同');
    expect((await storedList(page)).length).toBe(5);
    await context.close();
  });

  test('each kind of bad import is refused with a message, and the annotations stay', async () => {
    const context = await browser.newContext();
    await seed(context, [annotation(2, '六稳', { note: '原有批注' })]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}annotations/`);
    await page.locator('.my-notes__chapter').waitFor();
    const before = await stored(page);
    const valid = JSON.parse(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } }));
    const good = { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', type: 'Annotation', motivation: 'highlighting', body: [], target: { selector: { type: 'FragmentSelector', value: 'p-2', refinedBy: [{ type: 'TextQuoteSelector', exact: '六稳' }] } } };
    const cases: [string, string | Buffer, string][] = [
      ['not-json.json', '这不是 JSON {', '不是有效的 JSON'],
      ['wrong-shape.json', JSON.stringify({ hello: 'world' }), '不是 W3C Web Annotation'],
      ['huge.json', Buffer.alloc(1.5 * 1024 * 1024, 0x20), '过大'],
      ['unknown-paragraph.json', JSON.stringify({ ...valid, first: { items: [good, { ...good, id: 'urn:uuid:11111111-2222-4333-8444-555555555556', target: { selector: { ...good.target.selector, value: 'p-99' } } }] } }), '第 2 条批注无法读取：段落 p-99 不在本报告中'],
      ['bad-id.json', JSON.stringify([{ ...good, id: 'javascript:alert(1)' }]), 'id 不是 urn:uuid'],
      ['html-body.json', JSON.stringify([{ ...good, body: [{ type: 'TextualBody', purpose: 'tagging', value: 'color:red' }] }]), '颜色 red 无效'],
    ];
    for (const [name, content, expected] of cases) {
      await page.locator('input[data-action="import"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => page.locator('.my-notes__error').textContent(), { message: name }).toContain(expected);
      expect(await page.locator('.my-notes__error').textContent()).toContain(name);
      expect(await stored(page), name).toBe(before);
      expect(await page.locator('.reader-note__text').allTextContents(), name).toEqual(['原有批注']);
    }
    // A good file whose position is stale: taken, and re-anchored by its quote.
    const stale = { ...good, target: { selector: { ...good.target.selector, refinedBy: [{ type: 'TextQuoteSelector', exact: '六稳' }, { type: 'TextPositionSelector', start: 0, end: 2 }] } } };
    await page.locator('input[data-action="import"]').setInputFiles({ name: 'stale.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([stale])) });
    await expect.poll(() => page.locator('.my-notes__message').textContent()).toContain('新增 1 条');
    const at = text.get(2)!.indexOf('六稳');
    expect((await storedList(page)).find((a) => a.id === good.id)).toMatchObject({ position: { start: at, end: at + 2 }, quote: { exact: '六稳', prefix: text.get(2)!.slice(at - 32, at) } });
    await context.close();
  });
});
