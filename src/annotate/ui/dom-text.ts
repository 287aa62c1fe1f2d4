/**
 * A paragraph's report text in the DOM, as annotations and search highlights count it: every
 * text node except those inside edition UI (the ¶ number, note markers, the reader's own
 * notes), offsets in UTF-16 code units as DOM ranges count them. The text is exactly the
 * paragraph's source line.
 */

export interface TextSpan {
  node: Text;
  /** Offset of the node's first character in the paragraph's text. */
  start: number;
}

/** The paragraph's report text nodes, in order. */
export function textSpans(para: Element): TextSpan[] {
  const spans: TextSpan[] = [];
  const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[data-edition-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    spans.push({ node: node as Text, start: offset });
    offset += (node as Text).length;
  }
  return spans;
}

export const spansText = (spans: readonly TextSpan[]) => spans.map((s) => s.node.data).join('');

/** The offset in the paragraph's text of a DOM boundary point inside it. */
export function offsetAt(para: Element, spans: readonly TextSpan[], container: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(para, 0);
  before.setEnd(container, offset);
  let n = 0;
  for (const { node } of spans) {
    if (!before.intersectsNode(node)) continue;
    const from = node === before.startContainer ? before.startOffset : 0;
    const to = node === before.endContainer ? before.endOffset : node.length;
    n += Math.max(0, to - from);
  }
  return n;
}

/** DOM ranges covering [start, end) of the paragraph's text, one per text node touched. */
export function rangesOver(spans: readonly TextSpan[], start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const { node, start: at } of spans) {
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + node.length) - at;
    if (from >= to) continue;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    ranges.push(range);
  }
  return ranges;
}
