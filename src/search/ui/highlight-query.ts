/**
 * Arriving from a search result (`chapter/?hl=亩均#p-12`): the words searched for are
 * highlighted in that paragraph. Uses the CSS Custom Highlight API where the browser has it,
 * so the page's DOM and text stay untouched; older browsers get `<mark>` elements, which
 * change no text either. The paragraph's text and its ranges are the annotations' (dom-text.ts).
 */
import { rangesOver, spansText, textSpans } from '../../annotate/ui/dom-text.ts';
import { findMatches, parseQuery } from '../tokens.ts';

export function highlightQuery() {
  const params = new URLSearchParams(location.search);
  // hl: search terms (space-separated); quote: one quoted passage, matched as a whole.
  const quote = params.get('quote');
  const terms = quote ? [quote] : parseQuery(params.get('hl') ?? '');
  const hash = location.hash.split(':~:')[0]!;
  const target = /^#p-\d+$/.test(hash) ? document.getElementById(hash.slice(1)) : null;
  if (!terms.length || !target) return;
  const spans = textSpans(target);
  const chars = Array.from(spansText(spans));
  // findMatches counts characters (code points); DOM ranges count UTF-16 code units.
  const units = (n: number) => chars.slice(0, n).join('').length;
  const ranges = findMatches(chars.join(''), terms).flatMap((m) => rangesOver(spans, units(m.start), units(m.end)));
  if (ranges.length === 0) return;
  if ('highlights' in CSS && typeof Highlight === 'function') {
    CSS.highlights.set('search-hit', new Highlight(...ranges));
    return;
  }
  for (const range of ranges.reverse()) {
    range.surroundContents(document.createElement('mark'));
  }
}
