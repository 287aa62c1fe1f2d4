/**
 * Glossary terms in the text open a small popover with the short definition and a link to the
 * full entry. Without JavaScript, and until the reader's first move loads the page's behaviour
 * (src/reader/intent.ts), the term is a plain link to its entry. What then runs is only this:
 * the terms are told they open a dialog, and a click on one loads the popover
 * (term-popover-dialog.ts, with its styles) and opens it. The definitions are fetched once,
 * when the reader first opens a term; if that fails, the term works as a link.
 *
 * Keyboard: a term is a link, so Tab reaches it and Enter opens the popover, which takes focus
 * (a non-modal dialog, announced with its title); Esc or the close button closes it and focus
 * returns to the term. A click outside closes it too.
 */
import { onClick } from '../../reader/on-click.ts';

const TERM = 'a.term';

export function initTermPopovers() {
  const popover = document.getElementById('term-popover');
  const terms = document.querySelectorAll(TERM);
  if (!popover || terms.length === 0) return;
  for (const link of terms) {
    // In the script, not the HTML: they are true only once a click opens the popover.
    link.setAttribute('aria-haspopup', 'dialog');
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', popover.id);
  }
  onClick(TERM, (link, event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void import('./term-popover-dialog.ts').then(
      (m) => m.toggleTermPopover(popover, link),
      () => (location.href = link.href),
    );
  });
}
