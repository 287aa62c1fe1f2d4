/**
 * Places a floating panel under the element that opened it, kept inside the window: above it
 * where there is no room below, shorter and scrolling inside where neither side has room. See
 * place-panel.ts, which does it and which this module brings with it (Floating UI): import it
 * only from code that is itself loaded on use.
 */
import { placePanel } from './place-panel.ts';

export function placeBelow(panel: HTMLElement, anchor: HTMLElement, maxWidth: number): Promise<void> {
  return placePanel(panel, anchor, { maxWidth });
}
