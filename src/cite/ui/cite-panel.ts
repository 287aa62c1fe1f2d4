/**
 * 引用: the ¶ number of every paragraph opens a citation panel (cite-panel-dialog.ts, loaded
 * on the first click). Keyboard: the ¶ number is a link, so Tab reaches it and Enter opens the
 * panel. Ctrl/⌘-click still opens the paragraph's link, and without JavaScript the ¶ number is
 * a plain link to the paragraph.
 */
/** The number of the paragraph a ¶ number belongs to. */
export const paragraphOf = (pnum: Element) => Number((pnum.closest('.para') as HTMLElement | null)?.id.slice(2));

export function initCitePanel() {
  for (const pnum of document.querySelectorAll<HTMLAnchorElement>('.para > .pnum')) {
    pnum.setAttribute('aria-haspopup', 'dialog');
    pnum.setAttribute('aria-expanded', 'false');
    pnum.setAttribute('aria-label', `¶${paragraphOf(pnum)}（引用本段）`);
    pnum.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      void import('./cite-panel-dialog.ts').then(async (m) => {
        await m.styled;
        m.openCitePanel(pnum, event.shiftKey);
      });
    });
  }
}
