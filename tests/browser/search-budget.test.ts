/**
 * The first search's byte budget: from a chapter page's header, with nothing cached, the first
 * query (亩均) shows its results after at most 110 KB on the wire (headers and gzipped bodies,
 * as the project's nginx config sends them, read from its log). Byte counts of a given build are
 * the same on every run; time is not measured.
 *
 * Where the bytes go (one build, 2026-12): Pagefind's WebAssembly 54 KB (compressed by
 * Pagefind, sent as is), pagefind.js 13 KB, its chunk list 3 KB, one index chunk 4 KB, the
 * matching records' fragments 8 KB, the edition's own search code and the panel's placement
 * 13 KB, and about 0.6 KB of headers per response. See src/integrations/pagefind-index.ts and
 * src/search/ui/load-pagefind.ts for the choices that keep it there.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { startNginx, type RunningServer } from '../support/nginx.ts';
import { expectedParagraphs } from '../support/search-oracle.ts';
import { describeTransfer, headerSearchTransfers } from '../support/search-transfer.ts';
import { DIST } from '../support/site.ts';

const BUDGET = 110 * 1024;
const useTheBrowser = useBrowser();
// A server of this test's own: the bytes are read from its log, which no other test adds to.
let server: RunningServer;
beforeAll(async () => {
  server = await startNginx(DIST, inject('base'));
});
afterAll(async () => server?.stop());

test('the first search shows its results after at most 110 KB, through Pagefind', async () => {
  const { first, second, status } = await headerSearchTransfers(server, useTheBrowser(), { page: 'review-2020/', first: '亩均', second: '5G基站' });
  const paths = first.served.map((r) => r.path.replace(/\?.*$/, ''));
  const breakdown = `\n${describeTransfer(first)}`;
  // The search really ran through Pagefind, not the records file of browsers that refuse it
  // (which would pass the budget and prove nothing), and found what the oracle finds.
  expect(paths.some((p) => p.endsWith('/pagefind/pagefind.js')), breakdown).toBe(true);
  expect(paths.some((p) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(p)), breakdown).toBe(true);
  expect(paths.some((p) => p.endsWith('.pf_index')), breakdown).toBe(true);
  expect(paths.some((p) => p.endsWith('/search-records.json')), breakdown).toBe(false);
  expect(first.served.every((r) => r.status === 200), breakdown).toBe(true);
  expect(status.first).toContain(`找到 ${expectedParagraphs('亩均').length} 个段落`);
  expect(status.second).toContain(`找到 ${expectedParagraphs('5G基站').length} 个段落`);
  expect(first.bytes, `first search: ${(first.bytes / 1024).toFixed(1)} KB in ${first.requests} responses${breakdown}`).toBeLessThanOrEqual(BUDGET);
  // A second search fetches only its own index chunks and fragments.
  expect(second.bytes, `second search:\n${describeTransfer(second)}`).toBeLessThan(first.bytes / 4);
});
