/**
 * What the engine tests do in pages, written once over the engine interface: selecting words
 * as a reader would, reading the clipboard back, measuring a floating panel against the window.
 */
import { selectInPage } from '../support/selection.ts';
import { nextFrames, type EnginePage } from './engine.ts';

/**
 * Selects the `occurrence`-th `quote` in ¶n (its report text, across term links, without
 * edition UI) and ends the selection as a mouse does, with a mouseup, so the toolbar appears.
 */
export function selectWords(page: EnginePage, n: number, quote: string, occurrence = 0) {
  return page.evaluate(selectInPage, n, quote, occurrence);
}

/**
 * What the system clipboard holds, read as a reader would: pasted (Ctrl+V) into a text box
 * made for it. Works in every engine here, also where `navigator.clipboard.readText` is refused
 * (WebKit) or absent (a plain-HTTP origin).
 */
export async function readClipboard(page: EnginePage): Promise<string> {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'engine-paste';
    area.setAttribute('aria-label', 'paste');
    document.body.append(area);
    area.focus();
  });
  await page.press('Control+v');
  return page.evaluate(() => {
    const area = document.getElementById('engine-paste') as HTMLTextAreaElement;
    const value = area.value;
    area.remove();
    return value;
  });
}

export interface PanelBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The window's size and the bottom of the sticky header. */
  width: number;
  height: number;
  header: number;
  /** Whether the panel covers the point the reader acted on. */
  coversAnchor: boolean;
}

/** Where a panel is, against the window and the anchor it was opened from. */
export function panelBox(page: EnginePage, panel: string, anchor: string | null): Promise<PanelBox> {
  return page.evaluate(
    (panel: string, anchor: string | null) => {
      const box = document.querySelector(panel)!.getBoundingClientRect();
      const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
      let coversAnchor = false;
      if (anchor) {
        const a = document.querySelector(anchor)!.getClientRects()[0]!;
        const x = a.left + a.width / 2;
        const y = a.top + a.height / 2;
        coversAnchor = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
      }
      return {
        top: box.top,
        bottom: box.bottom,
        left: box.left,
        right: box.right,
        width: document.documentElement.clientWidth,
        height: innerHeight,
        header,
        coversAnchor,
      };
    },
    panel,
    anchor,
  );
}

/** Waits two animation frames: a panel placed asynchronously is then in its place. */
export const settle = (page: EnginePage) => page.evaluate(nextFrames);

/**
 * Scrolls so the element's centre is at `fraction` of the room between the sticky header and
 * the bottom of the window (0 just under the header, 1 at the bottom edge).
 */
export function scrollTo(page: EnginePage, selector: string, fraction: number) {
  return page.evaluate(
    (sel: string, f: number) => {
      const el = document.querySelector(sel)!;
      const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
      const box = el.getBoundingClientRect();
      const room = innerHeight - header - box.height - 8;
      const want = header + 4 + f * room;
      scrollBy({ top: box.top - want, behavior: 'instant' as ScrollBehavior });
      return el.getBoundingClientRect().top;
    },
    selector,
    fraction,
  );
}
