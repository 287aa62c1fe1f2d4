/**
 * Places a floating panel under the element that opened it, kept inside the window: above it
 * where there is no room below. Where it fits on neither side as the page stands (the 引用
 * panel on a phone, opened from a ¶ number half-way down the screen), the page is first scrolled
 * to bring the anchor up towards the header, as far as the panel needs and the page allows:
 * the reader then sees the panel whole, or as much of it as the window holds, under the
 * paragraph it cites, rather than a third of it in a box of its own to scroll. Only where even
 * that is too little does the panel get shorter and scroll inside. See place-panel.ts, which
 * places it and which this module brings with it (Floating UI): import it only from code that
 * is itself loaded on use.
 */
import { headerCover, MARGIN, placePanel, setPanelWidth } from './place-panel.ts';

/** Space between the anchor and the panel, as placePanel leaves it by default. */
const GAP = 8;

export function placeBelow(panel: HTMLElement, anchor: HTMLElement, maxWidth: number): Promise<void> {
  makeRoom(panel, anchor, maxWidth);
  return placePanel(panel, anchor, { maxWidth });
}

/**
 * Scrolls the page so that the room under `anchor` holds `panel` at its natural height, when
 * neither the room under it nor the room over it does now; only if that leaves more room than
 * the larger of the two, and never so far that the anchor goes under the header.
 */
function makeRoom(panel: HTMLElement, anchor: HTMLElement, maxWidth: number) {
  const viewport = document.documentElement;
  panel.style.maxHeight = '';
  setPanelWidth(panel, maxWidth);
  const height = panel.offsetHeight + GAP;
  const { top, bottom } = anchor.getBoundingClientRect();
  // The rooms as placePanel measures them: the window's edge and the header kept MARGIN away.
  const below = viewport.clientHeight - MARGIN - bottom;
  const above = top - (headerCover() + MARGIN);
  if (below >= height || above >= height) return;
  const scroll = Math.min(height - below, above, viewport.scrollHeight - viewport.clientHeight - scrollY);
  if (scroll <= 0 || below + scroll <= Math.max(below, above)) return;
  scrollBy({ top: scroll, behavior: 'auto' });
}
