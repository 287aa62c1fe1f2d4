/**
 * Loads Pagefind's search module from the site itself, once, only when a search starts.
 */
import { createSearch, type PagefindApi, type SearchOutcome } from './engine.ts';

let loading: Promise<(query: string) => Promise<SearchOutcome>> | undefined;

/** The edition's search function, loading Pagefind on first use. */
export function loadSearch(): Promise<(query: string) => Promise<SearchOutcome>> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.init?.();
    return createSearch(pagefind);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
