/**
 * Citing in Chromium: the cite panel from a ¶ number (mouse and keyboard), its formats, copying
 * on a secure origin (127.0.0.1) and on a plain-HTTP intranet name that is not a secure
 * context, ranges by shift-click and by URL, 复制引用 of selected words with a link that
 * finds them again, the citation files (RIS, BibTeX, CSL-JSON) downloaded and copied and read
 * back by Citation.js, and the metadata reference managers read from the pages, with no
 * Content Security Policy violation.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { toBibtex } from '../../src/cite/files.ts';
import { fullTitle, gbt7714 } from '../../src/cite/format.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launch } from '../support/browser.ts';
import { select } from '../support/selection.ts';

const edition = readEdition('content');
const { citation } = edition;

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

/**
 * The day the reader cites on, from a fixed clock: the references' “accessed” date is that day,
 * whatever day the tests run. Noon in Shanghai, so the reader's calendar day is the 29th; in Node
 * the same calendar day is local midnight.
 */
const READER_NOW = new Date('2026-11-29T12:00:00+08:00');
const ACCESSED = new Date(2026, 10, 29);

/** A reader's browser context in China on the day of `READER_NOW`. */
async function readerContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai', ...options });
  await context.clock.setFixedTime(READER_NOW);
  return context;
}

/** The values the panel shows (a file's text, shown only where copying fails, left out). */
const values = (page: import('playwright-core').Page) => page.locator('#cite-panel span.cite-panel__value').allTextContents();

test('the ¶ number opens the cite panel with every format; copy works on 127.0.0.1', async () => {
  const context = await readerContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}work-2021/#p-42`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  await page.locator('#p-42 .pnum').click();
  await page.locator('#cite-panel:not([hidden])').waitFor();
  expect(await page.locator('#cite-panel-title').textContent()).toBe('引用 ¶42');
  const permalink = `${baseUrl}p/42/`;
  expect((await values(page)).slice(0, 4)).toEqual([
    permalink,
    `${baseUrl}work-2021/#p-42`,
    gbt7714(citation, permalink, ACCESSED),
    '慈溪市2021年政府工作报告，第42段',
  ]);
  // The subtitle after a half-width colon and a space, as the official CSL style writes it.
  expect((await values(page))[2]).toBe(`慈溪市人民政府. 政府工作报告: 2021年2月2日在慈溪市第十七届人民代表大会第五次会议上[R/OL]. (2021-02-02)[2026-11-29]. ${permalink}.`);
  expect((await values(page)).slice(4)).toEqual(['RIS（cixi-2021-p42.ris）', 'BibTeX（cixi-2021-p42.bib）', 'CSL-JSON（cixi-2021-p42.json）']);
  await page.locator('#cite-panel .cite-panel__copy').nth(2).click();
  await expect.poll(() => page.locator('#cite-panel').getAttribute('data-copied')).toBe('clipboard');
  expect(await page.locator('.cite-panel__status').textContent()).toContain('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt7714(citation, permalink, ACCESSED));
  expect(await axeViolations(page, '#cite-panel')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/cite-panel-desktop.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('on a plain-HTTP intranet origin (not a secure context) copy still works, and says how', async () => {
  const context = await readerContext();
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

/** Parsed by Citation.js: the CSL-JSON items a file holds. */
const parsed = (text: string) =>
  new Cite(text).data as { type: string; title: string; URL: string; page: string; author: { family?: string; literal?: string }[]; accessed: { 'date-parts': (number | string)[][] } }[];

test('citation files: RIS, BibTeX and CSL-JSON downloaded and copied, and read back by Citation.js', async () => {
  const context = await readerContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}work-2021/`);
  await page.locator('#p-42 .pnum').click();
  await page.locator('#cite-panel:not([hidden])').waitFor();
  const file = (ext: string) => page.locator('#cite-panel .cite-panel__file').filter({ has: page.locator(`#cite-file-${ext}`) });
  const permalink = `${baseUrl}p/42/`;
  for (const ext of ['ris', 'bib', 'json']) {
    const [download] = await Promise.all([page.waitForEvent('download'), file(ext).getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe(`cixi-2021-p42.${ext}`);
    const [item, ...more] = parsed(readFileSync((await download.path())!, 'utf8'));
    expect(more).toEqual([]);
    expect(item).toMatchObject({ type: 'report', title: fullTitle(citation), URL: permalink, page: '¶42' });
    expect(item!.accessed['date-parts'][0]!.map(Number), `${ext}: accessed`).toEqual([2026, 11, 29]);
    expect(item!.author.map((a) => a.literal ?? a.family)).toEqual([citation.author]);
    expect(await page.locator('.cite-panel__status').textContent()).toContain(`已下载 cixi-2021-p42.${ext}`);
  }
  await file('bib').getByRole('button', { name: '复制' }).click();
  await expect.poll(() => page.locator('#cite-panel').getAttribute('data-copied')).toBe('clipboard');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(toBibtex(citation, { edition: edition.id, range: { from: 42, to: 42 }, url: permalink, accessed: ACCESSED, language: edition.language }));
  expect(copied).toContain('urldate = {2026-11-29}');
  expect(await page.locator('.cite-panel__status').textContent()).toBe('BibTeX：已复制。');

  // A range: its link, its paragraphs as the pages cited.
  await page.locator('#p-45 .pnum').click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator('#cite-panel-title').textContent()).toBe('引用 ¶42–45');
  const [ris] = await Promise.all([page.waitForEvent('download'), file('ris').getByRole('button', { name: '下载' }).click()]);
  expect(ris.suggestedFilename()).toBe('cixi-2021-p42-45.ris');
  expect(parsed(readFileSync((await ris.path())!, 'utf8'))[0]).toMatchObject({ URL: `${baseUrl}work-2021/#p-42-45`, page: '¶42-45' });
  expect(await axeViolations(page, '#cite-panel')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/cite-panel-files.png` });
  expect(errors).toEqual([]);
  await context.close();
});

/** The metadata in a page's head, as a reference manager reads it. */
const metadata = (page: Page) =>
  page.evaluate(() => ({
    meta: [...document.querySelectorAll('head meta[name^="citation_"], head meta[name^="DC."]')].map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!)),
    violations: (window as unknown as { __csp: string[] }).__csp,
  }));

test('metadata for reference managers: Highwire, Dublin Core and schema.org JSON-LD, with no CSP violation', async () => {
  const context = await browser.newContext();
  // Every CSP violation of every document, as the page itself sees it.
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto(`${baseUrl}work-2021/`);
  const chapter = await metadata(page);
  expect(Object.fromEntries(chapter.meta)).toMatchObject({
    citation_title: fullTitle(citation),
    citation_author: citation.author,
    citation_technical_report_institution: citation.author,
    citation_publication_date: citation.issued.replace(/-/g, '/'),
    citation_language: edition.language,
    'DC.title': fullTitle(citation),
    'DC.creator': citation.author,
    'DC.date': citation.issued,
  });
  expect(chapter.jsonLd).toHaveLength(1);
  expect(chapter.jsonLd[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'Report', url: '/work-2021/'.replace('/', new URL(baseUrl).pathname), isPartOf: { '@type': 'Report', name: fullTitle(citation) } });
  expect(chapter.violations).toEqual([]);

  // The permalink page: read before its refresh moves on, then followed.
  const response = await page.request.get(`${baseUrl}p/42/`);
  const html = await response.text();
  expect(html).toContain('<meta name="citation_firstpage" content="¶42">');
  expect(html).toMatch(/<script type="application\/ld\+json">\{[^<]*"position":42[^<]*\}<\/script>/);
  await page.goto(`${baseUrl}p/42/`);
  await page.waitForURL(/work-2021\/#p-42$/);
  expect(csp).toEqual([]);

  // Every chapter page carries them, as served; every permalink page is checked in the build by
  // tests/site/paragraph-text.test.ts.
  for (const path of edition.chapters.map((c) => `${c.slug}/`)) {
    const head = (await (await page.request.get(`${baseUrl}${path}`)).text()).split('</head>')[0]!;
    expect(head, path).toContain(`<meta name="citation_title" content="${fullTitle(citation)}">`);
    expect(head, path).toContain(`<meta name="DC.creator" content="${citation.author}">`);
    expect(head.match(/<script type="application\/ld\+json">/g), path).toHaveLength(1);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('on a phone, the panel opened from a ¶ half-way down the screen shows whole, under its paragraph', async () => {
  const context = await readerContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}work-2021/`);
  // ¶42 starts half-way down: neither the room above it nor below it holds the panel.
  await page.evaluate(() => scrollBy(0, document.getElementById('p-42')!.getBoundingClientRect().top - innerHeight / 2));
  await page.locator('#p-42 .pnum').click();
  const panel = page.locator('#cite-panel');
  await expect.poll(() => panel.isVisible()).toBe(true);
  const geometry = await page.evaluate(() => {
    const box = document.getElementById('cite-panel')!;
    const rect = box.getBoundingClientRect();
    const para = document.getElementById('p-42')!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, scrolls: box.scrollHeight - box.clientHeight, paraTop: para.top, header: document.querySelector('.site-header')!.getBoundingClientRect().bottom };
  });
  await page.screenshot({ path: `${SHOTS}/cite-panel-phone.png` });
  expect(geometry.scrolls, 'the panel is cut short and scrolls inside').toBeLessThanOrEqual(1);
  expect(geometry.bottom).toBeLessThanOrEqual(812);
  expect(geometry.top).toBeGreaterThanOrEqual(geometry.header);
  // The paragraph cited is still in view, above the panel.
  expect(geometry.paraTop).toBeGreaterThanOrEqual(geometry.header);
  expect(geometry.paraTop).toBeLessThan(geometry.top);
  // The address in the chapter wraps before its fragment, which stays whole; its text is the address.
  const address = await page.evaluate(() => {
    const value = document.getElementById('cite-value-1')!;
    const fragment = value.querySelector('.cite-panel__fragment');
    // The lines of an element's text: its boxes are one block (a flex item) or one inline each.
    const lines = (el: Element | null) => {
      if (!el) return 0;
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
    };
    return { text: value.textContent, lines: lines(value), fragment: fragment?.textContent, fragmentLines: lines(fragment) };
  });
  expect(address.text).toBe(`${baseUrl}work-2021/#p-42`);
  expect(address.fragment).toBe('#p-42');
  expect(address.lines, 'the address is long enough to wrap at 375 px').toBeGreaterThan(1);
  expect(address.fragmentLines).toBe(1);
  await context.close();
});

test('the ¶ number of a highlighted paragraph stays clear of its edge bar, on a desktop and a phone', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const context = await readerContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${baseUrl}work-2021/#p-42`);
    // After the arrival's flash, whose wider halo passes over the margin for a moment.
    await page.waitForFunction(() => document.getElementById('p-42')!.getAnimations().length === 0);
    const { pnumRight, barLeft, reach } = await page.evaluate(() => {
      const para = document.getElementById('p-42')!;
      // How far the paragraph's box shadows reach to its left: spread less horizontal offset.
      const reach = Math.max(
        0,
        ...getComputedStyle(para)
          .boxShadow.split(/,(?![^(]*\))/)
          .map((shadow) => {
            const [x = 0, , , spread = 0] = (shadow.match(/-?[\d.]+px/g) ?? []).map(parseFloat);
            return spread - x;
          }),
      );
      return { pnumRight: para.querySelector('.pnum')!.getBoundingClientRect().right, barLeft: para.getBoundingClientRect().left - reach, reach };
    });
    expect(reach, 'the paragraph is highlighted, its bar drawn by a box shadow').toBeGreaterThan(0);
    expect(pnumRight, `at ${viewport.width} px`).toBeLessThanOrEqual(barLeft - 2);
    await context.close();
  }
});
