/**
 * Loads the built site's own `pagefind/pagefind.js` (of `dist/` or `DIST`) in Node and runs the edition's search
 * code over it: the real index, the real search code, no browser. Pagefind fetches its files
 * relative to its own URL; in Node that URL is a file URL, which Node's fetch does not serve,
 * so file URLs are answered from disk (and counted, for the benchmark).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSearch, type PagefindApi } from '../../src/search/engine.ts';
import { DIST } from './site.ts';

export interface NodeSearch {
  search: ReturnType<typeof createSearch>;
  /** Bytes read through fetch since the last reset. */
  bytes(): number;
  reset(): void;
}

let fetched = 0;

export async function loadNodeSearch(dist = DIST): Promise<NodeSearch> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith('file:')) return realFetch(input, init);
    const body = await readFile(new URL(url));
    fetched += body.length;
    return new Response(body);
  }) as typeof fetch;
  const pagefind = (await import(pathToFileURL(resolve(dist, 'pagefind/pagefind.js')).href)) as PagefindApi;
  // As in the browser (src/search/ui/load-pagefind.ts); Node has no workers anyway.
  await pagefind.options?.({ noWorker: true });
  await pagefind.init?.();
  return { search: createSearch(pagefind), bytes: () => fetched, reset: () => (fetched = 0) };
}
