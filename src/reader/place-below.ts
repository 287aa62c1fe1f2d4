/**
 * Places a floating panel under the element that opened it, kept inside the window: above it
 * where there is no room below. Where it fits on neither side but would under its anchor
 * scrolled to the top of the window (the 引用 panel on a phone, opened from a ¶ number half-way
 * down the screen), the page is scrolled so first: the reader sees the whole panel, under the
 * paragraph it cites, rather than a third of it in a box of its own to scroll. Only where even
 * that is too little does the panel get shorter and scroll inside. See place-panel.ts, which
 * places it and which this module brings with it (Floating UI): import it only from code that
 * is itself loaded on use.
 */
import { headerCover, MARGIN, placePanel } from './place-panel.ts';

/** Space between the anchor and the panel, as placePanel leaves it by default. */
const GAP = 8;

export function placeBelow(panel: HTMLElement, anchor: HTMLElement, maxWidth: number): Promise<void> {
  makeRoom(panel, anchor, maxWidth);
  return placePanel(panel, anchor, { maxWidth });
}

/** Scrolls `anchor` up to the header when `panel`, at its natural height, fits neither below nor above it as it stands. */
function makeRoom(panel: HTMLElement, anchor: HTMLElement, maxWidth: number) {
  panel.style.maxHeight = '';
  panel.style.width = `${Math.min(maxWidth, document.documentElement.clientWidth - 2 * MARGIN)}px`;
  const needed = panel.offsetHeight + GAP + MARGIN;
  const top = headerCover() + MARGIN;
  const { top: anchorTop, bottom } = anchor.getBoundingClientRect();
  const below = innerHeight - bottom;
  const above = anchorTop - top;
  if (below >= needed || above >= needed) return;
  // Only as far as makes the panel fit, and never past the anchor's own top.
  scrollBy({ top: Math.min(needed - below, anchorTop - top), behavior: 'auto' });
}
