/**
 * Selecting report words in a paragraph as a reader would (a selection, then the mouseup that
 * ends one), for the tests of 复制引用 and annotations.
 */
import type { Page } from 'playwright-core';

/** Selects the `occurrence`-th `quote` in ¶n as a reader would, and lets the toolbar appear. */
export async function select(page: Page, n: number, quote: string, occurrence = 0) {
  await page.evaluate(
    ([n, q, k]) => {
      // The paragraph's report text, across term links, without edition UI.
      const p = document.getElementById(`p-${n}`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest('[data-edition-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes: { node: Text; start: number }[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: all.length });
        all += node.nodeValue;
      }
      let at = -1;
      for (let i = 0; i <= (k as number); i++) at = all.indexOf(q as string, at + 1);
      if (at < 0) throw new Error(`not found: ${q}`);
      const point = (offset: number, end: boolean) => {
        const hit = nodes.findLast((x) => (end ? x.start < offset : x.start <= offset))!;
        return [hit.node, offset - hit.start] as const;
      };
      const range = document.createRange();
      range.setStart(...point(at, false));
      range.setEnd(...point(at + (q as string).length, true));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [n, quote, occurrence] as const,
  );
  await page.locator('.selection-toolbar:not([hidden])').waitFor();
}
