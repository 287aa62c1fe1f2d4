/**
 * Arriving from a search result (`chapter/?hl=亩均#p-12`): the words searched for are
 * highlighted in that paragraph. Uses the CSS Custom Highlight API where the browser has it,
 * so the page's DOM and text stay untouched; older browsers get `<mark>` elements, which
 * change no text either.
 */
import { findMatches, parseQuery } from '../search/tokens.ts';

/** The paragraph's text nodes, skipping edition UI, with their offsets in code points. */
function textNodes(root: Element): { node: Text; start: number; chars: string[] }[] {
  const out: { node: Text; start: number; chars: string[] }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-edition-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = Array.from(node.nodeValue ?? '');
    out.push({ node: node as Text, start: offset, chars });
    offset += chars.length;
  }
  return out;
}

/** Ranges covering [start, end) of the paragraph's text, one per text node it touches. */
function rangesFor(nodes: ReturnType<typeof textNodes>, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const n of nodes) {
    const from = Math.max(start, n.start) - n.start;
    const to = Math.min(end, n.start + n.chars.length) - n.start;
    if (from >= to) continue;
    const range = document.createRange();
    range.setStart(n.node, n.chars.slice(0, from).join('').length);
    range.setEnd(n.node, n.chars.slice(0, to).join('').length);
    ranges.push(range);
  }
  return ranges;
}

export function highlightQuery() {
  const params = new URLSearchParams(location.search);
  // hl: search terms (space-separated); quote: one quoted passage, matched as a whole.
  const quote = params.get('quote');
  const terms = quote ? [quote] : parseQuery(params.get('hl') ?? '');
  const hash = location.hash.split(':~:')[0]!;
  const target = /^#p-\d+$/.test(hash) ? document.getElementById(hash.slice(1)) : null;
  if (!terms.length || !target) return;
  const nodes = textNodes(target);
  const text = nodes.map((n) => n.chars.join('')).join('');
  const ranges = findMatches(text, terms).flatMap((m) => rangesFor(nodes, m.start, m.end));
  if (ranges.length === 0) return;
  if ('highlights' in CSS && typeof Highlight === 'function') {
    CSS.highlights.set('search-hit', new Highlight(...ranges));
    return;
  }
  for (const range of ranges.reverse()) {
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    range.surroundContents(mark);
  }
}
