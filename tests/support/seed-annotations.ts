/**
 * Puts annotations in a browser context's storage before its first page loads, as if the reader
 * had made them, once per tab: a reload then shows what the page itself saved, not the seed again.
 */
import type { BrowserContext } from 'playwright-core';
import type { Annotation } from '../../src/annotate/model.ts';

export function seedAnnotations(context: BrowserContext, key: string, list: readonly Annotation[]) {
  return context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [key, JSON.stringify({ version: 1, annotations: list })],
  );
}
