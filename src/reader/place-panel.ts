/**
 * Places a floating panel (the 引用 panel, a glossary popover, the selection toolbar, the
 * header's search results) beside what opened it and wholly inside the window, with Floating
 * UI: below its anchor if it fits there, else on the side with more room (`flip`); moved
 * sideways to stay on screen (`shift`); never taller than the room on its side, scrolling
 * inside instead (`size`; the panels' CSS gives them `overflow-y: auto`). The sticky header is
 * not room: a panel is not placed under it. While the panel is open it follows its anchor when
 * the window or the panel changes size.
 *
 * Loaded only with the panels' own code (dynamic imports), so a page that is only read does
 * not load it. Positions are written through the CSSOM (`element.style.left = …`), which a
 * Content-Security-Policy without `'unsafe-inline'` for styles allows (the engine tests see no
 * violation in Chromium, Firefox or WebKit); inline styles in markup, `setAttribute('style', …)`
 * and `<style>` elements would be blocked.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type Placement, type VirtualElement } from '@floating-ui/dom';

export interface PlaceOptions {
  /** Where first to try: `bottom-start` (default), `bottom-end`… */
  placement?: Placement;
  /** Widest the panel may be, in CSS pixels; never wider than the window less its margins. */
  maxWidth?: number;
  /** Space between anchor and panel (default 8 px). */
  gap?: number;
  /** Tallest the panel may be even where there is more room. */
  maxHeight?: number;
  /** Keep out of the sticky header (default true; false for a panel that belongs to the header). */
  belowHeader?: boolean;
}

/** Distance kept from the window's edges. */
export const MARGIN = 8;
/** A panel is never made shorter than this, even in a very short window: it scrolls inside. */
const MIN_HEIGHT = 96;

/** Sets `panel` to `maxWidth` CSS pixels, or the window's width less its margins where that is less. */
export function setPanelWidth(panel: HTMLElement, maxWidth: number) {
  panel.style.width = `${Math.min(maxWidth, document.documentElement.clientWidth - 2 * MARGIN)}px`;
}

/** How much of the top of the window the sticky header covers. */
export function headerCover(): number {
  const header = document.querySelector('.site-header');
  if (!header) return 0;
  const { position } = getComputedStyle(header);
  return position === 'sticky' || position === 'fixed' ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

/** The follower of each panel that is shown, to stop when it is placed anew or hidden. */
const following = new WeakMap<HTMLElement, () => void>();

/**
 * Places `panel` next to `anchor` (an element, or a virtual one such as a selection's range)
 * and keeps it placed while it is shown: it stops by itself once the panel is hidden. Resolves
 * once the panel is in place, so that a caller can move focus into it without a jump.
 */
export function placePanel(panel: HTMLElement, anchor: Element | VirtualElement, options: PlaceOptions = {}): Promise<void> {
  following.get(panel)?.();
  // A panel reused for another anchor starts from its natural size, so the choice of side is
  // made on the whole panel rather than on the height it was last cut to.
  panel.style.maxHeight = '';
  let placed!: () => void;
  const first = new Promise<void>((resolve) => (placed = resolve));
  const update = () => {
    if (options.maxWidth) setPanelWidth(panel, options.maxWidth);
    const padding = { top: (options.belowHeader === false ? 0 : headerCover()) + MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
    void computePosition(anchor, panel, {
      strategy: 'absolute',
      placement: options.placement ?? 'bottom-start',
      middleware: [
        offset(options.gap ?? 8),
        flip({ padding, fallbackStrategy: 'bestFit', crossAxis: false }),
        shift({ padding }),
        size({
          padding,
          apply({ availableHeight, elements }) {
            const height = Math.max(MIN_HEIGHT, Math.min(availableHeight, options.maxHeight ?? Infinity));
            elements.floating.style.maxHeight = `${Math.floor(height)}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
      placed();
    });
  };
  const stopUpdates = autoUpdate(anchor, panel, update, { ancestorScroll: false, layoutShift: false });
  const watch = new MutationObserver(() => {
    if (panel.hidden || !panel.isConnected) stop();
  });
  const stop = () => {
    stopUpdates();
    watch.disconnect();
    if (following.get(panel) === stop) following.delete(panel);
  };
  watch.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  following.set(panel, stop);
  return first;
}
