/**
 * The floating panels in Chromium, Firefox ESR and WebKit: the 引用 panel and copying from it,
 * on a secure origin (127.0.0.1) and on a plain-HTTP intranet host name that is not a secure
 * context (there the Clipboard API does not exist and the copy command is used); and every
 * panel (引用, a glossary popover, the selection toolbar) opened at the top, the middle and
 * the bottom of the window, on a desktop and a phone, wholly on screen, below the sticky header
 * and beside, not over, what opened it.
 *
 * The intranet origin is http://intranet.test:PORT/: Chromium maps the name to the loopback
 * with a resolver rule, Firefox and WebKit reach it through the setup's HTTP proxy. For each it
 * is a real origin that is not a secure context, so the page takes the same path as on an
 * intranet server; nothing in the page is stubbed. What was copied is read back by pasting it
 * (Ctrl+V) into a text box, as a reader would.
 */
import { describe, expect, inject, test } from 'vitest';
import { ENGINES, intranet, useEngine, waitForHidden, waitForVisible, waitUntil, type EnginePage } from './engine.ts';
import { panelBox, readClipboard, scrollTo, selectWords, type PanelBox } from './helpers.ts';

const baseUrl = inject('baseUrl');

/** The value shown in the 引用 panel's row labelled `label`. */
const citeValue = (page: EnginePage, label: string) =>
  page.evaluate((label: string) => {
    const dt = [...document.querySelectorAll('#cite-panel dt')].find((d) => d.textContent === label);
    return dt?.nextElementSibling?.querySelector('.cite-panel__value')?.textContent ?? null;
  }, label);

/** Marks the copy button of the 引用 panel's row labelled `label`, for a click. */
const markCopyButton = (page: EnginePage, label: string) =>
  page.evaluate((label: string) => {
    const dt = [...document.querySelectorAll('#cite-panel dt')].find((d) => d.textContent === label)!;
    dt.nextElementSibling!.querySelector('.cite-panel__copy')!.setAttribute('data-test-copy', '');
  }, label);

/** The panel is inside the window, under the header, and not over the point it was opened from. */
function expectOnScreen(box: PanelBox, what: string) {
  expect(box.left, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${what}: right edge`).toBeLessThanOrEqual(box.width);
  expect(box.top, `${what}: top edge under the header`).toBeGreaterThanOrEqual(box.header);
  expect(box.bottom, `${what}: bottom edge`).toBeLessThanOrEqual(box.height);
  expect(box.coversAnchor, `${what}: covers what opened it`).toBe(false);
}

const WINDOWS = [
  { label: 'desktop', width: 1280, height: 900 },
  { label: 'phone', width: 360, height: 740 },
] as const;
const PLACES = [
  { label: 'top', fraction: 0 },
  { label: 'middle', fraction: 0.5 },
  { label: 'bottom', fraction: 1 },
] as const;

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test('the ¶ number opens the 引用 panel; copying on 127.0.0.1 uses the Clipboard API', async () => {
    const page = await engine().newPage();
    await page.goto(`${baseUrl}work-2021/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.click('#p-42 .pnum');
    await waitForVisible(page, '#cite-panel');
    expect(await page.evaluate(() => [document.getElementById('cite-panel-title')!.textContent, document.activeElement?.id])).toEqual(['引用 ¶42', 'cite-panel']);
    expect(await citeValue(page, '段落固定链接')).toBe(`${baseUrl}p/42/`);
    const short = await citeValue(page, '文中简注');
    expect(short).toContain('第42段');
    await markCopyButton(page, '文中简注');
    await page.click('[data-test-copy]');
    await waitUntil(page, () => document.getElementById('cite-panel')!.dataset.copied, [], { message: 'the copy to finish' });
    expect(await page.evaluate(() => [document.getElementById('cite-panel')!.dataset.copied, document.querySelector('.cite-panel__status')!.textContent])).toEqual([
      'clipboard',
      '文中简注：已复制。',
    ]);
    expect(await readClipboard(page)).toBe(short);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('on a plain-HTTP intranet origin (not a secure context) copying falls back to the copy command', async () => {
    const page = await engine().newPage();
    const site = intranet(baseUrl);
    await page.goto(`${site}work-2021/`);
    expect(await page.evaluate(() => [location.hostname, window.isSecureContext, 'clipboard' in navigator && !!navigator.clipboard])).toEqual([
      'intranet.test',
      false,
      false,
    ]);
    await page.click('#p-30 .pnum');
    await waitForVisible(page, '#cite-panel');
    const permalink = await citeValue(page, '段落固定链接');
    expect(permalink).toBe(`${site}p/30/`);
    await markCopyButton(page, '段落固定链接');
    await page.click('[data-test-copy]');
    await waitUntil(page, () => document.getElementById('cite-panel')!.dataset.copied, [], { message: 'the copy to finish' });
    expect(await page.evaluate(() => document.getElementById('cite-panel')!.dataset.copied)).toBe('command');
    expect(await page.evaluate(() => document.querySelector('.cite-panel__status')!.textContent)).toContain('兼容方式');
    expect(await readClipboard(page)).toBe(permalink);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the 引用 panel by keyboard: Enter opens it, Esc closes it and focus returns', async () => {
    const page = await engine().newPage();
    await page.goto(`${baseUrl}review-2020/`);
    await page.evaluate(() => document.querySelector<HTMLElement>('#p-5 .pnum')!.focus());
    await page.press('Enter');
    await waitForVisible(page, '#cite-panel');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-panel');
    await page.press('Escape');
    await waitForHidden(page, '#cite-panel');
    expect(await page.evaluate(() => document.activeElement?.closest('#p-5') !== null)).toBe(true);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test.each(WINDOWS)('on a $label ($width × $height), every panel at the top, middle and bottom of the window stays on screen', async ({ label, width, height }) => {
    const page = await engine().newPage({ width, height });
    await page.goto(`${baseUrl}work-2021/`);

    // 引用, from a ¶ number.
    for (const place of PLACES) {
      await scrollTo(page, '#p-50 .pnum', place.fraction);
      await page.click('#p-50 .pnum');
      await waitForVisible(page, '#cite-panel');
      const box = await panelBox(page, '#cite-panel', '#p-50 .pnum');
      expectOnScreen(box, `引用 panel, ¶ number at the ${place.label}`);
      // Where it is shorter than its content, it scrolls inside: all of it can be reached.
      expect(await page.evaluate(() => {
        const panel = document.getElementById('cite-panel')!;
        return panel.scrollHeight <= panel.clientHeight + 1 || getComputedStyle(panel).overflowY === 'auto';
      })).toBe(true);
      if (place.label === 'bottom') await page.screenshot(`cite-panel-bottom-${label}`);
      await page.press('Escape');
      await waitForHidden(page, '#cite-panel');
    }

    // A glossary popover, from a term.
    const term = '#p-48 a.term[href$="#亩均论英雄"]';
    for (const place of PLACES) {
      await scrollTo(page, term, place.fraction);
      await page.click(term);
      await waitForVisible(page, '#term-popover');
      expectOnScreen(await panelBox(page, '#term-popover', term), `popover, term at the ${place.label}`);
      await page.press('Escape');
      await waitForHidden(page, '#term-popover');
    }

    // The selection toolbar, from words selected at the end of a paragraph.
    for (const place of PLACES) {
      await scrollTo(page, '#p-49', place.fraction);
      const words = await page.evaluate(() => document.getElementById('p-49')!.textContent!.replace(/\s+$/, '').slice(-6, -1));
      await selectWords(page, 49, words);
      await waitForVisible(page, '.selection-toolbar');
      expectOnScreen(await panelBox(page, '.selection-toolbar', null), `toolbar, selection at the ${place.label}`);
      // Not over the selected words.
      const over = await page.evaluate(() => {
        const bar = document.querySelector('.selection-toolbar')!.getBoundingClientRect();
        const words = getSelection()!.getRangeAt(0).getBoundingClientRect();
        return bar.top < words.bottom && bar.bottom > words.top && bar.left < words.right && bar.right > words.left;
      });
      expect(over, `toolbar over the selection at the ${place.label}`).toBe(false);
      await page.evaluate(() => {
        getSelection()!.removeAllRanges();
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      });
      await waitForHidden(page, '.selection-toolbar');
    }
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
