/**
 * The engine in a real browser on editions other than the default one (made by `npm run new`
 * from a fixture report, see scripts/test-editions.ts):
 * - every page of the fixture edition, with and without its apparatus, behind the shipped nginx
 *   config: no request outside the site, no error, no CSP violation; axe on its page types;
 * - its offline file opened from disk, with its search;
 * - two editions under /reports/<id>/ on one host: each serves its own pages, search finds only
 *   its own paragraphs, annotations made in one never show in the other, and one edition's
 *   exported annotations are refused by the other.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readEdition, type Edition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launch, SCREENSHOTS } from '../support/browser.ts';
import { crawl } from '../support/crawl.ts';
import { startNginx, startNginxHost, type RunningServer } from '../support/nginx.ts';
import { select } from '../support/selection.ts';
import { EDITIONS, HOST } from '../support/test-editions.ts';

const [, sample, bare] = EDITIONS as [unknown, (typeof EDITIONS)[number], (typeof EDITIONS)[number]];
const sampleEdition = readEdition(resolve(sample.edition));
const cixi = readEdition(resolve('content'));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe.each([
  ['with its glossary and indicator table', sample],
  ['with no apparatus at all', bare],
])('the fixture edition %s', (_what, { dist, edition }) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNginx(dist, '/');
  });
  afterAll(async () => server?.stop());

  test('every page: nothing outside the site, no error, no CSP violation', async () => {
    expect(await crawl(browser, server.baseUrl, '/', dist, readEdition(resolve(edition)))).toEqual([]);
  }, 180_000);

  test('axe on every kind of page, in light and dark', async () => {
    const e = readEdition(resolve(edition));
    const paths = ['', `${e.chapters[0]!.slug}/`, `${e.chapters[1]!.slug}/`, `${e.chapters.at(-1)!.slug}/`, 'search/?q=发展', 'about/', 'annotations/', '404.html'];
    if (e.paths.glossary) paths.push('glossary/');
    if (e.paths.indicators) paths.push('indicators/');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    // One visit per page: light, then dark as the system would switch it.
    for (const path of paths) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(server.baseUrl + path, { waitUntil: 'networkidle' });
      for (const v of await axeViolations(page)) problems.push(`/${path} (light): ${v}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      for (const v of await axeViolations(page)) problems.push(`/${path} (dark): ${v}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    if (e.paths.glossary) {
      await page.goto(`${server.baseUrl}${e.chapters[1]!.slug}/`);
      await page.screenshot({ path: `${SCREENSHOTS}/edition-sample-chapter.png`, fullPage: false });
      await page.goto(server.baseUrl);
      await page.screenshot({ path: `${SCREENSHOTS}/edition-sample-home.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.baseUrl}about/`);
      await page.screenshot({ path: `${SCREENSHOTS}/edition-sample-about-phone.png`, fullPage: true });
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the fixture edition’s offline file, opened from disk', () => {
  test('holds the whole report, searches it, and asks nothing of the network', async () => {
    const file = pathToFileURL(resolve(sample.dist, downloadPaths(sampleEdition).offline)).href;
    const context = await browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(file);
    // By id and by link target, not by class: the offline file renames its classes.
    const ns = await page.locator('p[id^="p-"]').evaluateAll((els) => els.filter((e) => /^p-\d+$/.test(e.id)).map((e) => Number(e.id.slice(2))));
    expect(ns).toEqual(sampleEdition.source.model.paragraphs.map((p) => p.n));
    expect(await page.locator('header a[href="#contents"]').textContent()).toContain(sampleEdition.shortName);
    expect(await page.content()).not.toContain(cixi.titleBlock.place);
    const p = sampleEdition.source.model.paragraphs[5]!;
    const word = Array.from(p.text.match(/\p{Script=Han}{4,}/u)![0]).slice(0, 3).join('');
    await page.locator('#offline-search-q').fill(word);
    await page.locator('#offline-search-q').press('Enter');
    const listed = (await page.locator('#offline-results .result__pnum').allTextContents()).map((t) => Number(t.slice(1)));
    expect(listed.sort((a, b) => a - b)).toEqual(sampleEdition.source.model.paragraphs.filter((x) => x.text.includes(word)).map((x) => x.n));
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('two editions on one host, each under /reports/<id>/', () => {
  let server: RunningServer;
  const base = (e: Edition) => `${server.origin}/reports/${e.id}/`;
  /** Two characters that only one of the two reports has, from its first paragraphs. */
  const onlyIn = (mine: Edition, other: Edition) => {
    const theirs = other.source.model.paragraphs.map((p) => p.text).join('\n');
    for (const p of mine.source.model.paragraphs)
      for (const run of p.text.match(/\p{Script=Han}{2,}/gu) ?? [])
        for (let i = 0; i + 2 <= run.length; i++) if (!theirs.includes(run.slice(i, i + 2))) return run.slice(i, i + 2);
    throw new Error('no word of its own');
  };

  beforeAll(async () => {
    expect(HOST.editions.map((e) => e.id)).toEqual([cixi.id, sampleEdition.id]);
    server = await startNginxHost(HOST.root, HOST.editions.map((e) => `/reports/${e.id}/`));
  });
  afterAll(async () => server?.stop());

  test('each serves its own pages', async () => {
    for (const e of [cixi, sampleEdition]) {
      const home = await (await fetch(base(e))).text();
      expect(home).toContain(`<p class="home-title__issuer">${e.issuer}</p>`);
      for (const c of e.chapters) expect((await fetch(`${base(e)}${c.slug}/`)).status, c.slug).toBe(200);
      expect((await fetch(`${base(e)}no-such-page/`)).status).toBe(404);
      expect(await (await fetch(`${base(e)}no-such-page/`)).text()).toContain(`href="/reports/${e.id}/"`);
    }
  });

  test('search finds only its own paragraphs', async () => {
    const page = await browser.newPage();
    for (const [mine, other] of [
      [cixi, sampleEdition],
      [sampleEdition, cixi],
    ] as const) {
      const word = onlyIn(mine, other);
      const expected = mine.source.model.paragraphs.filter((p) => p.text.includes(word)).length;
      await page.goto(`${base(mine)}search/?q=${encodeURIComponent(word)}`);
      await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-group="paragraphs"] li').count(), `${word} in ${mine.id}`).toBe(expected);
      await page.goto(`${base(other)}search/?q=${encodeURIComponent(word)}`);
      await page.locator('.search-page__status').filter({ hasText: '没有找到' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-group="paragraphs"] li').count(), `${word} in ${other.id}`).toBe(0);
    }
    await page.close();
  });

  test('annotations made in one never show in the other; its export is refused by the other', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const stored = (e: Edition) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"annotations":[]}').annotations as unknown[], `${e.id}:annotations`);
    const highlight = async (e: Edition) => {
      const p = e.source.model.paragraphs[3]!;
      const slug = e.chapters.find((c) => c.part === e.source.model.parts.find((x) => x.blocks.some((b) => (b.type === 'paragraph' ? b.paragraph.n === p.n : b.section.paragraphs.some((q) => q.n === p.n))))?.n)!.slug;
      await page.goto(`${base(e)}${slug}/#p-${p.n}`);
      await select(page, p.n, Array.from(p.text.match(/\p{Script=Han}{4,}/u)![0]).slice(0, 4).join(''));
      await page.locator('.selection-toolbar__highlight').click();
      await expect.poll(() => stored(e).then((l) => l.length)).toBe(1);
    };

    await highlight(cixi);
    await page.goto(`${base(sampleEdition)}annotations/`);
    await page.locator('.my-notes__empty').waitFor();
    expect(await stored(sampleEdition)).toEqual([]);
    expect(await page.locator('.my-notes__chapter').count()).toBe(0);

    await highlight(sampleEdition);
    await page.goto(`${base(cixi)}annotations/`);
    await page.locator('.my-notes__chapter').first().waitFor();
    expect(await page.locator('.my-notes__items > li').count()).toBe(1);

    // Cixi's export, imported into the other edition: refused, nothing changes there.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-json"]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${cixi.id}-annotations-`));
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.edition).toBe(cixi.id);
    await page.goto(`${base(sampleEdition)}annotations/`);
    await page.locator('.my-notes__chapter').first().waitFor();
    const before = JSON.stringify(await stored(sampleEdition));
    await page.locator('input[data-action="import"]').setInputFiles((await download.path())!);
    await expect.poll(() => page.locator('.my-notes__error').textContent()).toContain(`不是本版“${sampleEdition.citation.short}”`);
    expect(await page.locator('.my-notes__error').textContent()).toContain('未导入任何内容');
    expect(JSON.stringify(await stored(sampleEdition))).toBe(before);
    await page.screenshot({ path: `${SCREENSHOTS}/edition-import-refused.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
