/**
 * `npm run bench:search`: the search benchmark's figures. Prints; judges nothing.
 * - recall and precision over every committed query, through the built index in Node;
 * - bytes fetched by a first query and by a second one, in Chromium, behind the project's nginx;
 * - the median time from keystroke to rendered results on the search page, in Chromium.
 * Needs a built site (`npm run build`); reads `dist/`, or the folder `DIST` names.
 */
import { launch } from '../tests/support/browser.ts';
import { startNginx, type RunningServer } from '../tests/support/nginx.ts';
import { loadNodeSearch } from '../tests/support/pagefind-node.ts';
import { benchmarkQueries, expectedParagraphs } from '../tests/support/search-oracle.ts';
import { DIST } from '../tests/support/site.ts';
import { describeTransfer, headerSearchTransfers } from '../tests/support/search-transfer.ts';
import { basePath } from '../src/site/base-path.ts';

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

/** First and second query transfers, and the median keystroke-to-results time, in Chromium. */
export async function browserFigures(server: RunningServer) {
  const baseUrl = server.baseUrl;
  const browser = await launch();
  try {
    const { first, second } = await headerSearchTransfers(server, browser, { page: 'review-2020/', first: '亩均', second: '5G基站' });
    const page = await browser.newPage();
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
const server = await startNginx(DIST, basePath(process.env.BASE_PATH));
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
  for (const [name, t] of [['first', b.first], ['second', b.second]] as const)
    console.log(`\n${name} query, per response (headers included):\n${describeTransfer(t)}`);
} finally {
  await server.stop();
}
}
