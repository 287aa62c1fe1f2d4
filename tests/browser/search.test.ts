/**
 * Search in Chromium against the built site behind nginx: the search page and its URL, the
 * header's panel with the keyboard, landing on a result, zero results, a sample of the
 * benchmark, and that nothing of search loads before the reader starts one.
 */
import { expect, inject, test } from 'vitest';
import { collectErrors, SCREENSHOTS, useBrowser, windowOptions } from '../support/browser.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';

const baseUrl = inject('baseUrl');
const SHOTS = SCREENSHOTS;
const useTheBrowser = useBrowser();

async function open(path: string, width = 1280) {
  const context = await useTheBrowser().newContext(windowOptions(width));
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl + path);
  return { page, context, errors, requests };
}

const listed = (page: import('playwright-core').Page) =>
  page.locator('[data-group="paragraphs"] .result__pnum').allTextContents().then((t) => t.map((x) => Number(x.slice(1))));

test('search/?q=亩均 shows every paragraph and the glossary entry', async () => {
  const { page, context, errors } = await open(`search/?q=${encodeURIComponent('亩均')}`);
  await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor();
  expect((await listed(page)).sort((a, b) => a - b)).toEqual(expectedParagraphs('亩均'));
  await expect(page.locator('[data-group="glossary"] .result__term').allTextContents()).resolves.toContain('亩均论英雄');
  const first = page.locator('[data-group="paragraphs"] a').first();
  expect(await first.getAttribute('href')).toMatch(/\/\?hl=%E4%BA%A9%E5%9D%87#p-\d+$/);
  expect(await first.locator('mark').first().textContent()).toBe('亩均');
  await page.screenshot({ path: `${SHOTS}/search-muju-desktop.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('search results on a phone', async () => {
  const { page, context } = await open(`search/?q=${encodeURIComponent('亩均')}`, 360);
  await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: `${SHOTS}/search-muju-phone.png` });
  await context.close();
});

test('typing on the search page updates the results and the URL', async () => {
  const { page, context } = await open('search/');
  await page.locator('#search-q').fill('5G基站');
  await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('5G基站');
  expect(await listed(page)).toEqual(expectedParagraphs('5G基站'));
  await context.close();
});

test('a search that finds nothing says so and suggests what does find something', async () => {
  const { page, context, errors } = await open(`search/?q=${encodeURIComponent('亩均英雄')}`);
  await page.locator('.search-page__status').filter({ hasText: '没有找到' }).waitFor();
  expect(await page.locator('.search-page__status').textContent()).toContain('没有找到包含“亩均英雄”的段落');
  await page.locator('[data-group="suggestions"]:not([hidden])').waitFor();
  const suggestions = await page.locator('.search-page__suggestions a').allTextContents();
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions.join(' ')).toContain('亩均');
  await page.screenshot({ path: `${SHOTS}/search-zero-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${SHOTS}/search-zero-phone.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('nothing of search loads with a page; it loads when the reader starts a search', async () => {
  const { page, context, requests, errors } = await open('review-2020/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /pagefind|panel|render|tokens/.test(u))).toEqual([]);
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
  await page.keyboard.type('论英雄');
  await page.locator('.search-panel .result').first().waitFor();
  expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  expect(await page.locator('#site-search-q').getAttribute('aria-expanded')).toBe('true');
  await page.screenshot({ path: `${SHOTS}/search-panel-desktop.png` });
  // Arrows move through the results, Enter opens one.
  // Glossary entries come first; step down to the first paragraph.
  let active: string | null = null;
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowDown');
    active = await page.locator('#site-search-q').getAttribute('aria-activedescendant');
    if (await page.locator(`#${active}`).evaluate((el) => el.classList.contains('result--paragraph'))) break;
  }
  expect(active).toBeTruthy();
  expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
  const href = await page.locator(`#${active}`).getAttribute('href');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => href!.endsWith(url.pathname + url.search + url.hash) || url.href.endsWith(href!));
  const n = new URL(page.url()).hash.slice(3);
  // The searched words are highlighted in the paragraph.
  await expect
    .poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')?.size ?? 0))
    .toBeGreaterThan(0);
  const highlighted = await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')!].map((r) => r.toString()));
  expect(highlighted.join('')).toContain('论英雄');
  expect(await page.evaluate((id) => document.getElementById(id)!.matches(':target'), `p-${n}`)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/search-landing.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('Ctrl+K opens search; Esc closes the panel', async () => {
  const { page, context } = await open('');
  await page.keyboard.press('Control+k');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
  await page.keyboard.type('开门红');
  await page.locator('.search-panel .result').first().waitFor();
  await page.keyboard.press('Escape');
  expect(await page.locator('.search-panel').isHidden()).toBe(true);
  expect(await page.locator('#site-search-q').getAttribute('aria-expanded')).toBe('false');
  // Enter with no result chosen goes to the search page with the query.
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('开门红');
  await context.close();
});

test('a sample of the benchmark through the search page', async () => {
  const { page, context } = await open('search/');
  const sample = benchmarkQueries().filter((_, i) => i % 4 === 0);
  for (const { q } of sample) {
    await page.goto(`${baseUrl}search/?q=${encodeURIComponent(q)}`);
    await page.locator('.search-page__status').filter({ hasText: /找到|没有找到/ }).waitFor();
    expect((await listed(page)).sort((a, b) => a - b), q).toEqual(expectedParagraphs(q));
  }
  await context.close();
});

test('where the browser refuses Pagefind’s WebAssembly (Chromium 86–96 do not know wasm-unsafe-eval), search still answers, from the records', async () => {
  // The policy such a browser enforces: the same, without the keyword it does not know.
  const context = await useTheBrowser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (headers['content-security-policy']) headers['content-security-policy'] = headers['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
    const isHtml = (headers['content-type'] ?? '').startsWith('text/html');
    const body = isHtml ? (await response.text()).replace(" 'wasm-unsafe-eval'", '') : await response.body();
    await route.fulfill({ response, headers, body });
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/WebAssembly|wasm/i.test(m.text())) refused.push(m.text());
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}search/?q=${encodeURIComponent('亩均')}`);
  await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor({ timeout: 20_000 });
  expect((await listed(page)).sort((a, b) => a - b)).toEqual(expectedParagraphs('亩均'));
  expect(refused.length, 'the WebAssembly was not refused, so this test proves nothing').toBeGreaterThan(0);
  expect(requests.some((u) => u.endsWith('/search-records.json'))).toBe(true);
  await context.close();
});
