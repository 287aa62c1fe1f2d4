/**
 * Moves focus to a paragraph without scrolling and without making it a Tab stop: for arriving
 * at `#p-N`, and for giving focus back to the text when the toolbar or a note that had it goes.
 */
export function focusParagraph(para: HTMLElement | null | undefined) {
  if (!para) return;
  if (!para.hasAttribute('tabindex')) para.setAttribute('tabindex', '-1');
  para.focus({ preventScroll: true });
}
