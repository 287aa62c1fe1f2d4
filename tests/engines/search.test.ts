/**
 * Search in Chromium, Firefox ESR and WebKit: from the header (the results panel on screen on
 * a desktop and a phone, the keyboard through it to a paragraph, the words highlighted there),
 * and the search page, whose answers for a sample of the benchmark are those of the oracle that
 * the Chromium suite checks against (tests/support/search-oracle.ts). Pagefind runs its
 * WebAssembly under the site's CSP in each engine. Then the offline edition, opened from disk
 * (file://), with its own search.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { DIST } from '../support/site.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';
import { ENGINES, useEngine, waitForHidden, waitForVisible, waitUntil, type EnginePage } from './engine.ts';
import { panelBox, settle } from './helpers.ts';

const baseUrl = inject('baseUrl');
const OFFLINE = pathToFileURL(resolve(DIST, downloadPaths(readEdition('content')).offline)).href;
/** Every eighth query of the benchmark (the Chromium suite runs every fourth), of every kind. */
const SAMPLE = benchmarkQueries().filter((_, i) => i % 8 === 0);

const listed = (page: EnginePage, selector = '[data-group="paragraphs"] .result__pnum') =>
  page.evaluate((sel: string) => [...document.querySelectorAll(sel)].map((e) => Number(e.textContent!.slice(1))).sort((a, b) => a - b), selector);

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test.each([
    { label: 'desktop', width: 1280, height: 900 },
    { label: 'phone', width: 360, height: 740 },
  ])('the header search on a $label: results on screen, the keyboard to a paragraph', async ({ label, width, height }) => {
    const page = await engine().newPage({ width, height });
    await page.goto(`${baseUrl}review-2020/`);
    await page.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.type('论英雄');
    await waitForVisible(page, '.search-panel .result');
    await settle(page);
    const box = await panelBox(page, '.search-panel', null);
    expect(box.left, 'left edge').toBeGreaterThanOrEqual(0);
    expect(box.right, 'right edge').toBeLessThanOrEqual(box.width);
    expect(box.bottom, 'bottom edge').toBeLessThanOrEqual(box.height);
    // Under the search box, not over it.
    expect(box.top).toBeGreaterThanOrEqual(await page.evaluate(() => document.getElementById('site-search-q')!.getBoundingClientRect().bottom));
    await page.screenshot(`search-panel-${label}`);
    // Glossary entries come first; step down to the first paragraph, then open it.
    let active: string | null = null;
    for (let i = 0; i < 5 && !active; i++) {
      await page.press('ArrowDown');
      active = await page.evaluate(() => {
        const id = document.getElementById('site-search-q')!.getAttribute('aria-activedescendant');
        const option = id ? document.getElementById(id) : null;
        return option?.classList.contains('result--paragraph') && option.getAttribute('aria-selected') === 'true' ? option.getAttribute('href') : null;
      });
    }
    expect(active).toMatch(/\?hl=.*#p-\d+$/);
    await page.press('Enter');
    await waitUntil(page, () => /[?&]hl=/.test(location.search) && /^#p-\d+$/.test(location.hash) && document.readyState === 'complete', [], {
      message: 'the result to open',
    });
    expect(await page.url()).toBe(new URL(active!, `${baseUrl}review-2020/`).href);
    const n = new URL(await page.url()).hash.slice(3);
    // The searched words are highlighted in the paragraph: painted by the CSS Highlight API
    // where the engine has it, wrapped in <mark> where it has not.
    const highlighted = await waitUntil(page, (n: string) => {
      const highlights = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      const painted = highlights ? [...(highlights.get('search-hit') ?? [])].map((r) => r.toString()).join('') : '';
      const marked = [...document.querySelectorAll(`#p-${n} mark`)].map((m) => m.textContent).join('');
      return painted || marked;
    }, [n], { message: 'the searched words to be highlighted' });
    expect(highlighted).toContain('论英雄');
    expect(await page.evaluate((n: string) => document.getElementById(`p-${n}`)!.matches(':target'), n)).toBe(true);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('Esc closes the header’s results; Enter with none chosen opens the search page', async () => {
    const page = await engine().newPage();
    await page.goto(baseUrl);
    await page.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.type('开门红');
    await waitForVisible(page, '.search-panel .result');
    await page.press('Escape');
    await waitForHidden(page, '.search-panel');
    expect(await page.evaluate(() => document.getElementById('site-search-q')!.getAttribute('aria-expanded'))).toBe('false');
    await page.press('Enter');
    await waitUntil(page, () => location.pathname.endsWith('/search/') && document.readyState === 'complete', [], { message: 'the search page' });
    expect(new URL(await page.url()).searchParams.get('q')).toBe('开门红');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test(`the search page answers a sample of the benchmark (${SAMPLE.length} queries) as the oracle does`, async () => {
    const page = await engine().newPage();
    // The first from the address, as a link to the search page gives it; the rest typed.
    const [first, ...rest] = SAMPLE;
    await page.goto(`${baseUrl}search/?q=${encodeURIComponent(first!.q)}`);
    await waitUntil(page, () => /找到/.test(document.querySelector('.search-page__status')!.textContent ?? ''), [], { message: `results for ${first!.q}` });
    expect(await listed(page), first!.q).toEqual(expectedParagraphs(first!.q));
    for (const { q } of rest) {
      await page.evaluate(() => {
        const input = document.getElementById('search-q') as HTMLInputElement;
        input.select();
        document.querySelector('.search-page__status')!.textContent = '';
      });
      await page.type(q);
      await page.press('Enter');
      await waitUntil(
        page,
        (q: string) => new URLSearchParams(location.search).get('q') === q && /找到/.test(document.querySelector('.search-page__status')!.textContent ?? ''),
        [q],
        { message: `results for ${q}` },
      );
      expect(await listed(page), q).toEqual(expectedParagraphs(q));
    }
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('the offline edition from disk: the whole report, a glossary note, and its search', async () => {
    const page = await engine().newPage();
    await page.goto(OFFLINE);
    expect(new URL(await page.url()).protocol).toBe('file:');
    // By id, not by class: the offline file renames its classes.
    expect(await page.evaluate(() => [...document.querySelectorAll('p[id^="p-"]')].filter((p) => /^p-\d+$/.test(p.id)).length)).toBe(64);
    await page.click('#p-48 a.term[href="#mu-jun-lun-ying-xiong"]');
    await waitForVisible(page, '#term-popover');
    expect(await page.evaluate(() => document.getElementById('term-popover')!.textContent)).toContain('亩均论英雄');
    await page.press('Escape');
    await waitForHidden(page, '#term-popover');
    for (const { q } of SAMPLE) {
      await page.evaluate(() => {
        const input = document.getElementById('offline-search-q') as HTMLInputElement;
        input.focus();
        input.select();
      });
      await page.type(q);
      // The status line is emptied here and written by the search that Enter runs: its answer
      // is read only once it is there (WebDriver may return before the page has taken the key).
      await page.evaluate(() => (document.querySelector('#offline-results [role="status"]')!.textContent = ''));
      await page.press('Enter');
      await waitUntil(page, () => !!document.querySelector('#offline-results [role="status"]')!.textContent, [], { message: `offline results for ${q}` });
      expect(await listed(page, '#offline-results .result__pnum'), q).toEqual(expectedParagraphs(q));
    }
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
