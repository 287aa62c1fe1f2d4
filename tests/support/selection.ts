/**
 * Selecting report words in a paragraph as a reader would (a selection, then the mouseup that
 * ends one), for the tests of 复制引用 and annotations, in Chromium here and in every engine
 * through tests/engines/helpers.ts.
 */
import type { Page } from 'playwright-core';

/**
 * Runs in the page: selects the `k`-th `q` in ¶n (its report text, across term links, without
 * edition UI) and ends the selection with a mouseup. Self-contained, since drivers send its source.
 * Older engines lack `Array.prototype.findLast`, so the last node before the offset is found by a loop.
 */
export function selectInPage(n: number, q: string, k: number) {
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
  for (let i = 0; i <= k; i++) at = all.indexOf(q, at + 1);
  if (at < 0) throw new Error(`not found: ${q}`);
  const point = (offset: number, end: boolean) => {
    let hit = nodes[0]!;
    for (const x of nodes) if (end ? x.start < offset : x.start <= offset) hit = x;
    return [hit.node, offset - hit.start] as const;
  };
  const range = document.createRange();
  range.setStart(...point(at, false));
  range.setEnd(...point(at + q.length, true));
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}

/** Selects the `occurrence`-th `quote` in ¶n as a reader would, and lets the toolbar appear. */
export async function select(page: Page, n: number, quote: string, occurrence = 0) {
  await page.evaluate(`(${selectInPage.toString()})(${JSON.stringify(n)}, ${JSON.stringify(quote)}, ${JSON.stringify(occurrence)})`);
  await page.locator('.selection-toolbar:not([hidden])').waitFor();
}
