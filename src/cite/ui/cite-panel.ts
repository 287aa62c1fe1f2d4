/**
 * 引用: the ¶ number of every paragraph opens a citation panel (cite-panel-dialog.ts, loaded
 * on the first click). Keyboard: the ¶ number is a link, so Tab reaches it and Enter opens the
 * panel. Ctrl/⌘-click still opens the paragraph's link, and without JavaScript the ¶ number is
 * a plain link to the paragraph.
 */
import { onClick } from '../../reader/on-click.ts';

/** The number of the paragraph a ¶ number belongs to. */
export const paragraphOf = (pnum: Element) => Number((pnum.closest('.para') as HTMLElement | null)?.id.slice(2));

const PNUM = '.para > .pnum';

export function initCitePanel() {
  // In the script, not the HTML: they are true only once a click opens the panel.
  for (const pnum of document.querySelectorAll(PNUM)) {
    pnum.setAttribute('aria-haspopup', 'dialog');
    pnum.setAttribute('aria-expanded', 'false');
    pnum.setAttribute('aria-label', `¶${paragraphOf(pnum)}（引用本段）`);
  }
  onClick(PNUM, (pnum, event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    void import('./cite-panel-dialog.ts').then(async (m) => {
      await m.styled;
      m.openCitePanel(pnum, event.shiftKey);
    });
  });
}
