/**
 * `npm run bench:annotations`: how annotations weigh on reading, in Chromium behind the
 * project's nginx. Prints; judges nothing. For 0, 100 and 1,000 stored annotations (spread over
 * the paragraphs of 第三部分, each with a note):
 * - the median time from the chapter page's DOMContentLoaded until its notes are on the page;
 * - the script bytes (gzipped, on the wire) the page then fetches: the annotation code;
 * - the median time for 我的批注 to list them all.
 * Needs a built site (`npm run build`).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { quoteAt } from '../src/annotate/anchoring.ts';
import { annotationsKey } from '../src/annotate/storage-key.ts';
import { readEdition } from '../src/edition/load-edition.ts';
import type { Annotation } from '../src/annotate/model.ts';
import { basePath } from '../src/site/base-path.ts';
import { sourceParagraphs } from '../src/report/source.ts';
import { launch } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';

const STORAGE_KEY = annotationsKey(readEdition('content').id);

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const text = sourceParagraphs();

/** `count` annotations over ¶28–¶64, four characters each, walking through each paragraph. */
function annotations(count: number): Annotation[] {
  const list: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const n = 28 + (i % 37);
    const t = text.get(n)!;
    const start = (Math.floor(i / 37) * 7) % Math.max(1, t.length - 4);
    const hex = i.toString(16).padStart(12, '0');
    const now = new Date().toISOString();
    list.push({ id: `urn:uuid:00000000-0000-4000-8000-${hex}`, paragraph: n, quote: quoteAt(t, { start, end: start + 4 }), position: { start, end: start + 4 }, color: 'yellow', note: `批注 ${i}`, created: now, modified: now });
  }
  return list;
}

async function seeded(context: BrowserContext, list: Annotation[]) {
  await context.addInitScript(
    ([key, value]) => {
      if (value !== '[]') localStorage.setItem(key!, value!);
      // Time from DOMContentLoaded until the notes (or, with none, nothing) are on the page.
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { __rendered: number; __t0: number };
        w.__t0 = performance.now();
        if (value === '[]') w.__rendered = 0;
        else
          new MutationObserver((_, observer) => {
            if (!document.querySelector('.reader-notes, .my-notes__chapter, .my-notes__lost:not([hidden])')) return;
            observer.disconnect();
            w.__rendered = performance.now() - w.__t0;
          }).observe(document.body, { childList: true, subtree: true });
      });
    },
    [STORAGE_KEY, list.length ? JSON.stringify({ version: 1, annotations: list }) : '[]'],
  );
}

const rendered = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { __rendered?: number }).__rendered !== undefined)
    .then(() => page.evaluate(() => (window as unknown as { __rendered: number }).__rendered));

let baseline = 0;
const server = await startNginx('dist', basePath(process.env.BASE_PATH));
const browser = await launch();
try {
  console.log('annotations | chapter: DOMContentLoaded → notes shown (median of 5) | annotation code fetched | 我的批注: listed (median of 5)');
  for (const count of [0, 100, 1000]) {
    const list = annotations(count);
    const chapter: number[] = [];
    const listing: number[] = [];
    let code = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      await seeded(context, list);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}work-2021/`);
      chapter.push(await rendered(page));
      await page.waitForLoadState('networkidle');
      // All script bytes on the wire (gzipped by nginx); less the page without annotations.
      code = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.js')).reduce((sum, e) => sum + e.encodedBodySize, 0),
      );
      if (count === 0) baseline = code;
      if (count) {
        await page.goto(`${server.baseUrl}annotations/`);
        listing.push(await rendered(page));
      }
      await context.close();
    }
    console.log(
      `${String(count).padStart(11)} | ${median(chapter).toFixed(1).padStart(8)} ms | ${((code - baseline) / 1024).toFixed(1).padStart(6)} KB gzipped | ${count ? `${median(listing).toFixed(1)} ms` : '—'}`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
