/**
 * Loads Pagefind's search module from the site itself, once, only when a search starts.
 *
 * Where Pagefind cannot start, the search runs over the records file instead, with the same
 * checks: Chromium 86–96 (the core of many domestic browsers) do not know the CSP's
 * `'wasm-unsafe-eval'` and refuse Pagefind's WebAssembly. The records are about the report's
 * size (tens of KB gzipped) and load only then.
 */
import { createSearch, type PagefindApi, type SearchOutcome } from '../engine.ts';
import { url } from '../../site/urls.ts';
import { RECORDS_FILE, type SearchRecord } from '../records.ts';

let loading: Promise<(query: string) => Promise<SearchOutcome>> | undefined;

/** Pagefind's API over every record: each search proposes them all, and the engine's check decides. */
async function recordsIndex(): Promise<PagefindApi> {
  const response = await fetch(url(RECORDS_FILE));
  if (!response.ok) throw new Error(`${RECORDS_FILE}: HTTP ${response.status}`);
  const records = (await response.json()) as SearchRecord[];
  const results = records.map((r) => ({ id: r.url, data: async () => ({ meta: r.meta as unknown as Record<string, string> }) }));
  return { search: async () => ({ results }) };
}

/**
 * Pagefind, started; throws where the browser will not run it. On the page's own thread
 * (`noWorker`): by default pagefind.js starts a worker that is a second copy of itself
 * (pagefind-worker.js, 12 KB gzipped) to keep long searches off the page's thread; over one
 * report's index a search takes milliseconds, and the first search saves the download.
 */
async function pagefindIndex(): Promise<PagefindApi> {
  const pagefind = (await import(/* @vite-ignore */ url('pagefind/pagefind.js'))) as PagefindApi;
  await pagefind.options?.({ noWorker: true });
  await pagefind.init?.();
  return pagefind;
}

/**
 * The edition's search function, loading Pagefind on first use. If Pagefind cannot start, or
 * its first search fails (the WebAssembly refused), the records take over for good.
 */
export function loadSearch(): Promise<(query: string) => Promise<SearchOutcome>> {
  loading ??= (async () => {
    let fallback = false;
    let search = createSearch(
      await pagefindIndex().catch(() => {
        fallback = true;
        return recordsIndex();
      }),
    );
    return async (query: string) => {
      try {
        return await search(query);
      } catch (error) {
        if (fallback) throw error;
        fallback = true;
        search = createSearch(await recordsIndex());
        return search(query);
      }
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
