/**
 * Reading, in Chromium, Firefox ESR and WebKit, against the built site behind the project's
 * nginx config: the contents, a permalink landing below the sticky header, the outline on a
 * wide screen and on a phone, the theme remembered across a reload, nothing wider than a
 * phone, and glossary terms visibly marked, their popover opened by mouse and by keyboard.
 */
import { describe, expect, inject, test } from 'vitest';
import { ENGINES, useEngine, waitForHidden, waitForVisible, waitUntil, type EnginePage } from './engine.ts';

const baseUrl = inject('baseUrl');

/** Whether the element's top is on screen and not under the sticky header. */
const belowHeader = (page: EnginePage, selector: string) =>
  page.evaluate((sel: string) => {
    const box = document.querySelector(sel)!.getBoundingClientRect();
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    return box.top >= header.bottom - 1 && box.top < innerHeight;
  }, selector);

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);
  const open = async (path: string, width = 1280, height = 900) => {
    const page = await engine().newPage({ width, height });
    await page.goto(baseUrl + path);
    return page;
  };

  test('the home page lists every chapter and every section', async () => {
    expect(engine().version).toMatch(/^(Chromium|Firefox|WebKitGTK) \d+/);
    const page = await open('');
    const contents = await page.evaluate(() => ({
      title: document.title,
      chapters: [...document.querySelectorAll('.toc__chapter-link .toc__title')].map((e) => e.textContent),
      sections: document.querySelectorAll('.toc__sections a').length,
    }));
    expect(contents.title).toContain('政府工作报告');
    expect(contents.chapters).toEqual(['开篇', '一、2020年主要工作和“十三五”发展成就', '二、“十四五”时期的主要目标和任务', '三、2021年主要工作安排']);
    expect(contents.sections).toBe(15);
    await page.screenshot('home', { fullPage: true });
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('/p/42/ lands on ¶42, highlighted and visible below the header', async () => {
    const page = await open('p/42/');
    await waitUntil(page, () => location.hash === '#p-42' && document.readyState === 'complete' && document.getElementById('p-42')!.matches(':target'), [], {
      message: 'the permalink to lead to #p-42',
    });
    expect(new URL(await page.url()).pathname).toMatch(/\/work-2021\/$/);
    expect(await belowHeader(page, '#p-42')).toBe(true);
    // Highlighted: its background differs from the next paragraph's once the arrival's
    // transition has run (WebKit matches :target only after the load, and then fades in).
    await waitUntil(page, () => {
      const [target, next] = [42, 43].map((n) => getComputedStyle(document.getElementById(`p-${n}`)!).backgroundColor);
      const fading = document.getElementById('p-42')!.getAnimations().some((a) => a instanceof CSSTransition);
      return !fading && target !== next;
    }, [], { message: '¶42 to be highlighted' });
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the outline on a wide screen: a sidebar beside the text that follows the reading', async () => {
    const page = await open('work-2021/');
    const layout = await page.evaluate(() => {
      const outline = document.querySelector('.outline')!.getBoundingClientRect();
      const text = document.querySelector('.chapter')!.getBoundingClientRect();
      return { open: document.querySelector<HTMLDetailsElement>('[data-outline-details]')!.open, beside: outline.right <= text.left, position: getComputedStyle(document.querySelector('.outline')!).position };
    });
    expect(layout).toEqual({ open: true, beside: true, position: 'sticky' });
    // The page's script ran to its last line (it writes the chapter's full address for print):
    // where the driver cannot hear errors raised while the page loads (WebKit), this is what
    // shows that none stopped it.
    expect(await page.evaluate(() => document.querySelector('[data-permalink]')!.textContent)).toBe(new URL('work-2021/', baseUrl).href);
    const current = () => page.evaluate(() => document.querySelector('[data-outline] a[aria-current="location"]')?.getAttribute('href'));
    expect(await current()).toBe('#part-3');
    await page.evaluate(() => document.getElementById('part-3-5')!.scrollIntoView({ block: 'start' }));
    await waitUntil(page, () => document.querySelector('[data-outline] a[aria-current="location"]')?.getAttribute('href') === '#part-3-5', [], { message: 'the outline to mark part-3-5' });
    // The sticky outline is still on screen after scrolling.
    expect(await page.evaluate(() => document.querySelector('.outline')!.getBoundingClientRect().top >= 0)).toBe(true);
    await page.screenshot('chapter');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the outline on a phone: closed above the text, opens, and its links lead to the sections', async () => {
    const page = await open('work-2021/', 360, 740);
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('[data-outline-details]')!.open)).toBe(false);
    await page.click('.outline__summary');
    await waitUntil(page, () => document.querySelector<HTMLDetailsElement>('[data-outline-details]')!.open, [], { message: 'the outline to open' });
    await page.click('.outline__sections a[href="#part-3-2"]');
    await waitUntil(page, () => location.hash === '#part-3-2', [], { message: 'the link to lead to #part-3-2' });
    expect(await belowHeader(page, '#part-3-2')).toBe(true);
    await page.screenshot('chapter-phone');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the theme toggle switches to dark and is remembered across a reload', async () => {
    const page = await open('review-2020/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('[data-theme-toggle]');
    // Answered once the page's behaviour has loaded (src/reader/intent.ts).
    await expect.poll(() => page.evaluate(() => [document.documentElement.dataset.theme, document.querySelector('[data-theme-toggle]')!.getAttribute('aria-pressed')])).toEqual(['dark', 'true']);
    // The body's colour fades; wait for the end of the transition.
    const dark = await waitUntil(page, (before: string) => {
      const now = getComputedStyle(document.body).backgroundColor;
      return document.getAnimations().length === 0 && now !== before && now;
    }, [light], { message: 'a dark background' });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    await page.goto(baseUrl + 'work-2021/');
    expect(await background()).toBe(dark);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test.each(['', 'review-2020/', 'about/'])('at 360 px nothing overflows horizontally: /%s', async (path) => {
    const page = await open(path, 360, 740);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { width: innerWidth, scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
    });
    expect(overflow).toEqual({ width: 360, scroll: 0, wide: [] });
    // The header's links stay whole, in one row, and the header is no taller than the room
    // that paragraphs and sections leave for it when the reader lands on them.
    const header = await page.evaluate(() => {
      const links = [...document.querySelectorAll('.site-nav a')].map((a) => ({ box: a.getBoundingClientRect(), lines: a.getClientRects().length }));
      const room = document.createElement('div');
      room.style.height = 'var(--header-height)';
      document.body.append(room);
      const allowed = room.getBoundingClientRect().height;
      room.remove();
      return {
        whole: links.every((l) => l.lines === 1),
        oneRow: links.every((l) => Math.abs(l.box.top - links[0]!.box.top) < 2),
        fits: document.querySelector('.site-header')!.getBoundingClientRect().height <= allowed + 1,
      };
    });
    expect(header).toEqual({ whole: true, oneRow: true, fits: true });
    if (path === '') await page.screenshot('home-phone');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('glossary terms are visibly marked: an underline in the accent colour', async () => {
    const page = await open('work-2021/#p-48');
    const style = await page.evaluate(() => {
      const term = document.querySelector('#p-48 a.term')!;
      const s = getComputedStyle(term);
      const accent = document.createElement('span');
      accent.style.color = 'var(--accent)';
      term.append(accent);
      const colour = getComputedStyle(accent).color;
      accent.remove();
      return { line: s.textDecorationLine, colour: s.textDecorationColor, accent: colour, text: s.color };
    });
    expect(style.line).toContain('underline');
    expect(style.colour).toBe(style.accent);
    expect(style.colour).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the glossary popover opens by mouse and by keyboard, and closes with Esc', async () => {
    const page = await open('work-2021/#p-48');
    const term = '#p-48 a.term[href$="#亩均论英雄"]';
    await page.click(term);
    await waitForVisible(page, '#term-popover');
    expect(await page.evaluate(() => document.querySelector('#term-popover .term-popover__heading')!.textContent)).toBe('名词解释：亩均论英雄');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-popover');
    await page.screenshot('popover');
    await page.press('Escape');
    await waitForHidden(page, '#term-popover');
    // Focus is back on the term: Enter opens the popover again, from the keyboard alone.
    expect(await page.evaluate((sel: string) => document.activeElement === document.querySelector(sel), term)).toBe(true);
    await page.press('Enter');
    await waitForVisible(page, '#term-popover');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-popover');
    await page.press('Escape');
    await waitForHidden(page, '#term-popover');
    expect(await page.evaluate((sel: string) => document.activeElement === document.querySelector(sel), term)).toBe(true);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test("a term's link names its entry by the headword: the glossary opens at that entry, marked", async () => {
    const page = await open('work-2021/#p-48');
    const href = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('#p-48 a.term[href$="#亩均论英雄"]')!.href);
    await page.close();
    const glossary = await open(new URL(href).href.slice(baseUrl.length));
    const landed = await glossary.evaluate(() => {
      const heading = document.querySelector('#mu-jun-lun-ying-xiong h3')!;
      const top = heading.getBoundingClientRect().top;
      return { target: heading.matches(':target'), visible: top > 0 && top < innerHeight / 2, word: heading.textContent!.trim() };
    });
    expect(landed).toEqual({ target: true, visible: true, word: '亩均论英雄' });
    await glossary.close();
  });
});
