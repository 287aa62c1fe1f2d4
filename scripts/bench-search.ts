/**
 * `npm run bench:search`: the search benchmark's figures. Prints; judges nothing.
 * - recall and precision over every committed query, through the built index in Node;
 * - bytes fetched by a first query and by a second one, in Chromium, behind the project's nginx;
 * - the median time from keystroke to rendered results on the search page, in Chromium.
 * Needs a built site (`npm run build`).
 */
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/browser.ts';
import { startNginx, type RunningServer } from '../tests/support/nginx.ts';
import { loadNodeSearch } from '../tests/support/pagefind-node.ts';
import { benchmarkQueries, expectedParagraphs } from '../tests/support/search-oracle.ts';
import { basePath } from '../src/report/base-path.ts';

const queries = benchmarkQueries();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Recall and precision over the committed queries, through the built index in Node. */
export async function quality() {
  const engine = await loadNodeSearch();
  let expected = 0;
  let listed = 0;
  let correct = 0;
  for (const { q } of queries) {
    const want = expectedParagraphs(q);
    const got = (await engine.search(q)).paragraphs.map((p) => Number(p.n));
    expected += want.length;
    listed += got.length;
    correct += got.filter((n) => want.includes(n)).length;
  }
  return { recall: correct / expected, precision: listed ? correct / listed : 1, expected };
}

/**
 * Bytes the server sent (headers and bodies, from nginx's log) while `action` ran: this counts
 * what Pagefind's worker fetches too, which the page's own network events do not show.
 */
async function transfer(server: RunningServer, page: Page, action: () => Promise<void>) {
  const before = server.requests().length;
  await action();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const served = server.requests().slice(before);
  return { bytes: served.reduce((sum, r) => sum + r.bytes, 0), requests: served.length };
}

/** First and second query transfers, and the median keystroke-to-results time, in Chromium. */
export async function browserFigures(server: RunningServer) {
  const baseUrl = server.baseUrl;
  const browser = await launch();
  try {
    // A fresh profile: nothing cached.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}review-2020/`);
    await page.waitForLoadState('networkidle');
    const settle = async (q: string) => {
      await page.locator('#site-search-q').fill(q);
      await page.locator('.search-panel__status').filter({ hasText: /找到/ }).waitFor();
    };
    const first = await transfer(server, page, async () => {
      await page.locator('#site-search-q').focus();
      await settle('亩均');
    });
    const second = await transfer(server, page, () => settle('5G基站'));

    // Keystroke to rendered results on the search page, Pagefind already loaded.
    await page.goto(`${baseUrl}search/?q=${encodeURIComponent('预热')}`);
    await page.locator('.search-page__status').filter({ hasText: /找到/ }).waitFor();
    const times: number[] = [];
    for (const { q } of queries) {
      await page.locator('#search-q').fill('');
      const ms = await page.evaluate(async (query) => {
        const input = document.querySelector<HTMLInputElement>('#search-q')!;
        const status = document.querySelector('.search-page__status')!;
        return new Promise<number>((done) => {
          const observer = new MutationObserver(() => {
            if (/找到/.test(status.textContent ?? '')) {
              observer.disconnect();
              done(performance.now() - start);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = query;
          const start = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, q);
      times.push(ms);
    }
    return { first, second, median: median(times), debounce: 150 };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
const server = await startNginx('dist', basePath(process.env.BASE_PATH));
try {
  const q = await quality();
  const b = await browserFigures(server);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('search benchmark');
  console.log(`| figure | value |`);
  console.log(`| --- | --- |`);
  console.log(`| queries | ${queries.length} (${q.expected} expected paragraph hits) |`);
  console.log(`| recall | ${(q.recall * 100).toFixed(1)} % |`);
  console.log(`| precision | ${(q.precision * 100).toFixed(1)} % |`);
  console.log(`| first query transfer (亩均, from a chapter page's header) | ${kb(b.first.bytes)} in ${b.first.requests} requests |`);
  console.log(`| second query transfer (5G基站) | ${kb(b.second.bytes)} in ${b.second.requests} requests |`);
  console.log(`| median keystroke → rendered results (search page, incl. ${b.debounce} ms debounce) | ${b.median.toFixed(0)} ms |`);
} finally {
  await server.stop();
}
}
